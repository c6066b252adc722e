package org.mlplatform.contract.tenant;

import jakarta.validation.constraints.Size;

/**
 * A partial update of a tenant; a null field is left as it is.
 *
 * @param name the new display name
 * @param status {@code SUSPENDED} to suspend, {@code ACTIVE} to reactivate
 */
public record UpdateTenantRequest(@Size(min = 1, max = 200) String name, TenantStatus status) {}
