package org.mlplatform.api.model;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.mlplatform.api.storage.BlobResponses;
import org.mlplatform.api.storage.UploadBodies;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelVersionResponse;
import org.mlplatform.contract.model.ModelVersionsApi;

/** A model's versions: raw or multipart upload (202), listing, download, delete. */
@Authenticated
public class ModelVersionsResource implements ModelVersionsApi {

    private final ModelVersionService versions;

    @Context HttpHeaders headers;

    public ModelVersionsResource(ModelVersionService versions) {
        this.versions = versions;
    }

    @Override
    public RestResponse<ModelVersionResponse> upload(
            String tenant, String model, ModelFormat format, InputStream artifact) {
        return accepted(
                tenant,
                versions.upload(
                        tenant, model, format, artifact, UploadBodies.contentLength(headers)));
    }

    /** The same upload from a browser form: the artifact is the part {@code file}. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public RestResponse<ModelVersionResponse> uploadForm(
            @PathParam("tenant") String tenant,
            @PathParam("model") String model,
            @QueryParam("format") ModelFormat format,
            @RestForm("file") FileUpload file) {
        return UploadBodies.fromForm(
                file,
                (in, size) -> accepted(tenant, versions.upload(tenant, model, format, in, size)));
    }

    @Override
    public List<ModelVersionResponse> list(String tenant, String model) {
        return versions.list(tenant, model);
    }

    @Override
    public ModelVersionResponse get(String tenant, String model, int version) {
        return versions.get(tenant, model, version);
    }

    @Override
    public Response download(String tenant, String model, int version, String ifNoneMatch) {
        ModelVersionService.Artifact artifact =
                versions.artifact(tenant, model, version, ifNoneMatch);
        if (artifact.content().isEmpty()) {
            return Response.notModified(artifact.etag()).build();
        }
        return BlobResponses.ok(artifact.content().get(), artifact.etag())
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"" + artifact.fileName() + "\"")
                .build();
    }

    @Override
    public void delete(String tenant, String model, int version) {
        versions.delete(tenant, model, version);
    }

    private static RestResponse<ModelVersionResponse> accepted(
            String tenant, ModelVersionResponse created) {
        return RestResponse.ResponseBuilder.<ModelVersionResponse>create(
                        RestResponse.Status.ACCEPTED)
                .location(
                        UriBuilder.fromPath(
                                        "/api/v1/tenants/{tenant}/models/{model}/versions/{version}")
                                .build(tenant, created.model(), created.version()))
                .entity(created)
                .build();
    }
}
