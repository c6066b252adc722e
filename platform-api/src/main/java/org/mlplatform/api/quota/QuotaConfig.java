package org.mlplatform.api.quota;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The limits of tenants that a platform admin has not set, under {@code platform.quota.*}. */
@ConfigMapping(prefix = "platform.quota")
public interface QuotaConfig {

    /** Bytes of artifacts and datasets a tenant may reference (10 GiB). */
    @WithDefault("10737418240")
    long defaultMaxStorageBytes();

    /** Models per tenant. */
    @WithDefault("100")
    int defaultMaxModels();

    /** Datasets per tenant. */
    @WithDefault("100")
    int defaultMaxDatasets();

    /** TRAIN jobs running at once per tenant; unset is unlimited. */
    Optional<Integer> defaultMaxConcurrentJobs();

    /** Worker seconds of training per tenant and calendar month (UTC); unset is unlimited. */
    Optional<Long> defaultMonthlyTrainingSeconds();

    /** Inference calls per second per tenant, over all its keys and replicas; unset: unlimited. */
    Optional<Integer> defaultMaxRequestsPerSecond();

    /** Inference calls per tenant and calendar month (UTC); unset is unlimited. */
    Optional<Long> defaultMonthlyInferenceRequests();

    /** How far behind the database the gateway's view of a tenant's status and limits may be. */
    @WithDefault("500ms")
    Duration cacheTtl();
}
