package org.mlplatform.portal.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.mlplatform.contract.usage.UsageGranularity;

/** The time windows the usage pages offer, each with the granularity that suits it. */
public enum UsageRange {
    LAST_HOUR("Last hour, by minute", Duration.ofHours(1), UsageGranularity.MINUTE),
    LAST_DAY("Last 24 hours, by hour", Duration.ofHours(24), UsageGranularity.HOUR),
    LAST_30_DAYS("Last 30 days, by day", Duration.ofDays(30), UsageGranularity.DAY);

    final String label;
    final Duration length;
    final UsageGranularity granularity;

    UsageRange(String label, Duration length, UsageGranularity granularity) {
        this.label = label;
        this.length = length;
        this.granularity = granularity;
    }

    public UsageGranularity granularity() {
        return granularity;
    }

    /** The window's end: the end of the interval {@code now} falls in, so it shows too. */
    public Instant to(Instant now) {
        ChronoUnit unit =
                switch (granularity) {
                    case MINUTE -> ChronoUnit.MINUTES;
                    case HOUR -> ChronoUnit.HOURS;
                    case DAY -> ChronoUnit.DAYS;
                };
        return now.truncatedTo(unit).plus(1, unit);
    }

    public Instant from(Instant now) {
        return to(now).minus(length);
    }
}
