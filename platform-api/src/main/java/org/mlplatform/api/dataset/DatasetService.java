package org.mlplatform.api.dataset;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.mlplatform.api.audit.AuditLog;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.common.Pages;
import org.mlplatform.api.member.Membership;
import org.mlplatform.api.quota.Counter;
import org.mlplatform.api.quota.QuotaService;
import org.mlplatform.api.storage.StorageService;
import org.mlplatform.api.tenant.TenantAccess;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.dataset.DatasetPreview;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.tenant.TenantRole;

/**
 * A tenant's datasets once uploaded (see {@link DatasetUploadService}): members read, MEMBER and
 * stronger delete. A dataset that a queued or running job names in its spec ({@code "dataset"})
 * cannot be deleted.
 */
@ApplicationScoped
public class DatasetService {

    private final TenantAccess access;
    private final StorageService storage;
    private final QuotaService quotas;
    private final AuditLog audit;

    public DatasetService(
            TenantAccess access, StorageService storage, QuotaService quotas, AuditLog audit) {
        this.access = access;
        this.storage = storage;
        this.quotas = quotas;
        this.audit = audit;
    }

    /** By name; {@code q} searches the name. */
    public PageResponse<DatasetResponse> list(String slug, String q, Integer page, Integer size) {
        long tenantId = access.require(slug, TenantRole.VIEWER).tenant.id;
        PanacheQuery<Dataset> query;
        if (q == null || q.isBlank()) {
            query = Dataset.find("tenantId = ?1 order by name", tenantId);
        } else {
            String like = "%" + q.trim().toLowerCase().replace("%", "\\%") + "%";
            query =
                    Dataset.find(
                            "tenantId = ?1 and lower(name) like ?2 order by name", tenantId, like);
        }
        return Pages.of(query, page, size, DatasetResponses::of);
    }

    public DatasetResponse get(String slug, String name) {
        return DatasetResponses.of(find(slug, name));
    }

    /** CSV only; an image zip answers 400 {@code preview-unavailable}. */
    public DatasetPreview preview(String slug, String name) {
        Dataset dataset = find(slug, name);
        if (dataset.format != DatasetFormat.CSV || dataset.preview == null) {
            throw new DatasetProblems.PreviewUnavailable(name);
        }
        return dataset.preview;
    }

    /**
     * Deletes a dataset, frees its slot and (when nothing else references the bytes) its storage.
     * 409 {@code dataset-in-use} while a queued or running job names it. The dataset's row stays
     * locked until the transaction ends, so job creation that locks it too (issue 4) cannot slip in
     * between the check and the delete.
     */
    @Transactional
    public void delete(String slug, String name) {
        Membership mine = access.require(slug, TenantRole.MEMBER);
        long tenantId = mine.tenant.id;
        Dataset dataset = Dataset.lockByName(tenantId, name).orElseThrow(() -> notFound(name));
        if (usedByActiveJob(tenantId, name)) {
            throw new DatasetProblems.InUse(name);
        }
        storage.release(tenantId, Dataset.BLOB_OWNER, dataset.id);
        dataset.delete();
        quotas.release(tenantId, Counter.DATASETS);
        audit.record(
                access.caller().username(),
                mine.tenant,
                AuditLog.DATASET_DELETED,
                "dataset",
                name,
                Map.of("sha256", dataset.sha256));
    }

    /** Whether a QUEUED or RUNNING job of the tenant has {@code "dataset": name} in its spec. */
    static boolean usedByActiveJob(long tenantId, String name) {
        return !Panache.getEntityManager()
                .createNativeQuery(
                        "select 1 from jobs where tenant_id = ?1"
                                + " and status in ('QUEUED', 'RUNNING')"
                                + " and spec ->> 'dataset' = ?2 limit 1")
                .setParameter(1, tenantId)
                .setParameter(2, name)
                .getResultList()
                .isEmpty();
    }

    private Dataset find(String slug, String name) {
        long tenantId = access.require(slug, TenantRole.VIEWER).tenant.id;
        return Dataset.findByName(tenantId, name).orElseThrow(() -> notFound(name));
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("No dataset '" + name + "'.");
    }
}
