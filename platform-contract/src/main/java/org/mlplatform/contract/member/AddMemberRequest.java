package org.mlplatform.contract.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.mlplatform.contract.tenant.TenantRole;

/**
 * Adds a user who has signed in at least once to a tenant.
 *
 * @param username the user's username
 * @param role the role to give
 */
public record AddMemberRequest(
        @NotBlank @Size(max = 255) String username, @NotNull TenantRole role) {}
