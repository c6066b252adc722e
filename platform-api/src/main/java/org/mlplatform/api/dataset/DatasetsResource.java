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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.common.ProblemDetail.FieldError;
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
        return created(tenant, uploads.upload(tenant, name, format, content, contentLength()));
    }

    /** The same upload from a browser form: the content is the part {@code file}. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public RestResponse<DatasetResponse> uploadForm(
            @PathParam("tenant") String tenant,
            @QueryParam("name") String name,
            @QueryParam("format") DatasetFormat format,
            @RestForm("file") FileUpload file) {
        if (file == null) {
            throw new InvalidRequestException(
                    "The form has no part 'file'.",
                    List.of(new FieldError("file", "must not be missing")));
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return created(tenant, uploads.upload(tenant, name, format, in, file.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private Long contentLength() {
        String value = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return value == null ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static RestResponse<DatasetResponse> created(String tenant, DatasetResponse body) {
        return RestResponse.ResponseBuilder.<DatasetResponse>created(
                        UriBuilder.fromPath("/api/v1/tenants/{tenant}/datasets/{dataset}")
                                .build(tenant, body.name()))
                .entity(body)
                .build();
    }
}
