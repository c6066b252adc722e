package org.mlplatform.contract.tenant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Creates a tenant and makes {@code ownerUsername} its first OWNER.
 *
 * @param slug the tenant's URL name: lowercase letters, digits and hyphens, 3 to 40 characters
 * @param name the display name
 * @param ownerUsername a user who has signed in at least once
 */
public record CreateTenantRequest(
        @NotBlank
                @Pattern(
                        regexp = Slugs.PATTERN,
                        message =
                                "must be 3-40 lowercase letters, digits or hyphens, starting with a letter")
                String slug,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 255) String ownerUsername) {}
