package org.mlplatform.contract.member;

import java.time.Instant;
import org.mlplatform.contract.tenant.TenantRole;

/** A member of a tenant. */
public record MemberResponse(
        String username, String email, String name, TenantRole role, Instant addedAt) {}
