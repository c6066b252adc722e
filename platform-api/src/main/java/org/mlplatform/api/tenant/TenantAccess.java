package org.mlplatform.api.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import org.mlplatform.api.common.ForbiddenException;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.member.Membership;
import org.mlplatform.api.user.Caller;
import org.mlplatform.api.user.CurrentUser;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.contract.tenant.TenantStatus;

/**
 * The one place that resolves a {@code {tenant}} path segment for the caller. A tenant the caller
 * is not a member of answers 404 as if it did not exist, also for platform admins (they use the
 * admin API); a suspended tenant answers 403; a role that is too weak answers 403.
 */
@ApplicationScoped
public class TenantAccess {

    private final CurrentUser currentUser;

    public TenantAccess(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** The caller's membership in the tenant, which holds at least {@code minimum}. */
    public Membership require(String slug, TenantRole minimum) {
        Caller caller = currentUser.caller();
        Membership membership =
                Tenant.findBySlug(slug)
                        .flatMap(t -> Membership.find(t.id, caller.userId()))
                        .orElseThrow(() -> new NotFoundException("No tenant '" + slug + "'."));
        if (membership.tenant.status == TenantStatus.SUSPENDED) {
            throw ForbiddenException.tenantSuspended(slug);
        }
        if (!membership.role.atLeast(minimum)) {
            throw new ForbiddenException(
                    "This needs the role " + minimum + " or stronger in tenant '" + slug + "'.");
        }
        return membership;
    }

    /** The caller, for audit actors. */
    public Caller caller() {
        return currentUser.caller();
    }
}
