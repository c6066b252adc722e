package org.mlplatform.api.auth;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens whose signature and claims quarkus-oidc has verified, with the identity it built,
 * so that a token used again (a worker calls with one token for minutes) skips the RSA signature
 * check and the claim parsing, which were the largest part of a job-queue call's server time.
 * quarkus-oidc caches introspection and UserInfo answers, not verified JWTs.
 *
 * <p>An entry never outlives the token's {@code exp}, and lives at most {@link #MAX_AGE} after the
 * verification, so a token whose signing key was withdrawn stops working within that time. Tokens
 * are keyed by their SHA-256: the map holds no usable token, and a lookup compares digests, not
 * secret strings. A token that failed verification is never recorded. Bounded: when full, the
 * expired entries go, and if that is not enough, all of them.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** How long a verification counts at most. */
    static final Duration MAX_AGE = Duration.ofSeconds(60);

    /** The most tokens remembered. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(SecurityIdentity identity, Instant validUntil) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public VerifiedTokens() {
        this(Clock.systemUTC());
    }

    VerifiedTokens(Clock clock) {
        this.clock = clock;
    }

    /** The identity verified for this token, while its verification still counts. */
    public Optional<SecurityIdentity> find(String token) {
        String key = key(token);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.validUntil())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.identity());
    }

    /** Records a token that has just been verified; {@code expiresAt} is its {@code exp}. */
    public void remember(String token, Instant expiresAt, SecurityIdentity identity) {
        Instant now = clock.instant();
        Instant validUntil = min(expiresAt, now.plus(MAX_AGE));
        if (!now.isBefore(validUntil)) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !now.isBefore(e.validUntil()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key(token), new Entry(identity, validUntil));
    }

    int size() {
        return entries.size();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String key(String token) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
