package org.mlplatform.contract.me;

import java.util.List;

/**
 * The signed-in user.
 *
 * @param username the identity provider's username
 * @param email the e-mail address, if the identity provider has one
 * @param name the display name
 * @param platformAdmin whether the user has the realm role {@code platform-admin}
 * @param tenants the tenants the user is a member of, with the role in each
 */
public record MeResponse(
        String username,
        String email,
        String name,
        boolean platformAdmin,
        List<TenantMembershipResponse> tenants) {}
