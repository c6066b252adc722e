package org.mlplatform.api.apikey;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed hashes of API keys: HMAC-SHA-256 with the server secret, so a stolen database alone does
 * not let anyone check guesses. Compared in constant time.
 */
@ApplicationScoped
public class ApiKeyHasher {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec secret;
    private final ThreadLocal<Mac> macs;

    public ApiKeyHasher(ApiKeysConfig config) {
        String value = config.hmacSecret();
        if (value == null || value.length() < 32) {
            throw new IllegalStateException(
                    "platform.api-keys.hmac-secret (PLATFORM_API_KEYS_HMAC_SECRET) must be set"
                            + " to at least 32 characters");
        }
        this.secret = new SecretKeySpec(value.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    public byte[] hash(String key) {
        Mac mac = macs.get();
        return mac.doFinal(key.getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether the key hashes to {@code expected}; constant time in the hash. */
    public boolean matches(String key, byte[] expected) {
        return expected != null && MessageDigest.isEqual(hash(key), expected);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
