package org.mlplatform.contract.model;

/** What a model does; decides how the portal builds its "try it" form and which trainers fit. */
public enum ModelTask {
    TABULAR_CLASSIFICATION,
    TABULAR_REGRESSION,
    IMAGE_CLASSIFICATION,
    OTHER
}
