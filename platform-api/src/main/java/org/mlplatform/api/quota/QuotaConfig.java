package org.mlplatform.api.quota;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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
}
