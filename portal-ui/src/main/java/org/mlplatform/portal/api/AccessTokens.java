package org.mlplatform.portal.api;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.Optional;

/**
 * The signed-in user's OIDC access token, which the portal forwards to platform-api so that it
 * authorizes every call as that user. The portal never uses a token of its own.
 */
public final class AccessTokens {

    private AccessTokens() {}

    /**
     * The token of the current HTTP request's user. Empty outside a request (no request context),
     * for anonymous users and in plain unit tests, where there is no CDI container at all.
     */
    public static Optional<String> current() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Optional.empty();
        }
        SecurityIdentity identity = container.instance(SecurityIdentity.class).get();
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? Optional.empty() : Optional.ofNullable(credential.getToken());
    }
}
