package org.mlplatform.api.quota;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mlplatform.api.audit.AuditLog;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.tenant.Tenant;
import org.mlplatform.api.user.CurrentUser;
import org.mlplatform.contract.quota.QuotaResponse;
import org.mlplatform.contract.quota.SetQuotaRequest;

/**
 * Setting a tenant's limits. Lowering a limit below the current use is allowed: nothing is deleted,
 * but further uploads and creations are refused.
 */
@ApplicationScoped
public class AdminQuotaService {

    private final QuotaService quotas;
    private final AuditLog audit;
    private final CurrentUser currentUser;

    public AdminQuotaService(QuotaService quotas, AuditLog audit, CurrentUser currentUser) {
        this.quotas = quotas;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    public QuotaResponse get(String slug) {
        return quotas.response(find(slug).id);
    }

    /** Replaces the limits; records {@code quota.changed} with the limits before and after. */
    @Transactional
    public QuotaResponse set(String slug, SetQuotaRequest request) {
        Tenant tenant = find(slug);
        // Serialises with uploads and creations that check the limits under the same lock.
        quotas.lockUsage(tenant.id);
        Limits before = quotas.limits(tenant.id);
        TenantQuota quota = TenantQuota.findById(tenant.id);
        if (quota == null) {
            quota = new TenantQuota();
            quota.tenantId = tenant.id;
        }
        quota.maxStorageBytes = request.maxStorageBytes();
        quota.maxModels = request.maxModels();
        quota.maxDatasets = request.maxDatasets();
        quota.maxConcurrentJobs = request.maxConcurrentJobs();
        quota.monthlyTrainingSeconds = request.monthlyTrainingSeconds();
        quota.maxRequestsPerSecond = request.maxRequestsPerSecond();
        quota.monthlyInferenceRequests = request.monthlyInferenceRequests();
        quota.updatedAt = Instant.now();
        quota.persist();
        Limits after = quotas.limits(tenant.id);
        if (!after.equals(before)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", asMap(before));
            details.put("to", asMap(after));
            audit.record(
                    currentUser.caller().username(),
                    tenant,
                    AuditLog.QUOTA_CHANGED,
                    "tenant",
                    slug,
                    details);
        }
        return quotas.response(tenant.id);
    }

    private static Map<String, Object> asMap(Limits limits) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("maxStorageBytes", limits.maxStorageBytes());
        map.put("maxModels", limits.maxModels());
        map.put("maxDatasets", limits.maxDatasets());
        map.put("maxConcurrentJobs", limits.maxConcurrentJobs());
        map.put("monthlyTrainingSeconds", limits.monthlyTrainingSeconds());
        map.put("maxRequestsPerSecond", limits.maxRequestsPerSecond());
        map.put("monthlyInferenceRequests", limits.monthlyInferenceRequests());
        return map;
    }

    private static Tenant find(String slug) {
        return Tenant.findBySlug(slug)
                .orElseThrow(() -> new NotFoundException("No tenant '" + slug + "'."));
    }
}
