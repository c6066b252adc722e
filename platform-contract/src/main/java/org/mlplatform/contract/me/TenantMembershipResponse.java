package org.mlplatform.contract.me;

import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.contract.tenant.TenantStatus;

/** One tenant of the signed-in user and the user's role in it. */
public record TenantMembershipResponse(
        String slug, String name, TenantStatus status, TenantRole role) {}
