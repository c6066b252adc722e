package org.mlplatform.api.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.mlplatform.contract.common.ProblemDetail;
import org.mlplatform.contract.common.ProblemDetail.FieldError;

/** The one mapping from failures to RFC 9457 problem documents. Clients never see a stack trace. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final Problems problems;

    public ProblemMapper(Problems problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public RestResponse<ProblemDetail> domain(ApiException e, UriInfo uri) {
        RestResponse.ResponseBuilder<ProblemDetail> builder =
                problems.builder(
                        e.status(), e.type(), e.title(), e.getMessage(), path(uri), e.errors());
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public RestResponse<ProblemDetail> unauthorized(RuntimeException e, UriInfo uri) {
        return problems.builder(
                        401,
                        "unauthorized",
                        "Unauthorized",
                        "A valid bearer token is required.",
                        path(uri),
                        List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<ProblemDetail> forbidden(
            io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return problems.response(
                403,
                "forbidden",
                "Forbidden",
                "Your roles do not allow this.",
                path(uri),
                List.of());
    }

    @ServerExceptionMapper
    public RestResponse<ProblemDetail> invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors =
                e.getConstraintViolations().stream()
                        .map(v -> new FieldError(field(v), v.getMessage()))
                        .sorted(Comparator.comparing(FieldError::field))
                        .toList();
        return problems.response(
                400,
                "validation",
                "Invalid request",
                "The request has invalid fields.",
                path(uri),
                errors);
    }

    /** Wrong types and bad enum values; declared apart to win over Quarkus' built-in mapper. */
    @ServerExceptionMapper
    public RestResponse<ProblemDetail> mismatched(MismatchedInputException e, UriInfo uri) {
        return unreadable(e, uri);
    }

    @ServerExceptionMapper
    public RestResponse<ProblemDetail> unreadable(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field =
                    m.getPath().stream()
                            .map(
                                    r ->
                                            r.getFieldName() != null
                                                    ? r.getFieldName()
                                                    : "" + r.getIndex())
                            .collect(Collectors.joining("."));
            return problems.response(
                    400,
                    "validation",
                    "Invalid request",
                    "The request has invalid fields.",
                    path(uri),
                    List.of(new FieldError(field, valueProblem(m))));
        }
        return problems.response(
                400,
                "malformed-json",
                "Malformed JSON",
                "The request body is not valid JSON.",
                path(uri),
                List.of());
    }

    @ServerExceptionMapper
    public RestResponse<ProblemDetail> webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        if (e instanceof jakarta.ws.rs.NotFoundException) {
            Optional<ApiException> query = malformedQuery(e.getCause(), uri);
            if (query.isPresent()) {
                return domain(query.get(), uri);
            }
            if (e.getCause() instanceof QueryValueConverter.Unparsable path) {
                // A path segment that cannot name anything: say why, not just "HTTP 404".
                return problems.forStatus(
                        404, "Nothing is at this path: " + path.getMessage() + ".", path(uri));
            }
        }
        if (e.getCause() instanceof ApiException api) {
            return domain(api, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 401) {
            return unauthorized(e, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return problems.forStatus(status, e.getMessage(), path(uri));
    }

    /**
     * JAX-RS's 404 for a parameter that did not convert, when the parameter is in the query: a 400
     * naming it (the query parameter that holds the text), as {@link QueryValueConverter} says.
     * Empty for a path parameter, whose 404 stands.
     */
    private static Optional<ApiException> malformedQuery(Throwable cause, UriInfo uri) {
        String value;
        String expected;
        if (cause instanceof QueryValueConverter.Unparsable bad) {
            value = bad.value();
            expected = bad.expected();
        } else if (cause instanceof DateTimeParseException bad) {
            value = bad.getParsedString();
            expected = QueryValueConverter.INSTANT;
        } else {
            return Optional.empty();
        }
        return uri.getQueryParameters().entrySet().stream()
                .filter(q -> q.getValue().contains(value))
                .findFirst()
                .map(q -> QueryValueConverter.invalid(q.getKey(), expected));
    }

    @ServerExceptionMapper
    public RestResponse<ProblemDetail> duplicate(
            org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return problems.response(
                409,
                "conflict",
                "Conflict",
                "The change conflicts with an existing record.",
                path(uri),
                List.of());
    }

    @ServerExceptionMapper
    public RestResponse<ProblemDetail> unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unhandled failure on %s", path(uri));
        return problems.response(
                500,
                "internal",
                "Internal error",
                "Something went wrong on our side; it has been logged.",
                path(uri),
                List.of());
    }

    private static String valueProblem(JsonMappingException e) {
        if (e instanceof InvalidFormatException f && f.getTargetType().isEnum()) {
            return "must be one of " + Arrays.toString(f.getTargetType().getEnumConstants());
        }
        return "has the wrong type or format";
    }

    /** The field's path inside the request body, without the method and parameter names. */
    private static String field(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : v.getPropertyPath().toString();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
