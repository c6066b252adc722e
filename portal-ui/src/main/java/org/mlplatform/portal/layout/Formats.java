package org.mlplatform.portal.layout;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.mlplatform.contract.quota.QuotaLimit;

/** How the portal writes times: one format everywhere, in UTC, so admins compare like for like. */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private Formats() {}

    /** {@code 14:03:07}, in UTC like every other time. */
    public static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** {@code 45 s}, {@code 3 min 05 s}, {@code 2 h 07 min}. */
    public static String duration(java.time.Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(
                    java.util.Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(
                java.util.Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    /** A size for people: {@code 512 B}, {@code 1.5 KB}, {@code 2.0 GB} (powers of 1024). */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** A count with thousands separators: {@code 21,179,433}. */
    public static String count(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }

    /** {@code Models: 3 of 10}, or {@code Models: 3 (no limit)}. */
    public static String usage(String what, QuotaLimit limit) {
        return what
                + ": "
                + count(limit.used())
                + (limit.limit() == null ? " (no limit)" : " of " + count(limit.limit()));
    }

    /** A number with up to 4 significant decimals and no exponent; "" for null. */
    public static String number(Double value) {
        if (value == null) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf(value.longValue());
        }
        return new java.math.BigDecimal(value)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }
}
