package org.mlplatform.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.audit.AdminAuditApi;
import org.mlplatform.contract.audit.AuditApi;
import org.mlplatform.contract.audit.AuditEventResponse;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.me.MeApi;
import org.mlplatform.contract.me.MeResponse;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.member.AddMemberRequest;
import org.mlplatform.contract.member.MemberResponse;
import org.mlplatform.contract.member.MembersApi;
import org.mlplatform.contract.member.UpdateMemberRequest;
import org.mlplatform.contract.tenant.AdminTenantsApi;
import org.mlplatform.contract.tenant.CreateTenantRequest;
import org.mlplatform.contract.tenant.TenantResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.contract.tenant.TenantStatus;
import org.mlplatform.contract.tenant.TenantsApi;
import org.mlplatform.contract.tenant.UpdateTenantRequest;
import org.mlplatform.contract.worker.AdminWorkersApi;
import org.mlplatform.contract.worker.WorkerResponse;
import org.mlplatform.portal.api.PlatformApiException;

/**
 * An in-memory platform-api for view tests: one signed-in user, some tenants and members. A test
 * makes the next write fail with {@link #failNextWrite}, the way the REST client would. Models,
 * datasets, quotas, deployments, API keys and usage live in {@link #models}, {@link #datasets},
 * {@link #quotas}, {@link #deployments}, {@link #apiKeys} and {@link #usage}, whose contracts have
 * methods of the same signature as the tenant ones.
 */
