package org.mlplatform.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.mlplatform.contract.audit.AuditApi;
import org.mlplatform.contract.audit.AuditEventResponse;
import org.mlplatform.contract.me.MeApi;
import org.mlplatform.contract.me.MeResponse;
import org.mlplatform.contract.member.AddMemberRequest;
import org.mlplatform.contract.member.MemberResponse;
import org.mlplatform.contract.member.MembersApi;
import org.mlplatform.contract.member.UpdateMemberRequest;
import org.mlplatform.contract.quota.QuotaApi;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.contract.tenant.TenantResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.contract.tenant.TenantsApi;

/**
 * What the portal asks platform-api on behalf of the signed-in user about their own tenants. Every
 * method throws {@link PlatformApiException} with a readable message when the call fails.
 */
@ApplicationScoped
public class PlatformApi {

    private final MeApi me;
    private final TenantsApi tenants;
    private final MembersApi members;
    private final AuditApi audit;
    private final QuotaApi quota;

    @Inject
    PlatformApi(
            @RestClient MeClient me,
            @RestClient TenantsClient tenants,
            @RestClient MembersClient members,
            @RestClient AuditClient audit,
            @RestClient QuotaClient quota) {
        this(
                (MeApi) me,
                (TenantsApi) tenants,
                (MembersApi) members,
                (AuditApi) audit,
                (QuotaApi) quota);
    }

    /** Takes the contract interfaces, so tests can pass in-memory implementations. */
    public PlatformApi(
            MeApi me, TenantsApi tenants, MembersApi members, AuditApi audit, QuotaApi quota) {
        this.me = me;
        this.tenants = tenants;
        this.members = members;
        this.audit = audit;
        this.quota = quota;
    }

    /** The signed-in user with their tenants and roles. */
    public MeResponse me() {
        return ApiCalls.call(me::me);
    }

    /** The tenant, or empty when it does not exist or the user is not a member. */
    public Optional<TenantResponse> tenant(String slug) {
        return ApiCalls.find(() -> tenants.get(slug));
    }

    public List<MemberResponse> members(String tenant) {
        return ApiCalls.call(() -> members.list(tenant));
    }

    public MemberResponse addMember(String tenant, AddMemberRequest request) {
        return ApiCalls.call(() -> members.add(tenant, request).getEntity());
    }

    public MemberResponse changeRole(String tenant, String username, TenantRole role) {
        return ApiCalls.call(() -> members.update(tenant, username, new UpdateMemberRequest(role)));
    }

    public void removeMember(String tenant, String username) {
        ApiCalls.run(() -> members.remove(tenant, username));
    }

    /** The newest audit events of a tenant; only its OWNERs and ADMINs may read them. */
    public List<AuditEventResponse> latestAuditEvents(String tenant, int count) {
        return ApiCalls.call(() -> audit.list(tenant, 0, count).items());
    }

    /** The tenant's limits and what it uses of them; every member may read them. */
    public QuotaResponse quota(String tenant) {
        return ApiCalls.call(() -> quota.get(tenant));
    }
}
