package org.mlplatform.contract.training;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the weights are updated. */
public enum OptimizerType {
    /** Adam with the usual betas (0.9, 0.999). */
    @JsonProperty("adam")
    ADAM,
    /** Stochastic gradient descent with {@code momentum}. */
    @JsonProperty("sgd")
    SGD
}
