package org.mlplatform.api.model;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mlplatform.api.audit.AuditLog;
import org.mlplatform.api.common.ConflictException;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.deployment.Deployment;
import org.mlplatform.api.job.JobQueue;
import org.mlplatform.api.job.ValidateSpecs;
import org.mlplatform.api.member.Membership;
import org.mlplatform.api.storage.BlobContent;
import org.mlplatform.api.storage.StagedUpload;
import org.mlplatform.api.storage.StorageService;
import org.mlplatform.api.tenant.Tenant;
import org.mlplatform.api.tenant.TenantAccess;
import org.mlplatform.contract.common.ProblemDetail.FieldError;
import org.mlplatform.contract.job.BlobPointer;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.TrainingResult;
import org.mlplatform.contract.job.ValidateModelSpec;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelVersionResponse;
import org.mlplatform.contract.model.ModelVersionStatus;
import org.mlplatform.contract.model.VersionSource;
import org.mlplatform.contract.tenant.TenantRole;

/**
 * Versions of a model. An upload streams to the blob store with no transaction open, then one short
 * transaction numbers the version under the model's row lock, charges the storage, and queues its
 * VALIDATE_MODEL job, so a version never exists without its validation.
 */
@ApplicationScoped
public class ModelVersionService {

    private final TenantAccess access;
    private final StorageService storage;
    private final JobQueue jobs;
    private final AuditLog audit;

    public ModelVersionService(
            TenantAccess access, StorageService storage, JobQueue jobs, AuditLog audit) {
        this.access = access;
        this.storage = storage;
        this.jobs = jobs;
        this.audit = audit;
    }

    /**
     * Checks access, model and format before reading a byte, streams the artifact, then registers
     * the version. 400 when empty, 413 past the upload limit or the storage quota.
     */
    public ModelVersionResponse upload(
            String slug, String modelName, ModelFormat format, InputStream in, Long length) {
        long tenantId = access.require(slug, TenantRole.MEMBER).tenant.id;
        if (format == null) {
            throw ModelFormatParamConverter.invalid();
        }
        ModelService.find(tenantId, modelName);
        if (length != null && length == 0) {
            throw empty();
        }
        try (StagedUpload staged = storage.stage(tenantId, in, length)) {
            if (staged.size() == 0) {
                throw empty();
            }
            return QuarkusTransaction.requiringNew()
                    .call(() -> register(slug, modelName, format, staged));
        }
    }

    private ModelVersionResponse register(
            String slug, String modelName, ModelFormat format, StagedUpload staged) {
        Membership mine = access.require(slug, TenantRole.MEMBER);
        long tenantId = mine.tenant.id;
        Model model =
                Model.lockByName(tenantId, modelName)
                        .orElseThrow(() -> new NotFoundException("No model '" + modelName + "'."));
        ModelVersion version =
                addVersion(
                        model,
                        format,
                        VersionSource.UPLOAD,
                        ModelVersionStatus.VALIDATING,
                        staged.sha256(),
                        staged.size());
        storage.commit(tenantId, staged, ModelVersion.BLOB_OWNER, version.id);
        enqueueValidation(mine.tenant, version);
        audit.record(
                access.caller().username(),
                mine.tenant,
                AuditLog.MODEL_VERSION_UPLOADED,
                "model",
                modelName + "/v" + version.version,
                Map.of(
                        "format", format.wireName(),
                        "sizeBytes", version.sizeBytes,
                        "sha256", version.sha256));
        return ModelResponses.of(version);
    }

    /**
     * Registers a TRAIN job's archive as a READY version of the output model (format djl, source
     * TRAINING, with the result's signature and metrics), numbered like uploads under the model's
     * row lock, and moves the job's reference to the archive over to the version. Empty when the
     * output model was deleted while the job ran. Runs in the job's completing transaction.
     */
    @Transactional(TxType.MANDATORY)
    public Optional<ModelVersion> registerTrained(
            long tenantId,
            String modelName,
            UUID jobId,
            long jobNum,
            String jobArtifactOwner,
            TrainingResult result) {
        Optional<Model> model = Model.lockByName(tenantId, modelName);
        if (model.isEmpty()) {
            return Optional.empty();
        }
        BlobPointer artifact = result.artifact();
        ModelVersion version =
                addVersion(
                        model.get(),
                        ModelFormat.DJL,
                        VersionSource.TRAINING,
                        ModelVersionStatus.READY,
                        artifact.sha256(),
                        artifact.sizeBytes());
        version.signature = result.signature();
        version.metrics = result.metrics();
        version.trainingJobId = jobId;
        version.validatedAt = version.createdAt;
        storage.transfer(
                tenantId,
                artifact.sha256(),
                jobArtifactOwner,
                jobNum,
                ModelVersion.BLOB_OWNER,
                version.id);
        return Optional.of(version);
    }

