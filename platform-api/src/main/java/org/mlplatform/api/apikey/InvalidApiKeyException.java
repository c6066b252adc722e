package org.mlplatform.api.apikey;

import java.util.List;
import java.util.Map;
import org.mlplatform.api.common.ApiException;

/**
 * No usable API key: missing, malformed, unknown, revoked, expired, or its tenant suspended. One
 * answer for all, so it tells an attacker nothing; it never echoes the key.
 */
public class InvalidApiKeyException extends ApiException {

    public InvalidApiKeyException() {
        super(
                401,
                "invalid-api-key",
                "Invalid API key",
                "A valid API key is required as 'Authorization: Bearer <key>'.",
                List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"inference\""));
    }
}
