package org.mlplatform.api.inference;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the gateway reaches inference workers, under {@code platform.inference.*}. */
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

    /** How often the deployment directory reloads (how far behind another replica's change is). */
    @WithDefault("500ms")
    Duration directoryRefresh();
}
