package org.mlplatform.contract.apikey;

/**
 * A key with its secret, answered once at creation or rotation; the platform keeps only a keyed
 * hash of it and can never show it again.
 *
 * @param secret the whole key to send as {@code Authorization: Bearer <secret>}
 */
public record CreatedApiKeyResponse(ApiKeyResponse key, String secret) {}
