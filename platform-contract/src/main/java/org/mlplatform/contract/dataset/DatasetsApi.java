package org.mlplatform.contract.dataset;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.common.PageResponse;

/**
 * A tenant's datasets. Uploads stream to the blob store and are checked and profiled on the way;
 * bad content answers 400 naming the line or the zip entry, and nothing is stored. The server also
 * takes multipart form data (part {@code file}).
 */
@Path("/api/v1/tenants/{tenant}/datasets")
@Produces(MediaType.APPLICATION_JSON)
public interface DatasetsApi {

    /** 201 with the profile and {@code Location}; 409 if the name is taken; 413 past limits. */
    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    RestResponse<DatasetResponse> upload(
            @PathParam("tenant") String tenant,
            @QueryParam("name") String name,
            @QueryParam("format") DatasetFormat format,
            InputStream content);

    @GET
    PageResponse<DatasetResponse> list(
            @PathParam("tenant") String tenant,
            @QueryParam("q") String q,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @GET
    @Path("/{dataset}")
    DatasetResponse get(@PathParam("tenant") String tenant, @PathParam("dataset") String dataset);

    /** CSV only: the header and the first 20 rows. */
    @GET
    @Path("/{dataset}/preview")
    DatasetPreview preview(
            @PathParam("tenant") String tenant, @PathParam("dataset") String dataset);

    /** 204; 409 while a queued or running job uses it. */
    @DELETE
    @Path("/{dataset}")
    void delete(@PathParam("tenant") String tenant, @PathParam("dataset") String dataset);
}