    /** Numbers and stores a new version; the caller holds the model's row lock. */
    private static ModelVersion addVersion(
            Model model,
            ModelFormat format,
            VersionSource source,
            ModelVersionStatus status,
            String sha256,
            long sizeBytes) {
        Instant now = Instant.now();
        ModelVersion version = new ModelVersion();
        version.model = model;
        version.tenantId = model.tenantId;
        version.version = model.nextVersion++;
        version.status = status;
        version.format = format;
        version.sizeBytes = sizeBytes;
        version.sha256 = sha256;
        version.source = source;
        version.createdAt = now;
        version.persistAndFlush();
        model.updatedAt = now;
        return version;
    }

    private void enqueueValidation(Tenant tenant, ModelVersion v) {
        ValidateModelSpec spec =
                new ValidateModelSpec(
                        tenant.slug, v.model.name, v.version, v.format, v.sha256, v.sizeBytes);
        jobs.enqueue(tenant.id, JobKind.VALIDATE_MODEL, ValidateSpecs.toSpec(spec, v.id), 0);
    }

    public List<ModelVersionResponse> list(String slug, String modelName) {
        long tenantId = access.require(slug, TenantRole.VIEWER).tenant.id;
        Model model = ModelService.find(tenantId, modelName);
        return ModelVersion.<ModelVersion>list("model = ?1 order by version desc", model).stream()
                .map(ModelResponses::of)
                .toList();
    }

    public ModelVersionResponse get(String slug, String modelName, int version) {
        return ModelResponses.of(find(slug, modelName, version));
    }

    /** The artifact's response data, or empty when {@code ifNoneMatch} matches (304). */
    public Artifact artifact(String slug, String modelName, int version, String ifNoneMatch) {
        ModelVersion v = find(slug, modelName, version);
        String etag = "\"" + v.sha256 + "\"";
        String fileName = modelName + "-v" + version + "." + extension(v.format);
        if (matches(ifNoneMatch, v.sha256)) {
            return new Artifact(etag, fileName, Optional.empty());
        }
        BlobContent content =
                storage.open(v.sha256)
                        .orElseThrow(
                                () -> new NotFoundException("The artifact's bytes are missing."));
        return new Artifact(etag, fileName, Optional.of(content));
    }

    /** Deletes a version; its blob goes when nothing references it any more. 409 while deployed. */
    @Transactional
    public void delete(String slug, String modelName, int version) {
        Membership mine = access.require(slug, TenantRole.MEMBER);
        long tenantId = mine.tenant.id;
        Model model =
                Model.lockByName(tenantId, modelName)
                        .orElseThrow(() -> new NotFoundException("No model '" + modelName + "'."));
        ModelVersion v = ModelVersion.find(model, version).orElseThrow(() -> noVersion(version));
        if (Deployment.findByVersion(v).isPresent()) {
            throw new ConflictException(
                    "Version "
                            + version
                            + " of '"
                            + modelName
                            + "' is deployed; undeploy it first.");
        }
        storage.release(tenantId, ModelVersion.BLOB_OWNER, v.id);
        jobs.cancel(JobKind.VALIDATE_MODEL, ValidateSpecs.MODEL_VERSION_ID, List.of(v.id));
        v.delete();
        model.updatedAt = Instant.now();
        audit.record(
                access.caller().username(),
                mine.tenant,
                AuditLog.MODEL_VERSION_DELETED,
                "model",
                modelName + "/v" + version,
                Map.of("sha256", v.sha256));
    }

    private ModelVersion find(String slug, String modelName, int version) {
        long tenantId = access.require(slug, TenantRole.VIEWER).tenant.id;
        Model model = ModelService.find(tenantId, modelName);
        return ModelVersion.find(model, version).orElseThrow(() -> noVersion(version));
    }

    /** The download of an artifact; no content when the client's copy is current. */
    public record Artifact(String etag, String fileName, Optional<BlobContent> content) {}

    static boolean matches(String ifNoneMatch, String sha256) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals("\"" + sha256 + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static String extension(ModelFormat format) {
        return switch (format) {
            case ONNX -> "onnx";
            case TORCHSCRIPT -> "pt";
            case DJL -> "zip";
        };
    }

    private static NotFoundException noVersion(int version) {
        return new NotFoundException("No version " + version + ".");
    }

    private static InvalidRequestException empty() {
        return new InvalidRequestException(
                "The artifact is empty.", List.of(new FieldError("body", "must not be empty")));
    }
}
