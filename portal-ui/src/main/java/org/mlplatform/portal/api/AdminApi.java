package org.mlplatform.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.mlplatform.contract.audit.AdminAuditApi;
import org.mlplatform.contract.audit.AuditEventResponse;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.quota.AdminQuotaApi;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.contract.quota.SetQuotaRequest;
import org.mlplatform.contract.tenant.AdminTenantsApi;
import org.mlplatform.contract.tenant.CreateTenantRequest;
import org.mlplatform.contract.tenant.TenantResponse;
import org.mlplatform.contract.tenant.TenantStatus;
import org.mlplatform.contract.tenant.UpdateTenantRequest;
import org.mlplatform.contract.usage.AdminUsageApi;
import org.mlplatform.contract.usage.UsageGranularity;
import org.mlplatform.contract.usage.UsageGroupBy;
import org.mlplatform.contract.usage.UsageResponse;
import org.mlplatform.contract.worker.AdminWorkersApi;
import org.mlplatform.contract.worker.WorkerResponse;

/**
 * Platform administration: tenants, quotas, workers, usage and the platform-wide audit trail.
 * platform-api refuses these calls (403) unless the user has the realm role {@code platform-admin}.
 */
@ApplicationScoped
public class AdminApi {

    private final AdminTenantsApi tenants;
    private final AdminWorkersApi workers;
    private final AdminAuditApi audit;
    private final AdminQuotaApi quotas;
    private final AdminUsageApi usage;

    @Inject
    AdminApi(
            @RestClient AdminTenantsClient tenants,
            @RestClient AdminWorkersClient workers,
            @RestClient AdminAuditClient audit,
            @RestClient AdminQuotaClient quotas,
            @RestClient AdminUsageClient usage) {
        this(
                (AdminTenantsApi) tenants,
                (AdminWorkersApi) workers,
                (AdminAuditApi) audit,
                (AdminQuotaApi) quotas,
                (AdminUsageApi) usage);
    }

    /** Takes the contract interfaces, so tests can pass in-memory implementations. */
    public AdminApi(
            AdminTenantsApi tenants,
            AdminWorkersApi workers,
            AdminAuditApi audit,
            AdminQuotaApi quotas,
            AdminUsageApi usage) {
        this.tenants = tenants;
        this.workers = workers;
        this.audit = audit;
        this.quotas = quotas;
        this.usage = usage;
    }

    /** One page of tenants whose slug or name contains {@code query} (blank for all). */
    public PageResponse<TenantResponse> tenants(String query, int page, int size) {
        return ApiCalls.call(() -> tenants.list(blankToNull(query), null, page, size));
    }

    public TenantResponse createTenant(CreateTenantRequest request) {
        return ApiCalls.call(() -> tenants.create(request).getEntity());
    }

    public TenantResponse renameTenant(String slug, String name) {
        return ApiCalls.call(() -> tenants.update(slug, new UpdateTenantRequest(name, null)));
    }

    /** Suspends ({@code SUSPENDED}) or reactivates ({@code ACTIVE}) a tenant. */
    public TenantResponse setTenantStatus(String slug, TenantStatus status) {
        return ApiCalls.call(() -> tenants.update(slug, new UpdateTenantRequest(null, status)));
    }

    public List<WorkerResponse> workers() {
        return ApiCalls.call(workers::list);
    }

    /** One page of audit events, newest first; blank filters match everything. */
    public PageResponse<AuditEventResponse> auditEvents(
            String tenant, String action, int page, int size) {
        return ApiCalls.call(
                () -> audit.list(blankToNull(tenant), blankToNull(action), page, size));
    }

    /** A tenant's limits and current use. */
    public QuotaResponse quota(String slug) {
        return ApiCalls.call(() -> quotas.get(slug));
    }

    /** Replaces a tenant's limits; a null limit is unlimited. */
    public QuotaResponse setQuota(String slug, SetQuotaRequest request) {
        return ApiCalls.call(() -> quotas.set(slug, request));
    }

    /** Usage across tenants in {@code [from, to)}; a blank {@code tenant} means all of them. */
    public UsageResponse usage(
            String tenant,
            Instant from,
            Instant to,
            UsageGranularity granularity,
            UsageGroupBy groupBy) {
        return ApiCalls.call(() -> usage.get(blankToNull(tenant), from, to, granularity, groupBy));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
