package org.mlplatform.portal.api;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Sends the signed-in user's OIDC access token to platform-api, so that platform-api authorizes
 * every call as that user.
 *
 * <p>The identity is looked up per call rather than injected: the filter is shared by all clients,
 * and outside an HTTP request (no request context) it sends no token instead of failing.
 */
class BearerTokenFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokens.current()
                .ifPresent(
                        token ->
                                request.getHeaders()
                                        .putSingle(HttpHeaders.AUTHORIZATION, bearer(token)));
    }

    /** The value of the {@code Authorization} header for a token. */
    static String bearer(String token) {
        return "Bearer " + token;
    }
}
