package org.mlplatform.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.deployment.CreateDeploymentRequest;
import org.mlplatform.contract.deployment.DeploymentReplicaResponse;
import org.mlplatform.contract.deployment.DeploymentResponse;
import org.mlplatform.contract.deployment.DeploymentStatus;
import org.mlplatform.contract.deployment.DeploymentsApi;
import org.mlplatform.contract.deployment.UpdateDeploymentRequest;
import org.mlplatform.contract.inference.InferRequest;
import org.mlplatform.contract.inference.InferResponse;
import org.mlplatform.contract.inference.ModelInferenceApi;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelResponse;
import org.mlplatform.portal.api.PlatformApiException;

/**
 * In-memory deployments, newest first, and inference through them: every call is recorded in {@link
 * #inferCalls} and answered with {@link #answer} (or fails with {@link #inferFailure}). Deploying
 * fails like the platform does for a version that is not READY or deployed already.
 */
public class FakeDeployments implements DeploymentsApi, ModelInferenceApi {

    /** One inference call as the portal sent it. */
    public record InferCall(String tenant, String model, Integer version, InferRequest request) {}

    private final FakePlatform platform;
    public final Map<UUID, String> tenantOf = new LinkedHashMap<>();
    public final List<DeploymentResponse> deployments = new ArrayList<>();
    public final List<InferCall> inferCalls = new ArrayList<>();
    public InferResponse answer;
    public PlatformApiException inferFailure;

    FakeDeployments(FakePlatform platform) {
        this.platform = platform;
    }

    /** Adds a deployment of {@code tenant} with the contract's default batch settings. */
    public DeploymentResponse deployment(
            String tenant, String model, int version, DeploymentStatus status, String failure) {
        UUID id = new UUID(1, deployments.size() + 1);
        DeploymentResponse d =
                new DeploymentResponse(
                        id,
                        model,
                        version,
                        ModelFormat.ONNX,
                        status,
                        failure,
                        8,
                        2,
                        1,
                        false,
                        List.of(),
                        FakePlatform.T0,
                        status == DeploymentStatus.READY ? FakePlatform.T0 : null);
        deployments.add(0, d);
        tenantOf.put(id, tenant);
        return d;
    }

    /** Replaces a deployment's status, the way the workers' reports would. */
    public void setStatus(UUID id, DeploymentStatus status, String failure) {
        replace(
                id,
                d ->
                        copy(
                                d,
                                status,
                                failure,
                                d.maxBatchSize(),
                                d.maxBatchDelayMs(),
                                d.replicas(),
                                d.defaultVersion(),
                                d.replicaStatus()));
    }

    /** Replaces a deployment's replica reports, the way the workers' reports would. */
    public void setReplicaStatus(UUID id, List<DeploymentReplicaResponse> replicas) {
        replace(
                id,
                d ->
                        copy(
                                d,
                                d.status(),
                                d.failureReason(),
                                d.maxBatchSize(),
                                d.maxBatchDelayMs(),
                                d.replicas(),
                                d.defaultVersion(),
                                replicas));
    }

    private void replace(UUID id, UnaryOperator<DeploymentResponse> change) {
        deployments.replaceAll(d -> d.id().equals(id) ? change.apply(d) : d);
    }

    /** {@code d} with the fields that change after it was created. */
    private static DeploymentResponse copy(
            DeploymentResponse d,
            DeploymentStatus status,
            String failure,
            int maxBatchSize,
            int maxBatchDelayMs,
            int replicas,
            boolean defaultVersion,
            List<DeploymentReplicaResponse> replicaStatus) {
        return new DeploymentResponse(
                d.id(),
                d.model(),
                d.version(),
                d.format(),
                status,
                failure,
                maxBatchSize,
                maxBatchDelayMs,
                replicas,
                defaultVersion,
                replicaStatus,
                d.createdAt(),
                d.readyAt());
    }

    private List<DeploymentResponse> of(String tenant, String model) {
        return deployments.stream()
                .filter(d -> tenant.equals(tenantOf.get(d.id())))
                .filter(d -> model == null || model.equals(d.model()))
                .map(d -> withDefault(d, platform.models.models.get(tenant + "/" + d.model())))
                .toList();
    }

    /** The default marker follows the model's defaultVersion, as the platform computes it. */
    private static DeploymentResponse withDefault(DeploymentResponse d, ModelResponse model) {
        boolean isDefault =
                model != null && Integer.valueOf(d.version()).equals(model.defaultVersion());
        return copy(
                d,
                d.status(),
                d.failureReason(),
                d.maxBatchSize(),
                d.maxBatchDelayMs(),
                d.replicas(),
                isDefault,
                d.replicaStatus());
    }

    @Override
    public RestResponse<DeploymentResponse> create(String tenant, CreateDeploymentRequest request) {
        platform.write(request);
        DeploymentResponse d =
                deployment(
                        tenant, request.model(), request.version(), DeploymentStatus.PENDING, null);
        return RestResponse.status(RestResponse.Status.CREATED, d);
    }

    @Override
    public PageResponse<DeploymentResponse> list(
            String tenant, String model, Integer page, Integer size) {
        return FakePlatform.page(of(tenant, model), page, size);
    }

    @Override
    public DeploymentResponse get(String tenant, UUID id) {
        return of(tenant, null).stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new PlatformApiException(404, "Not found."));
    }

    @Override
    public DeploymentResponse update(String tenant, UUID id, UpdateDeploymentRequest request) {
        DeploymentResponse d = get(tenant, id);
        platform.write(request);
        DeploymentResponse changed =
                copy(
                        d,
                        d.status(),
                        d.failureReason(),
                        Objects.requireNonNullElse(request.maxBatchSize(), d.maxBatchSize()),
                        Objects.requireNonNullElse(request.maxBatchDelayMs(), d.maxBatchDelayMs()),
                        Objects.requireNonNullElse(request.replicas(), d.replicas()),
                        d.defaultVersion(),
                        d.replicaStatus());
        replace(id, x -> changed);
        return changed;
    }

    @Override
    public void delete(String tenant, UUID id) {
        platform.write("undeploy " + id);
        deployments.removeIf(d -> d.id().equals(id));
    }

    @Override
    public InferResponse infer(String tenant, String model, Integer version, InferRequest request) {
        inferCalls.add(new InferCall(tenant, model, version, request));
        if (inferFailure != null) {
            throw inferFailure;
        }
        return answer;
    }
}
