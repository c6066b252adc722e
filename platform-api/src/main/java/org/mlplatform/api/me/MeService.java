package org.mlplatform.api.me;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.mlplatform.api.member.Membership;
import org.mlplatform.api.user.AppUser;
import org.mlplatform.api.user.Caller;
import org.mlplatform.api.user.CurrentUser;
import org.mlplatform.contract.me.MeResponse;
import org.mlplatform.contract.me.TenantMembershipResponse;

/** The signed-in user and the tenants they belong to, suspended ones included. */
@ApplicationScoped
public class MeService {

    private final CurrentUser currentUser;

    public MeService(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    public MeResponse me() {
        Caller caller = currentUser.caller();
        AppUser user = AppUser.findById(caller.userId());
        List<TenantMembershipResponse> tenants =
                Membership.<Membership>find(
                                "from Membership m join fetch m.tenant t where m.user.id = ?1"
                                        + " order by t.slug",
                                caller.userId())
                        .stream()
                        .map(
                                m ->
                                        new TenantMembershipResponse(
                                                m.tenant.slug,
                                                m.tenant.name,
                                                m.tenant.status,
                                                m.role))
                        .toList();
        return new MeResponse(
                user.username, user.email, user.displayName, caller.platformAdmin(), tenants);
    }
}
