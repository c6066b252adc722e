package org.mlplatform.worker.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void shouldDoubleUpToTheMaximumAndStartOverAfterReset() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofSeconds(5));

        backoff.reset();
        assertThat(backoff.nextDelay()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldRejectAMaximumBelowTheInitialDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
