package org.mlplatform.contract.training;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The network to train. Fields that do not apply to the type are ignored; null fields take the
 * defaults, and a job's response shows the values it ran with.
 *
 * @param type {@code mlp} (tabular) or {@code cnn} (images)
 * @param hiddenLayers mlp: the width of each hidden layer, default [64, 32]
 * @param activation mlp: default relu
 * @param dropout mlp: the dropout rate after each hidden layer, 0 ≤ dropout < 1, default 0
 * @param inputSize cnn: images are resized to inputSize × inputSize, default 32
 * @param channels cnn: 1 (grayscale) or 3 (RGB), default 3
 */
public record ArchitectureSpec(
        @NotNull ArchitectureType type,
        @Size(min = 1, max = 8) List<@Min(1) @Max(4096) Integer> hiddenLayers,
        Activation activation,
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double dropout,
        @Min(8) @Max(256) Integer inputSize,
        @Min(1) @Max(3) Integer channels) {

    public static final List<Integer> DEFAULT_HIDDEN_LAYERS = List.of(64, 32);
    public static final int DEFAULT_INPUT_SIZE = 32;
    public static final int DEFAULT_CHANNELS = 3;

    /** This spec with every null field set to its default. */
    public ArchitectureSpec withDefaults() {
        return new ArchitectureSpec(
                type,
                hiddenLayers == null ? DEFAULT_HIDDEN_LAYERS : hiddenLayers,
                activation == null ? Activation.RELU : activation,
                dropout == null ? 0.0 : dropout,
                inputSize == null ? DEFAULT_INPUT_SIZE : inputSize,
                channels == null ? DEFAULT_CHANNELS : channels);
    }
}
