package org.mlplatform.api.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Map;
import org.mlplatform.api.tenant.Tenant;

/** Writes audit events; only inside the transaction of the change they record. */
@ApplicationScoped
public class AuditLog {

    /** The actions the platform records. */
    public static final String TENANT_CREATED = "tenant.created";

    public static final String TENANT_RENAMED = "tenant.renamed";
    public static final String TENANT_SUSPENDED = "tenant.suspended";
    public static final String TENANT_REACTIVATED = "tenant.reactivated";
    public static final String MEMBER_ADDED = "member.added";
    public static final String MEMBER_REMOVED = "member.removed";
    public static final String MEMBER_ROLE_CHANGED = "member.role_changed";
    public static final String QUOTA_CHANGED = "quota.changed";
    public static final String MODEL_CREATED = "model.created";
    public static final String MODEL_UPDATED = "model.updated";
    public static final String MODEL_DELETED = "model.deleted";
    public static final String MODEL_VERSION_UPLOADED = "model.version_uploaded";
    public static final String MODEL_VERSION_DELETED = "model.version_deleted";
    public static final String DATASET_UPLOADED = "dataset.uploaded";
    public static final String DATASET_DELETED = "dataset.deleted";
    public static final String TRAINING_JOB_CREATED = "training_job.created";
    public static final String TRAINING_JOB_CANCELLED = "training_job.cancelled";
    public static final String DEPLOYMENT_CREATED = "deployment.created";
    public static final String DEPLOYMENT_UPDATED = "deployment.updated";
    public static final String DEPLOYMENT_DELETED = "deployment.deleted";
    public static final String API_KEY_CREATED = "api_key.created";
    public static final String API_KEY_ROTATED = "api_key.rotated";
    public static final String API_KEY_REVOKED = "api_key.revoked";

    @Transactional(TxType.MANDATORY)
    public void record(
            String actor,
            Tenant tenant,
            String action,
            String targetType,
            String target,
            Map<String, Object> details) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = Instant.now();
        event.actor = actor;
        event.tenant = tenant;
        event.action = action;
        event.targetType = targetType;
        event.target = target;
        event.details = details;
        event.persist();
    }
}
