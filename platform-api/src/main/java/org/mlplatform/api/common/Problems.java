package org.mlplatform.api.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.common.ProblemDetail;
import org.mlplatform.contract.common.ProblemDetail.FieldError;

/** Builds problem documents with the configured type URI prefix. */
@ApplicationScoped
public class Problems {

    private final String typeBase;

    public Problems(PlatformConfig config) {
        this.typeBase = config.problems().typeBase();
    }

    public ProblemDetail problem(
            int status,
            String type,
            String title,
            String detail,
            String instance,
            List<FieldError> errors) {
        return new ProblemDetail(typeBase + type, title, status, detail, instance, errors);
    }

    /** The problem document of a domain failure. */
    public ProblemDetail problem(ApiException e, String instance) {
        return problem(e.status(), e.type(), e.title(), e.getMessage(), instance, e.errors());
    }

    public RestResponse<ProblemDetail> response(
            int status,
            String type,
            String title,
            String detail,
            String instance,
            List<FieldError> errors) {
        return builder(status, type, title, detail, instance, errors).build();
    }

    /** A response builder with the problem as entity, for adding headers. */
    public RestResponse.ResponseBuilder<ProblemDetail> builder(
            int status,
            String type,
            String title,
            String detail,
            String instance,
            List<FieldError> errors) {
        return RestResponse.ResponseBuilder.<ProblemDetail>create(status)
                .entity(problem(status, type, title, detail, instance, errors))
                .header(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE);
    }

    /** A problem for a plain HTTP status, such as 404 for an unknown path or 405. */
    public RestResponse<ProblemDetail> forStatus(int status, String detail, String instance) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String type = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return response(status, type, title, detail, instance, List.of());
    }
}
