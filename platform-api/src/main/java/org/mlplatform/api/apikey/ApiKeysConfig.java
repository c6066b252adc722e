package org.mlplatform.api.apikey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** API keys, under {@code platform.api-keys.*}. */
@ConfigMapping(prefix = "platform.api-keys")
public interface ApiKeysConfig {

    /**
     * The server secret keys are hashed with (HMAC-SHA-256), at least 32 characters; env {@code
     * PLATFORM_API_KEYS_HMAC_SECRET}. Required: changing it invalidates every key.
     */
    String hmacSecret();

    /** How long the gateway trusts a cached key before reading it again (revocation delay). */
    @WithDefault("500ms")
    Duration cacheTtl();

    /** How often the keys' {@code last_used_at} is written (at most once per key per interval). */
    @WithDefault("60s")
    Duration lastUsedInterval();

    /** The latest expiry a key may have, counted from its creation. */
    @WithDefault("P365D")
    Duration maxLifetime();
}
