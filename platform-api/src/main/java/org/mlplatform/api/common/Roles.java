package org.mlplatform.api.common;

/** The Keycloak realm roles the API checks. */
public final class Roles {
    /** Manages tenants, sees every audit event and the workers. */
    public static final String PLATFORM_ADMIN = "platform-admin";

    /** The worker service account, for {@code /internal/v1}. */
    public static final String WORKER = "worker";

    private Roles() {}
}
