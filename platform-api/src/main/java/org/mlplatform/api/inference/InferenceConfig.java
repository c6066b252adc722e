package org.mlplatform.api.inference;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How the gateway reaches inference workers, and whether platform-api is one itself, under {@code
 * platform.inference.*}.
 */
@ConfigMapping(prefix = "platform.inference")
public interface InferenceConfig {

    /** How long a worker may take to start answering an inference call. */
    @WithDefault("30s")
    Duration requestTimeout();

    /** How long opening a connection to a worker may take before it counts as refused. */
    @WithDefault("1s")
    Duration connectTimeout();

    /** Keep-alive connections each gateway event loop holds open to each worker at most. */
    @WithDefault("64")
    int maxConnectionsPerWorker();

    /** How often the gateway reloads the list of live inference workers (at least 1 s). */
    @WithDefault("1s")
    Duration workersRefresh();

    /** How long a worker that refused a connection is skipped before it is tried again. */
    @WithDefault("5s")
    Duration markDownFor();

    /** The largest inference request body the gateway accepts (larger: 413). */
    @WithDefault("64M")
    MemorySize maxRequestSize();

    /**
     * The request bodies the gateway holds at once, together (being read, or waiting for their
     * answers); a call whose body does not fit is 503 with Retry-After. Default: a quarter of the
     * heap ({@code -Xmx}).
     */
    Optional<MemorySize> requestBufferSize();

    /**
     * The part of {@code request-buffer-size} one tenant's bodies may hold (more than 0, at most
     * 1), so that one tenant's large or slow calls leave room for the others'.
     */
    @WithDefault("0.5")
    double tenantRequestBufferShare();

    /** How often the deployment directory reloads (how far behind another replica's change is). */
    @WithDefault("500ms")
    Duration directoryRefresh();

    /** Serving models in this process, beside the gateway (the serving runtime of the worker). */
    Local local();

    /**
     * platform-api as an inference worker of its own: it registers like a worker, holds the
     * deployments rendezvous hashing gives it, and the gateway calls them without an HTTP hop. The
     * serving runtime's own settings are {@code platform.serving.*}.
     */
    interface Local {

        /**
         * Whether this process serves models. On for {@code ./platform up} (one machine: no hop
         * between gateway and model); off by default, where separate inference workers scale on
         * their own and a model's native code cannot take the control plane down with it.
         */
        @WithDefault("false")
        boolean enabled();

        /** Its name among the workers; default {@code platform-api@<host>:<port>}. */
        Optional<String> name();

        /**
         * Where other platform-api replicas reach its models: the base URL of this process plus
         * {@code /internal/serving}.
         */
        @WithDefault("http://localhost:${quarkus.http.port}/internal/serving")
        String advertisedUrl();

        /** How often it tells the platform it is alive (a worker's heartbeat). */
        @WithDefault("10s")
        Duration heartbeatInterval();
    }
}
