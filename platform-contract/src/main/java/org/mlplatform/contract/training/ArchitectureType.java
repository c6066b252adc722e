package org.mlplatform.contract.training;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The built-in network architectures. */
public enum ArchitectureType {
    /** A multi-layer perceptron for tabular data: dense layers with an activation and dropout. */
    @JsonProperty("mlp")
    MLP,
    /**
     * A small CNN for images: conv 32 3×3 relu → max-pool 2 → conv 64 3×3 relu → max-pool 2 →
     * flatten → dense 64 relu → dense N softmax.
     */
    @JsonProperty("cnn")
    CNN
}
