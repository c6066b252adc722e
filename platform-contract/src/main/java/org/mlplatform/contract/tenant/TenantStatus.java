package org.mlplatform.contract.tenant;

/** A suspended tenant keeps its data, but its members cannot use it until it is reactivated. */
public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
