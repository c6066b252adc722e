package org.mlplatform.api.deployment;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.mlplatform.api.audit.AuditLog;
import org.mlplatform.api.common.ChangeNotifier;
import org.mlplatform.api.common.ChangeNotifier.Channel;
import org.mlplatform.api.common.ConflictException;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.member.Membership;
import org.mlplatform.api.model.Model;
import org.mlplatform.api.model.ModelVersion;
import org.mlplatform.api.tenant.TenantAccess;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.common.Paging;
import org.mlplatform.contract.deployment.CreateDeploymentRequest;
import org.mlplatform.contract.deployment.DeploymentResponse;
import org.mlplatform.contract.deployment.UpdateDeploymentRequest;
import org.mlplatform.contract.model.ModelVersionStatus;
import org.mlplatform.contract.tenant.TenantRole;

/**
 * A tenant's deployments: members read, MEMBER and stronger deploy, change and undeploy. Writes
 * hold the model's row lock, which serialises them with version deletes and default-version
 * changes.
 */
@ApplicationScoped
public class DeploymentService {

    static final int DEFAULT_MAX_BATCH_SIZE = 8;
    static final int DEFAULT_MAX_BATCH_DELAY_MS = 2;
    static final int DEFAULT_REPLICAS = 1;

    private final TenantAccess access;
    private final AuditLog audit;
    private final DeploymentResponses responses;
    private final DeploymentAssignments assignments;
    private final ChangeNotifier notifier;

    public DeploymentService(
            TenantAccess access,
            AuditLog audit,
            DeploymentResponses responses,
            DeploymentAssignments assignments,
            ChangeNotifier notifier) {
        this.access = access;
        this.audit = audit;
        this.responses = responses;
        this.assignments = assignments;
        this.notifier = notifier;
    }

    /** 404 for an unknown model or version; 409 when it is not READY or deployed already. */
    @Transactional
    public DeploymentResponse create(String slug, CreateDeploymentRequest request) {
        Membership mine = access.require(slug, TenantRole.MEMBER);
        Model model =
                Model.lockByName(mine.tenant.id, request.model())
                        .orElseThrow(
                                () -> new NotFoundException("No model '" + request.model() + "'."));
        ModelVersion version =
                ModelVersion.find(model, request.version())
                        .orElseThrow(
                                () ->
                                        new NotFoundException(
                                                "No version " + request.version() + "."));
        if (version.status != ModelVersionStatus.READY) {
            throw new ConflictException(
                    "Version "
                            + version.version
                            + " is "
                            + version.status
                            + "; only a READY version can be deployed.");
        }
        if (Deployment.findByVersion(version).isPresent()) {
            throw new ConflictException(
                    "Version " + version.version + " of '" + model.name + "' is deployed already.");
        }
        Deployment d = new Deployment();
        d.id = UUID.randomUUID();
        d.tenantId = mine.tenant.id;
        d.model = model;
        d.modelVersion = version;
        d.version = version.version;
        d.maxBatchSize = Objects.requireNonNullElse(request.maxBatchSize(), DEFAULT_MAX_BATCH_SIZE);
        d.maxBatchDelayMs =
                Objects.requireNonNullElse(request.maxBatchDelayMs(), DEFAULT_MAX_BATCH_DELAY_MS);
        d.replicas = Objects.requireNonNullElse(request.replicas(), DEFAULT_REPLICAS);
        d.createdBy = access.caller().username();
        d.createdAt = Instant.now();
        d.persistAndFlush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", d.id.toString());
        details.put("maxBatchSize", d.maxBatchSize);
        details.put("maxBatchDelayMs", d.maxBatchDelayMs);
        details.put("replicas", d.replicas);
        record(mine, AuditLog.DEPLOYMENT_CREATED, d, details);
        notifier.announce(Channel.DEPLOYMENTS);
        return responses.of(d);
    }

