package org.mlplatform.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeAgoTest {

    private final Instant now = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void shouldUseTheCoarsestUsefulUnit() {
        assertThat(TimeAgo.format(now.minusSeconds(12), now)).isEqualTo("12 s ago");
        assertThat(TimeAgo.format(now.minusSeconds(125), now)).isEqualTo("2 min ago");
        assertThat(TimeAgo.format(now.minusSeconds(7300), now)).isEqualTo("2 h ago");
        assertThat(TimeAgo.format(now.minusSeconds(3 * 86400), now)).isEqualTo("3 d ago");
        assertThat(TimeAgo.format(null, now)).isEqualTo("never");
    }
}
