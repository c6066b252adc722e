package org.mlplatform.api.dataset;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.mlplatform.api.storage.UploadBodies;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.dataset.DatasetPreview;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.dataset.DatasetsApi;

/** A tenant's datasets: raw or multipart upload (201), listing, profile, preview, delete. */
@Authenticated
public class DatasetsResource implements DatasetsApi {

    private final DatasetUploadService uploads;
    private final DatasetService datasets;

    @Context HttpHeaders headers;

    public DatasetsResource(DatasetUploadService uploads, DatasetService datasets) {
        this.uploads = uploads;
        this.datasets = datasets;
    }

    @Override
    public RestResponse<DatasetResponse> upload(
            String tenant, String name, DatasetFormat format, InputStream content) {
        return created(
                tenant,
                uploads.upload(tenant, name, format, content, UploadBodies.contentLength(headers)));
    }

    /** The same upload from a browser form: the content is the part {@code file}. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public RestResponse<DatasetResponse> uploadForm(
            @PathParam("tenant") String tenant,
            @QueryParam("name") String name,
            @QueryParam("format") DatasetFormat format,
            @RestForm("file") FileUpload file) {
        return UploadBodies.fromForm(
                file,
                (in, size) -> created(tenant, uploads.upload(tenant, name, format, in, size)));
    }

    @Override
    public PageResponse<DatasetResponse> list(String tenant, String q, Integer page, Integer size) {
        return datasets.list(tenant, q, page, size);
    }

    @Override
    public DatasetResponse get(String tenant, String dataset) {
        return datasets.get(tenant, dataset);
    }

    @Override
    public DatasetPreview preview(String tenant, String dataset) {
        return datasets.preview(tenant, dataset);
    }

    @Override
    public void delete(String tenant, String dataset) {
        datasets.delete(tenant, dataset);
    }

    private static RestResponse<DatasetResponse> created(String tenant, DatasetResponse body) {
        return RestResponse.ResponseBuilder.<DatasetResponse>created(
                        UriBuilder.fromPath("/api/v1/tenants/{tenant}/datasets/{dataset}")
                                .build(tenant, body.name()))
                .entity(body)
                .build();
    }
}
