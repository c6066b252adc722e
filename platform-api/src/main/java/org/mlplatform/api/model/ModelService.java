package org.mlplatform.api.model;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mlplatform.api.audit.AuditLog;
import org.mlplatform.api.common.ChangeNotifier;
import org.mlplatform.api.common.ChangeNotifier.Channel;
import org.mlplatform.api.common.ConflictException;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.common.Pages;
import org.mlplatform.api.deployment.Deployment;
import org.mlplatform.api.job.JobQueue;
import org.mlplatform.api.job.ValidateSpecs;
import org.mlplatform.api.member.Membership;
import org.mlplatform.api.quota.Counter;
import org.mlplatform.api.quota.QuotaService;
import org.mlplatform.api.storage.StorageService;
import org.mlplatform.api.tenant.TenantAccess;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.model.CreateModelRequest;
import org.mlplatform.contract.model.ModelResponse;
import org.mlplatform.contract.model.ModelTask;
import org.mlplatform.contract.model.UpdateModelRequest;
import org.mlplatform.contract.tenant.TenantRole;

/** A tenant's models: members read, MEMBER and stronger write; names are unique per tenant. */
@ApplicationScoped
public class ModelService {

    private final TenantAccess access;
    private final QuotaService quotas;
    private final StorageService storage;
    private final JobQueue jobs;
    private final AuditLog audit;
    private final ChangeNotifier notifier;

    public ModelService(
            TenantAccess access,
            QuotaService quotas,
            StorageService storage,
            JobQueue jobs,
            AuditLog audit,
            ChangeNotifier notifier) {
        this.access = access;
        this.quotas = quotas;
        this.storage = storage;
        this.jobs = jobs;
        this.audit = audit;
        this.notifier = notifier;
    }

    /** 409 on a taken name; 403 {@code quota-exceeded} past maxModels. */
    @Transactional
    public ModelResponse create(String slug, CreateModelRequest request) {
        Membership mine = access.require(slug, TenantRole.MEMBER);
        if (Model.findByName(mine.tenant.id, request.name()).isPresent()) {
            throw new ConflictException("A model '" + request.name() + "' exists already.");
        }
        return ModelResponses.of(
                newModel(mine, request.name(), request.description(), request.task()));
    }

    /**
     * The tenant's model of that name, created with the task if it does not exist (counted against
     * maxModels and audited like any creation); for a training job's output model.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Model findOrCreate(Membership mine, String name, ModelTask task) {
        return Model.findByName(mine.tenant.id, name)
                .orElseGet(() -> newModel(mine, name, null, task));
    }

    private Model newModel(Membership mine, String name, String description, ModelTask task) {
        quotas.acquire(mine.tenant.id, Counter.MODELS);
        Instant now = Instant.now();
        Model model = new Model();
        model.tenantId = mine.tenant.id;
        model.name = name;
        model.description = description;
        model.task = task;
        model.nextVersion = 1;
        model.createdAt = now;
        model.updatedAt = now;
        model.persistAndFlush();
        record(mine, AuditLog.MODEL_CREATED, model.name, Map.of("task", model.task.name()));
        return model;
    }

    public PageResponse<ModelResponse> list(String slug, String q, Integer page, Integer size) {
        long tenantId = access.require(slug, TenantRole.VIEWER).tenant.id;
        PanacheQuery<Model> query;
        if (q == null || q.isBlank()) {
            query = Model.find("tenantId = ?1 order by name", tenantId);
        } else {
            String like = "%" + q.trim().toLowerCase().replace("%", "\\%") + "%";
            query =
                    Model.find(
                            "tenantId = ?1 and (lower(name) like ?2"
                                    + " or lower(coalesce(description, '')) like ?2)"
                                    + " order by name",
                            tenantId,
                            like);
        }
        return Pages.of(query, page, size, ModelResponses::of);
    }

    public ModelResponse get(String slug, String name) {
        long tenantId = access.require(slug, TenantRole.VIEWER).tenant.id;
        return ModelResponses.of(find(tenantId, name));
    }

    @Transactional
    public ModelResponse update(String slug, String name, UpdateModelRequest request) {
        Membership mine = access.require(slug, TenantRole.MEMBER);
        Model model =
                Model.lockByName(mine.tenant.id, name)
                        .orElseThrow(() -> new NotFoundException("No model '" + name + "'."));
        Map<String, Object> changes = new LinkedHashMap<>();
        if (request.description() != null && !request.description().equals(model.description)) {
            changes.put("description", Map.of("to", request.description()));
            model.description = request.description();
        }
        if (request.task() != null && request.task() != model.task) {
            changes.put("task", Map.of("from", model.task.name(), "to", request.task().name()));
            model.task = request.task();
        }
        if (request.defaultVersion() != null) {
            setDefaultVersion(model, request.defaultVersion(), changes);
        }
        if (!changes.isEmpty()) {
            model.updatedAt = Instant.now();
            record(mine, AuditLog.MODEL_UPDATED, name, changes);
        }
        return ModelResponses.of(model);
    }

    /** 0 clears; any other version must be deployed (409). */
    private void setDefaultVersion(Model model, int version, Map<String, Object> changes) {
        Integer to = version == 0 ? null : version;
        if (to != null && !Deployment.isDeployed(model, to)) {
            throw new ConflictException(
                    "Version " + to + " of '" + model.name + "' is not deployed; deploy it first.");
        }
        if (!Objects.equals(to, model.defaultVersion)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", model.defaultVersion);
            change.put("to", to);
            changes.put("defaultVersion", change);
            model.defaultVersion = to;
            notifier.announce(Channel.DEPLOYMENTS);
        }
    }

    /**
     * Deletes the model with its versions; frees their storage and the model slot. 409 while a
     * version is deployed.
     */
    @Transactional
    public void delete(String slug, String name) {
        Membership mine = access.require(slug, TenantRole.MEMBER);
        long tenantId = mine.tenant.id;
        Model model =
                Model.lockByName(tenantId, name)
                        .orElseThrow(() -> new NotFoundException("No model '" + name + "'."));
        if (Deployment.existsForModel(model)) {
            throw new ConflictException(
                    "Model '" + name + "' has deployed versions; undeploy them first.");
        }
        List<ModelVersion> versions = ModelVersion.list("model", model);
        List<Long> versionIds = versions.stream().map(v -> v.id).toList();
        storage.release(tenantId, ModelVersion.BLOB_OWNER, versionIds);
        jobs.cancel(JobKind.VALIDATE_MODEL, ValidateSpecs.MODEL_VERSION_ID, versionIds);
        versions.forEach(ModelVersion::delete);
        model.delete();
        quotas.release(tenantId, Counter.MODELS);
        record(mine, AuditLog.MODEL_DELETED, name, Map.of("versions", versionIds.size()));
    }

    static Model find(long tenantId, String name) {
        return Model.findByName(tenantId, name)
                .orElseThrow(() -> new NotFoundException("No model '" + name + "'."));
    }

    private void record(Membership mine, String action, String name, Map<String, Object> details) {
        audit.record(access.caller().username(), mine.tenant, action, "model", name, details);
    }
}
