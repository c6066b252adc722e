package org.mlplatform.api.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The platform's own settings, under {@code platform.*}. */
@ConfigMapping(prefix = "platform")
public interface PlatformConfig {

    /** Worker liveness. */
    Workers workers();

    /** Demo data. */
    Demo demo();

    /** Problem documents. */
    Problems problems();

    interface Workers {
        /** A worker without a heartbeat for this long is shown OFFLINE. */
        @WithDefault("30s")
        Duration offlineAfter();
    }

    interface Demo {
        /** Whether to create the demo users and tenants at start (idempotent); off in prod. */
        @WithDefault("false")
        boolean seed();
    }

    interface Problems {
        /** The prefix of every problem {@code type} URI; the problem's name is appended. */
        @WithDefault("https://mlplatform.org/problems/")
        String typeBase();
    }
}
