package org.mlplatform.serving;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret this worker makes at start and sends in its registration: the gateway presents it as
 * {@code Authorization: Bearer} on every inference call, so nobody else can call the worker's
 * models directly. 32 random bytes, base64url without padding; it never leaves memory otherwise.
 */
@ApplicationScoped
public class InferenceToken {

    private static final int BYTES = 32;
    private static final String BEARER = "Bearer ";

    private final String token;
    private final byte[] expected;

    public InferenceToken() {
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.expected = (BEARER + token).getBytes(StandardCharsets.US_ASCII);
    }

    /** The token, for the registration request. */
    public String value() {
        return token;
    }

    /** Whether an {@code Authorization} header carries the token (compared in constant time). */
    public boolean accepts(String authorization) {
        if (authorization == null) {
            return false;
        }
        return MessageDigest.isEqual(expected, authorization.getBytes(StandardCharsets.US_ASCII));
    }
}
