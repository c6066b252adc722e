package org.mlplatform.contract.usage;

import java.util.Arrays;
import java.util.Locale;

/**
 * How usage is split into series. On the wire: {@code key|model|tenant}; absent: one series. {@code
 * tenant} is for admins only.
 */
public enum UsageGroupBy {
    KEY,
    MODEL,
    TENANT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire name, case-insensitively (JAX-RS calls this for query parameters). */
    public static UsageGroupBy fromString(String value) {
        return Arrays.stream(values())
                .filter(g -> g.name().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "groupBy must be one of key, model, tenant"));
    }
}
