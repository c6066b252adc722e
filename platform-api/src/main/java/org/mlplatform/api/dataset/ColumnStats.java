package org.mlplatform.api.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.mlplatform.contract.dataset.ColumnProfile;
import org.mlplatform.contract.dataset.ColumnType;

/**
 * One column's statistics, updated value by value in constant memory: Welford's running mean and
 * variance while every value is numeric, and the distinct values up to the cap (then dropped).
 */
final class ColumnStats {

    /**
     * Longer values are counted by hash: they make the column TEXT, so their text is not needed.
     */
    static final int MAX_CATEGORY_CHARS = 256;

    /** A plain decimal number; unlike Double.parseDouble, no hex, no "1d", no "NaN". */
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String name;
    private final int cap;
    private long nullCount;
    private long valueCount;

    private boolean numeric = true;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    private Map<String, Long> counts = new HashMap<>();
    private boolean capped;
    private boolean longValues;

    ColumnStats(String name, int cap) {
        this.name = name;
        this.cap = cap;
    }

    void add(String raw) {
        String value = raw.strip();
        if (value.isEmpty()) {
            nullCount++;
            return;
        }
        valueCount++;
        if (numeric) {
            addNumber(value);
        }
        if (!capped) {
            countDistinct(value);
        }
    }

    private void addNumber(String value) {
        double x = NUMBER.matcher(value).matches() ? Double.parseDouble(value) : Double.NaN;
        if (!Double.isFinite(x)) {
            numeric = false;
            return;
        }
        double delta = x - mean;
        mean += delta / valueCount;
        m2 += delta * (x - mean);
        min = Math.min(min, x);
        max = Math.max(max, x);
    }

    private void countDistinct(String value) {
        String key = value;
        if (value.length() > MAX_CATEGORY_CHARS) {
            longValues = true;
            key = "\0" + sha256(value);
        }
        counts.merge(key, 1L, Long::sum);
        if (counts.size() > cap) {
            capped = true;
            counts = null; // more than the cap: not categorical, and the memory goes back
        }
    }

    ColumnType type() {
        if (valueCount == 0) {
            return ColumnType.TEXT; // nothing to infer from
        }
        if (numeric) {
            return ColumnType.NUMERIC;
        }
        return capped || longValues ? ColumnType.TEXT : ColumnType.CATEGORICAL;
    }

    ColumnProfile profile() {
        ColumnType type = type();
        boolean isNumeric = type == ColumnType.NUMERIC;
        return new ColumnProfile(
                name,
                type,
                nullCount,
                isNumeric ? min : null,
                isNumeric ? max : null,
                isNumeric ? mean : null,
                isNumeric ? Math.sqrt(m2 / valueCount) : null,
                capped ? cap : counts.size(),
                capped,
                type == ColumnType.CATEGORICAL ? sortedCounts() : null);
    }

    /** Most frequent first, then by value, so the order is stable. */
    private Map<String, Long> sortedCounts() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(
                        Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                                .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
