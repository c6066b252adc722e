package org.mlplatform.contract.training;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a training job learns. On the wire: {@code classification|regression|image-classification}.
 */
public enum TrainingTask {
    /** Tabular CSV rows to one of the label column's values. */
    @JsonProperty("classification")
    CLASSIFICATION("classification"),
    /** Tabular CSV rows to the numeric label column. */
    @JsonProperty("regression")
    REGRESSION("regression"),
    /** An image-zip dataset: each image to its folder's class. */
    @JsonProperty("image-classification")
    IMAGE_CLASSIFICATION("image-classification");

    private final String wireName;

    TrainingTask(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses the wire name, case-insensitively (JAX-RS calls this for query parameters). */
    public static TrainingTask fromString(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values())
                .filter(t -> t.wireName.equals(wanted))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "task must be one of classification, regression,"
                                                + " image-classification"));
    }
}
