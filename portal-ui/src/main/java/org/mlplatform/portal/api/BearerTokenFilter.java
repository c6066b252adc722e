package org.mlplatform.portal.api;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the signed-in user's OIDC access token to platform-api, so that platform-api authorizes
 * every call as that user. The portal never uses a token of its own.
 *
 * <p>The identity is looked up per call rather than injected: the filter is shared by all clients,
 * and outside an HTTP request (no request context) it sends no token instead of failing.
 */
class BearerTokenFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        accessToken()
                .ifPresent(
                        token ->
                                request.getHeaders()
                                        .putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    private static java.util.Optional<String> accessToken() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return java.util.Optional.empty();
        }
        SecurityIdentity identity = container.instance(SecurityIdentity.class).get();
        if (identity == null || identity.isAnonymous()) {
            return java.util.Optional.empty();
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null
                ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(credential.getToken());
    }
}
