package org.mlplatform.api.usage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Usage metering, under {@code platform.usage.*}. */
@ConfigMapping(prefix = "platform.usage")
public interface UsageConfig {

    /**
     * How often counted calls are written to the database (at most 1s: a crash loses at most this
     * much of the counts). A Quarkus scheduler interval such as {@code 1s} or {@code 200ms}.
     */
    @WithDefault("1s")
    String flushInterval();
}
