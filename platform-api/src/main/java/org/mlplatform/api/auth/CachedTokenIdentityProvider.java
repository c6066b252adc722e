package org.mlplatform.api.auth;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a bearer token from {@link VerifiedTokens} before quarkus-oidc verifies it; a token not
 * found there goes on to quarkus-oidc (this provider answers nothing), whose identity {@link
 * TokenRecorder} then records. Identity augmentors run on the answer as on quarkus-oidc's.
 */
@ApplicationScoped
public class CachedTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** Marks an identity answered from the cache, so that it is not recorded again. */
    static final String FROM_CACHE = CachedTokenIdentityProvider.class.getName();

    private final VerifiedTokens tokens;

    public CachedTokenIdentityProvider(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    /** Before quarkus-oidc's provider, which has the default priority. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1000;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential token)) {
            return Uni.createFrom().nullItem();
        }
        return tokens.find(token.getToken())
                .map(cached -> Uni.createFrom().item(forThisRequest(cached, request)))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /**
     * The cached identity with this request's attributes: quarkus-oidc puts the routing context and
     * the request's blocking-call context into the identity it builds.
     */
    private static SecurityIdentity forThisRequest(
            SecurityIdentity cached, TokenAuthenticationRequest request) {
        QuarkusSecurityIdentity.Builder identity =
                QuarkusSecurityIdentity.builder(cached).addAttribute(FROM_CACHE, true);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
            String blocking = AuthenticationRequestContext.class.getName();
            Object context = routing.get(blocking);
            if (context != null) {
                identity.addAttribute(blocking, context);
            }
        }
        return identity.build();
    }
}
