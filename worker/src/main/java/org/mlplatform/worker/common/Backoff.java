package org.mlplatform.worker.common;

import java.time.Duration;

/** Exponential backoff: each failure doubles the delay, up to a maximum; success resets it. */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max backoff");
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The delay to wait after this failure; the following call returns twice as much. */
    public synchronized Duration nextDelay() {
        Duration current = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return current;
    }

    /** Starts again from the initial delay. */
    public synchronized void reset() {
        next = initial;
    }
}
