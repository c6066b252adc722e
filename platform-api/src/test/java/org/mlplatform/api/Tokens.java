package org.mlplatform.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs Keycloak-shaped access tokens (RS256) with the test key whose public half is {@code
 * %test.quarkus.oidc.public-key}, so tests go through the real OIDC bearer check.
 */
public final class Tokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrivateKey KEY = loadKey();

    private Tokens() {}

    /** A token of a user with a stable subject derived from the username. */
    public static String user(String username, String... roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(
                "sub",
                UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString());
        claims.put("preferred_username", username);
        claims.put("email", username + "@example.test");
        claims.put("name", "User " + username);
        claims.put("aud", "platform-api");
        claims.put("realm_access", Map.of("roles", List.of(roles)));
        return sign(claims);
    }

    /** Signs the claims, adding issuer and validity times. */
    public static String sign(Map<String, Object> claims) {
        Map<String, Object> all = new LinkedHashMap<>(claims);
        long now = Instant.now().getEpochSecond();
        all.putIfAbsent("iss", "https://keycloak.test/realms/platform");
        all.putIfAbsent("iat", now);
        all.putIfAbsent("exp", now + 300);
        try {
            String header = encode(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = encode(JSON.writeValueAsBytes(all));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(KEY);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + encode(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PrivateKey loadKey() {
        try (InputStream in =
                Tokens.class.getClassLoader().getResourceAsStream("test-token-signing-key.txt")) {
            String base64 = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim();
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Test signing key missing", e);
        }
    }
}
