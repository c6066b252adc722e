package org.mlplatform.api.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Rate limits shared by the gateway replicas, under {@code platform.rate-limits.*}. */
@ConfigMapping(prefix = "platform.rate-limits")
public interface RateLimitConfig {

    /**
     * The share of a bucket's rate a replica leases in one database statement (at least one token).
     * Smaller: less overshoot across replicas; larger: fewer statements (see docs/api.md).
     */
    @WithDefault("0.05")
    double leaseFraction();

    /** How long a replica may hold leased tokens before it drops them unused. */
    @WithDefault("1s")
    Duration leaseTtl();
}