public class FakePlatform
        implements MeApi,
                TenantsApi,
                MembersApi,
                AuditApi,
                AdminTenantsApi,
                AdminAuditApi,
                AdminWorkersApi {

    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    public MeResponse me;
    public final Map<String, TenantResponse> tenants = new LinkedHashMap<>();
    public final Map<String, List<MemberResponse>> members = new LinkedHashMap<>();
    public final List<AuditEventResponse> audit = new ArrayList<>();
    public final List<WorkerResponse> workers = new ArrayList<>();
    public final List<Object> writes = new ArrayList<>();
    public final FakeModels models = new FakeModels(this);
    public final FakeDatasets datasets = new FakeDatasets(this);
    public final FakeQuotas quotas = new FakeQuotas(this);
    public final FakeTraining training = new FakeTraining(this);
    public final FakeDeployments deployments = new FakeDeployments(this);
    public final FakeApiKeys apiKeys = new FakeApiKeys(this);
    public final FakeUsage usage = new FakeUsage();
    public final ManualLiveUpdates live = new ManualLiveUpdates();
    private PlatformApiException nextFailure;

    /** A user who is OWNER of acme and VIEWER of beta; not a platform admin. */
    public static FakePlatform withAliceInTwoTenants() {
        FakePlatform p = new FakePlatform();
        p.tenant("acme", "Acme Corp", TenantStatus.ACTIVE);
        p.tenant("beta", "Beta Labs", TenantStatus.ACTIVE);
        p.member("acme", "alice", "Alice Doe", TenantRole.OWNER);
        p.member("acme", "bob", "Bob Roe", TenantRole.MEMBER);
        p.member("beta", "alice", "Alice Doe", TenantRole.VIEWER);
        p.signIn("alice", false, "acme", TenantRole.OWNER, "beta", TenantRole.VIEWER);
        return p;
    }

    public void tenant(String slug, String name, TenantStatus status) {
        tenants.put(slug, new TenantResponse(slug, name, status, 0, T0, T0));
        members.putIfAbsent(slug, new ArrayList<>());
    }

    public void member(String tenant, String username, String name, TenantRole role) {
        members.get(tenant)
                .add(new MemberResponse(username, username + "@example.com", name, role, T0));
    }

    /** Signs in a user with (slug, role) pairs. */
    public void signIn(String username, boolean platformAdmin, Object... slugRoles) {
        List<TenantMembershipResponse> memberships = new ArrayList<>();
        for (int i = 0; i < slugRoles.length; i += 2) {
            TenantResponse t = tenants.get((String) slugRoles[i]);
            memberships.add(
                    new TenantMembershipResponse(
                            t.slug(), t.name(), t.status(), (TenantRole) slugRoles[i + 1]));
        }
        me =
                new MeResponse(
                        username, username + "@example.com", username, platformAdmin, memberships);
    }

    public void failNextWrite(int status, String message, Map<String, String> fields) {
        nextFailure = new PlatformApiException(status, message, fields);
    }

    void write(Object what) {
        if (nextFailure != null) {
            PlatformApiException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        writes.add(what);
    }

    private TenantResponse withCount(TenantResponse t) {
        return new TenantResponse(
                t.slug(),
                t.name(),
                t.status(),
                members.get(t.slug()).size(),
                t.createdAt(),
                t.updatedAt());
    }

    static <T> PageResponse<T> page(List<T> all, Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        int from = Math.min(all.size(), p * s);
        return new PageResponse<>(
                List.copyOf(all.subList(from, Math.min(all.size(), from + s))), p, s, all.size());
    }

    @Override
    public MeResponse me() {
        return me;
    }

    @Override
    public TenantResponse get(String slug) {
        TenantResponse t = tenants.get(slug);
        if (t == null) {
            throw new PlatformApiException(404, "Not found.");
        }
        return withCount(t);
    }

    @Override
    public List<MemberResponse> list(String tenant) {
        return List.copyOf(members.get(tenant));
    }

    @Override
    public RestResponse<MemberResponse> add(String tenant, AddMemberRequest request) {
        write(request);
        MemberResponse m =
                new MemberResponse(
                        request.username(), null, request.username(), request.role(), T0);
        members.get(tenant).add(m);
        return RestResponse.status(RestResponse.Status.CREATED, m);
    }

    @Override
    public MemberResponse update(String tenant, String username, UpdateMemberRequest request) {
        write(request);
        return null;
    }

    @Override
    public void remove(String tenant, String username) {
        write("remove " + username);
        members.get(tenant).removeIf(m -> m.username().equals(username));
    }

    @Override
    public PageResponse<AuditEventResponse> list(String tenant, Integer page, Integer size) {
        return page(audit.stream().filter(e -> tenant.equals(e.tenant())).toList(), page, size);
    }

    @Override
    public RestResponse<TenantResponse> create(CreateTenantRequest request) {
        write(request);
        tenant(request.slug(), request.name(), TenantStatus.ACTIVE);
        return RestResponse.status(RestResponse.Status.CREATED, tenants.get(request.slug()));
    }

    @Override
    public PageResponse<TenantResponse> list(
            String q, TenantStatus status, Integer page, Integer size) {
        Predicate<TenantResponse> matches =
                t -> q == null || t.slug().contains(q) || t.name().toLowerCase().contains(q);
        return page(
                tenants.values().stream().filter(matches).map(this::withCount).toList(),
                page,
                size);
    }

    @Override
    public TenantResponse update(String slug, UpdateTenantRequest request) {
        write(request);
        TenantResponse t = tenants.get(slug);
        TenantResponse updated =
                new TenantResponse(
                        slug,
                        request.name() == null ? t.name() : request.name(),
                        request.status() == null ? t.status() : request.status(),
                        0,
                        t.createdAt(),
                        T0);
        tenants.put(slug, updated);
        return updated;
    }

    @Override
    public PageResponse<AuditEventResponse> list(
            String tenant, String action, Integer page, Integer size) {
        return page(
                audit.stream()
                        .filter(e -> tenant == null || tenant.equals(e.tenant()))
                        .filter(e -> action == null || action.equals(e.action()))
                        .toList(),
                page,
                size);
    }

    @Override
    public List<WorkerResponse> list() {
        return List.copyOf(workers);
    }
}
