package org.mlplatform.api.auth;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Records the identity quarkus-oidc has just verified for a bearer token in {@link VerifiedTokens}.
 * Runs before every other augmentor, so the cache holds quarkus-oidc's identity and the others
 * augment a cached identity exactly as a fresh one.
 */
@ApplicationScoped
public class TokenRecorder implements SecurityIdentityAugmentor {

    private final VerifiedTokens tokens;

    public TokenRecorder(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(
            SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null
                && identity.getAttribute(CachedTokenIdentityProvider.FROM_CACHE) == null
                && identity.getPrincipal() instanceof JsonWebToken jwt
                && jwt.getExpirationTime() > 0
                && !token.isOpaque()) {
            tokens.remember(
                    token.getToken(), Instant.ofEpochSecond(jwt.getExpirationTime()), identity);
        }
        return Uni.createFrom().item(identity);
    }
}
