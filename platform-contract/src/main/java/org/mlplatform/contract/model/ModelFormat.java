package org.mlplatform.contract.model;

import java.util.Arrays;
import java.util.Locale;

/** How a model version's artifact is packaged. On the wire: {@code onnx|torchscript|djl}. */
public enum ModelFormat {
    /** A single {@code .onnx} file, run by the ONNX Runtime engine. */
    ONNX("onnx"),
    /** A single TorchScript {@code .pt} file, run by the PyTorch engine. */
    TORCHSCRIPT("torchscript"),
    /** A DJL model archive: a {@code .zip} with the model files and {@code serving.properties}. */
    DJL("djl");

    private final String wireName;

    ModelFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses the wire name, case-insensitively (JAX-RS calls this for query parameters). */
    public static ModelFormat fromString(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.wireName.equals(wanted) || f.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "format must be one of onnx, torchscript, djl"));
    }
}
