package org.mlplatform.portal.admin;

import java.time.Duration;
import java.time.Instant;

/** "12 s ago": how long since a heartbeat, at the coarsest unit that is still useful. */
final class TimeAgo {

    private TimeAgo() {}

    static String format(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long seconds = Math.max(0, Duration.between(then, now).getSeconds());
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 86400) {
            return seconds / 3600 + " h ago";
        }
        return seconds / 86400 + " d ago";
    }
}
