package org.mlplatform.api.user;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Records the signed-in user on every authenticated {@code /api/v1} call, so that anyone who has
 * called the API once can be added to a tenant. Worker calls ({@code /internal}) are not users.
 */
public class UserRecordingFilter {

    private final SecurityIdentity identity;
    private final CurrentUser currentUser;

    public UserRecordingFilter(SecurityIdentity identity, CurrentUser currentUser) {
        this.identity = identity;
        this.currentUser = currentUser;
    }

    @ServerRequestFilter
    public void record(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/api/v1/") && !identity.isAnonymous()) {
            currentUser.caller();
        }
    }
}
