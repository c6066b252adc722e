package org.mlplatform.contract.tenant;

/** A member's role in a tenant, strongest first. */
public enum TenantRole {
    /** Everything, including managing members and owners. */
    OWNER,
    /** Everything but managing owners. */
    ADMIN,
    /** Creates and changes the tenant's resources. */
    MEMBER,
    /** Reads only. */
    VIEWER;

    /** Whether this role is at least as strong as {@code other}. */
    public boolean atLeast(TenantRole other) {
        return ordinal() <= other.ordinal();
    }
}
