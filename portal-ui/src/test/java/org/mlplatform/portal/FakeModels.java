package org.mlplatform.portal;

import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.model.CreateModelRequest;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelResponse;
import org.mlplatform.contract.model.ModelSignature;
import org.mlplatform.contract.model.ModelTask;
import org.mlplatform.contract.model.ModelVersionResponse;
import org.mlplatform.contract.model.ModelVersionStatus;
import org.mlplatform.contract.model.ModelVersionsApi;
import org.mlplatform.contract.model.ModelsApi;
import org.mlplatform.contract.model.UpdateModelRequest;
import org.mlplatform.contract.model.VersionSource;
import org.mlplatform.portal.api.PlatformApiException;

/** In-memory models and versions, keyed by "tenant/model". */
public class FakeModels implements ModelsApi, ModelVersionsApi {

    private final FakePlatform platform;
    public final Map<String, ModelResponse> models = new LinkedHashMap<>();
    public final Map<String, List<ModelVersionResponse>> versions = new LinkedHashMap<>();

    FakeModels(FakePlatform platform) {
        this.platform = platform;
    }

    public void model(String tenant, String name, String description, ModelTask task) {
        models.put(
                tenant + "/" + name,
                new ModelResponse(
                        name, description, task, null, 0, null, FakePlatform.T0, FakePlatform.T0));
        versions.put(tenant + "/" + name, new ArrayList<>());
    }

    /** Adds a version; {@code signature} and {@code failure} as the API would report them. */
    public ModelVersionResponse version(
            String tenant,
            String model,
            ModelVersionStatus status,
            ModelSignature signature,
            String failure) {
        List<ModelVersionResponse> list = versions.get(tenant + "/" + model);
        ModelVersionResponse v =
                new ModelVersionResponse(
                        model,
                        list.size() + 1,
                        status,
                        ModelFormat.ONNX,
                        1536,
                        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                        signature,
                        failure,
                        VersionSource.UPLOAD,
                        null,
                        Map.of(),
                        FakePlatform.T0,
                        null);
        list.add(v);
        ModelResponse m = models.get(tenant + "/" + model);
        models.put(
                tenant + "/" + model,
                new ModelResponse(
                        m.name(),
                        m.description(),
                        m.task(),
                        v.version(),
                        list.size(),
                        m.defaultVersion(),
                        m.createdAt(),
                        FakePlatform.T0));
        return v;
    }

    /** Adds a READY version that training job {@code job} produced, with its metrics. */
    public ModelVersionResponse trainedVersion(
            String tenant, String model, java.util.UUID job, Map<String, Double> metrics) {
        ModelVersionResponse v = version(tenant, model, ModelVersionStatus.READY, null, null);
        List<ModelVersionResponse> list = versions.get(tenant + "/" + model);
        ModelVersionResponse trained =
                new ModelVersionResponse(
                        v.model(),
                        v.version(),
                        v.status(),
                        ModelFormat.DJL,
                        v.sizeBytes(),
                        v.sha256(),
                        v.signature(),
                        null,
                        VersionSource.TRAINING,
                        job,
                        metrics,
                        v.createdAt(),
                        FakePlatform.T0);
        list.set(v.version() - 1, trained);
        return trained;
    }

    /** Replaces a version's status, the way a worker's validation would. */
    public void setStatus(String tenant, String model, int version, ModelVersionStatus status) {
        List<ModelVersionResponse> list = versions.get(tenant + "/" + model);
        ModelVersionResponse v = list.get(version - 1);
        list.set(
                version - 1,
                new ModelVersionResponse(
                        v.model(),
                        v.version(),
                        status,
                        v.format(),
                        v.sizeBytes(),
                        v.sha256(),
                        v.signature(),
                        v.failureReason(),
                        v.source(),
                        v.trainingJobId(),
                        v.metrics(),
                        v.createdAt(),
                        FakePlatform.T0));
    }

    private static PlatformApiException notFound() {
        return new PlatformApiException(404, "Not found.");
    }

    @Override
    public RestResponse<ModelResponse> create(String tenant, CreateModelRequest request) {
        platform.write(request);
        model(tenant, request.name(), request.description(), request.task());
        return RestResponse.status(RestResponse.Status.CREATED, get(tenant, request.name()));
    }

    @Override
    public PageResponse<ModelResponse> list(String tenant, String q, Integer page, Integer size) {
        return FakePlatform.page(
                models.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(tenant + "/"))
                        .map(Map.Entry::getValue)
                        .filter(m -> q == null || m.name().contains(q))
                        .sorted(Comparator.comparing(ModelResponse::name))
                        .toList(),
                page,
                size);
    }

    @Override
    public ModelResponse get(String tenant, String model) {
        ModelResponse m = models.get(tenant + "/" + model);
        if (m == null) {
            throw notFound();
        }
        return m;
    }

    @Override
    public ModelResponse update(String tenant, String model, UpdateModelRequest request) {
        platform.write(request);
        ModelResponse m = get(tenant, model);
        Integer defaultVersion =
                request.defaultVersion() == null
                        ? m.defaultVersion()
                        : request.defaultVersion() == 0 ? null : request.defaultVersion();
        ModelResponse updated =
                new ModelResponse(
                        m.name(),
                        request.description() == null ? m.description() : request.description(),
                        request.task() == null ? m.task() : request.task(),
                        m.latestVersion(),
                        m.versionCount(),
                        defaultVersion,
                        m.createdAt(),
                        FakePlatform.T0);
        models.put(tenant + "/" + model, updated);
        return updated;
    }

    @Override
    public void delete(String tenant, String model) {
        platform.write("delete model " + model);
        models.remove(tenant + "/" + model);
    }

    @Override
    public RestResponse<ModelVersionResponse> upload(
            String tenant, String model, ModelFormat format, InputStream artifact) {
        throw new UnsupportedOperationException("uploads stream through StreamingUpload");
    }

    @Override
    public List<ModelVersionResponse> list(String tenant, String model) {
        List<ModelVersionResponse> list = versions.get(tenant + "/" + model);
        if (list == null) {
            throw notFound();
        }
        return list.stream()
                .sorted(Comparator.comparing(ModelVersionResponse::version).reversed())
                .toList();
    }

    @Override
    public ModelVersionResponse get(String tenant, String model, int version) {
        return list(tenant, model).stream()
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow(FakeModels::notFound);
    }

    @Override
    public Response download(String tenant, String model, int version, String ifNoneMatch) {
        throw new UnsupportedOperationException("downloads stream through the servlet");
    }

    @Override
    public void delete(String tenant, String model, int version) {
        platform.write("delete version " + version);
        versions.get(tenant + "/" + model).removeIf(v -> v.version() == version);
    }
}
