package org.mlplatform.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Typed configuration of the worker, under {@code platform.worker}. */
@ConfigMapping(prefix = "platform.worker")
public interface WorkerConfig {

    /** Stable worker name, unique among workers; default: host name and HTTP port. */
    Optional<String> name();

    /** URL where platform-api reaches this worker (env {@code WORKER_ADVERTISED_URL}). */
    @WithDefault("http://localhost:8082")
    String advertisedUrl();

    /** How often a registered worker sends a heartbeat to platform-api. */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /** The DJL engine. */
    Engine engine();

    /** Retries of the registration while platform-api is not reachable. */
    Registration registration();

    /** DJL engine settings. */
    interface Engine {

        /** DJL engine name, as {@code Engine.getEngine(name)} knows it. */
        @WithDefault("PyTorch")
        String name();

        /** Device the worker computes on: {@code cpu}, or {@code gpu} / {@code gpu(1)}. */
        @WithDefault("cpu")
        String device();

        /**
         * Where DJL extracts the native libraries (sets {@code DJL_CACHE_DIR}); empty keeps DJL's
         * default {@code ~/.djl.ai}.
         */
        Optional<String> cacheDir();
    }

    /** Registration retry settings. */
    interface Registration {

        /** First wait after a failed registration; doubles after each further failure. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Longest wait between two registration attempts. */
        @WithDefault("30s")
        Duration maxBackoff();
    }
}