    /** Newest first; {@code model} keeps one model's (404 when it does not exist). */
    public PageResponse<DeploymentResponse> list(
            String slug, String model, Integer page, Integer size) {
        long tenantId = access.require(slug, TenantRole.VIEWER).tenant.id;
        int p = Paging.clampPage(page);
        int s = Paging.clampSize(size);
        Sort newestFirst = Sort.descending("createdAt").and("id");
        var query =
                model == null || model.isBlank()
                        ? Deployment.<Deployment>find("tenantId = ?1", newestFirst, tenantId)
                        : Deployment.<Deployment>find(
                                "tenantId = ?1 and model = ?2",
                                newestFirst,
                                tenantId,
                                Model.findByName(tenantId, model)
                                        .orElseThrow(
                                                () ->
                                                        new NotFoundException(
                                                                "No model '" + model + "'.")));
        return new PageResponse<>(responses.of(query.page(p, s).list()), p, s, query.count());
    }

    public DeploymentResponse get(String slug, UUID id) {
        long tenantId = access.require(slug, TenantRole.VIEWER).tenant.id;
        return responses.of(find(tenantId, id));
    }

    /**
     * Changes batching and replicas in place: the deployment keeps its id and its loaded replicas
     * keep serving. The audit entry holds each change as {@code {from, to}}; a request that changes
     * nothing changes and records nothing.
     */
    @Transactional
    public DeploymentResponse update(String slug, UUID id, UpdateDeploymentRequest request) {
        Membership mine = access.require(slug, TenantRole.MEMBER);
        Deployment d = find(mine.tenant.id, id);
        Model.lockByName(mine.tenant.id, d.model.name).orElseThrow();
        Map<String, Object> changes = new LinkedHashMap<>();
        int replicasBefore = d.replicas;
        d.maxBatchSize = change(changes, "maxBatchSize", d.maxBatchSize, request.maxBatchSize());
        d.maxBatchDelayMs =
                change(changes, "maxBatchDelayMs", d.maxBatchDelayMs, request.maxBatchDelayMs());
        d.replicas = change(changes, "replicas", d.replicas, request.replicas());
        if (changes.isEmpty()) {
            return responses.of(d);
        }
        if (d.replicas < replicasBefore) {
            assignments.forgetReplicasBeyondTop(d);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", d.id.toString());
        details.putAll(changes);
        record(mine, AuditLog.DEPLOYMENT_UPDATED, d, details);
        notifier.announce(Channel.DEPLOYMENTS);
        return responses.of(d);
    }

    private static int change(Map<String, Object> changes, String field, int from, Integer to) {
        if (to == null || to == from) {
            return from;
        }
        changes.put(field, Map.of("from", from, "to", to));
        return to;
    }

    /** Undeploys; when it was the model's explicit default version, the default is cleared. */
    @Transactional
    public void delete(String slug, UUID id) {
        Membership mine = access.require(slug, TenantRole.MEMBER);
        Deployment d = find(mine.tenant.id, id);
        Model model = Model.lockByName(mine.tenant.id, d.model.name).orElseThrow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", d.id.toString());
        if (Objects.equals(model.defaultVersion, d.version)) {
            model.defaultVersion = null;
            model.updatedAt = Instant.now();
            details.put("defaultVersionCleared", true);
        }
        record(mine, AuditLog.DEPLOYMENT_DELETED, d, details);
        d.delete();
        notifier.announce(Channel.DEPLOYMENTS);
    }

    private static Deployment find(long tenantId, UUID id) {
        return Deployment.findInTenant(tenantId, id)
                .orElseThrow(() -> new NotFoundException("No deployment " + id + "."));
    }

    private void record(Membership mine, String action, Deployment d, Map<String, Object> details) {
        audit.record(
                access.caller().username(),
                mine.tenant,
                action,
                "deployment",
                d.model.name + "/v" + d.version,
                details);
    }
}
