package org.mlplatform.contract.usage;

import java.util.Arrays;
import java.util.Locale;

/** The width of one usage point. On the wire: {@code minute|hour|day}. */
public enum UsageGranularity {
    MINUTE,
    HOUR,
    DAY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the wire name, case-insensitively (JAX-RS calls this for query parameters). */
    public static UsageGranularity fromString(String value) {
        return Arrays.stream(values())
                .filter(g -> g.name().equalsIgnoreCase(value.trim()))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "granularity must be one of minute, hour, day"));
    }
}
