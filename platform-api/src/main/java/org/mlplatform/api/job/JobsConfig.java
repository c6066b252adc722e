package org.mlplatform.api.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The job queue, under {@code platform.jobs.*}. */
@ConfigMapping(prefix = "platform.jobs")
public interface JobsConfig {

    /** How long a claim or heartbeat holds a job for its worker. */
    @WithDefault("30s")
    Duration leaseDuration();

    /** How often expired leases are looked for. */
    @WithDefault("5s")
    Duration reaperInterval();

    /** The wait before retry n is this times 2^(n-2), capped at {@link #maxBackoff()}. */
    @WithDefault("10s")
    Duration retryBackoff();

    /** The longest wait before a retry. */
    @WithDefault("10m")
    Duration maxBackoff();

    /** Runs of a job before it fails for good. */
    @WithDefault("3")
    int maxAttempts();
}
