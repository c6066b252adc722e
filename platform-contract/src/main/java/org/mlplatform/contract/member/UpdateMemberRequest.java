package org.mlplatform.contract.member;

import jakarta.validation.constraints.NotNull;
import org.mlplatform.contract.tenant.TenantRole;

/** Changes a member's role. */
public record UpdateMemberRequest(@NotNull TenantRole role) {}
