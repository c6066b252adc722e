package org.mlplatform.api.user;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.mlplatform.api.common.Roles;

/**
 * The one place that turns the request's identity into a recorded user. Every authenticated {@code
 * /api/v1} call goes through {@link #caller()} (see {@link UserRecordingFilter}), which upserts the
 * user row (at most once a minute per user and replica).
 */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;
    private final UserService users;
    private Caller caller;

    public CurrentUser(SecurityIdentity identity, UserService users) {
        this.identity = identity;
        this.users = users;
    }

    /** The recorded caller; 401 when the request is anonymous. */
    public Caller caller() {
        if (caller == null) {
            if (identity.isAnonymous()) {
                throw new UnauthorizedException();
            }
            String username = identity.getPrincipal().getName();
            String subject = null;
            String email = null;
            String name = null;
            if (identity.getPrincipal() instanceof JsonWebToken jwt) {
                subject = jwt.getSubject();
                email = jwt.getClaim("email");
                name = jwt.getClaim("name");
                String preferred = jwt.getClaim("preferred_username");
                if (preferred != null) {
                    username = preferred;
                }
            }
            long id = users.record(subject, username, email, name);
            caller = new Caller(id, username, identity.hasRole(Roles.PLATFORM_ADMIN));
        }
        return caller;
    }
}
