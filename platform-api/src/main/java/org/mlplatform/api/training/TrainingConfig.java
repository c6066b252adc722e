package org.mlplatform.api.training;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of training jobs, under {@code platform.training.*}. */
@ConfigMapping(prefix = "platform.training")
public interface TrainingConfig {

    /** The most epochs a job may ask for. */
    @WithDefault("1000")
    int maxEpochs();

    /** The most worker time one job may use over all its attempts. */
    @WithDefault("6h")
    Duration maxWallTime();
}
