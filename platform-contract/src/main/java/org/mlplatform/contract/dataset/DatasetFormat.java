package org.mlplatform.contract.dataset;

import java.util.Arrays;
import java.util.Locale;

/** How a dataset is packaged. On the wire: {@code csv|image-zip}. */
public enum DatasetFormat {
    /** UTF-8 CSV with a header row. */
    CSV("csv"),
    /** A zip with one folder per class holding PNG or JPEG images. */
    IMAGE_ZIP("image-zip");

    private final String wireName;

    DatasetFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Parses the wire name, case-insensitively (JAX-RS calls this for query parameters). */
    public static DatasetFormat fromString(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(f -> f.wireName.equals(wanted) || f.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("format must be one of csv, image-zip"));
    }
}
