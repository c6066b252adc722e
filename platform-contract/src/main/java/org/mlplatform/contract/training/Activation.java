package org.mlplatform.contract.training;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The activation between the hidden layers of an {@code mlp}. */
public enum Activation {
    @JsonProperty("relu")
    RELU,
    @JsonProperty("tanh")
    TANH,
    @JsonProperty("sigmoid")
    SIGMOID
}
