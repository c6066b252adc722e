package org.mlplatform.contract.model;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The versions of a model. Uploading streams the artifact to the blob store (never whole in
 * memory); a worker then validates it. The server also takes the artifact as multipart form data
 * (part {@code file}).
 */
@Path("/api/v1/tenants/{tenant}/models/{model}/versions")
@Produces(MediaType.APPLICATION_JSON)
public interface ModelVersionsApi {

    /**
     * Uploads a new version from the raw request body: 202 with the version (status VALIDATING) and
     * {@code Location}; 413 past the upload size limit or the storage quota.
     */
    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    RestResponse<ModelVersionResponse> upload(
            @PathParam("tenant") String tenant,
            @PathParam("model") String model,
            @QueryParam("format") ModelFormat format,
            InputStream artifact);

    /** Newest first. */
    @GET
    List<ModelVersionResponse> list(
            @PathParam("tenant") String tenant, @PathParam("model") String model);

    @GET
    @Path("/{version}")
    ModelVersionResponse get(
            @PathParam("tenant") String tenant,
            @PathParam("model") String model,
            @PathParam("version") int version);

    /**
     * The artifact, streamed, with {@code Content-Length}, {@code ETag} (the SHA-256) and a {@code
     * Content-Disposition} file name; honours {@code If-None-Match}.
     */
    @GET
    @Path("/{version}/artifact")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    Response download(
            @PathParam("tenant") String tenant,
            @PathParam("model") String model,
            @PathParam("version") int version,
            @HeaderParam("If-None-Match") String ifNoneMatch);

    /** 204; the blob is deleted when nothing references it any more. */
    @DELETE
    @Path("/{version}")
    void delete(
            @PathParam("tenant") String tenant,
            @PathParam("model") String model,
            @PathParam("version") int version);
}
