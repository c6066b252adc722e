package org.mlplatform.worker.inference;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.mlplatform.worker.registration.InferenceToken;

/**
 * Every {@code /v2/models} call needs {@code Authorization: Bearer <inferenceToken>}: only the
 * gateway, which got the token with this worker's registration, may call the models directly.
 */
public class InferenceAuthFilter {

    private final InferenceToken token;

    public InferenceAuthFilter(InferenceToken token) {
        this.token = token;
    }

    @ServerRequestFilter
    public Optional<Response> requireToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/v2/models") || token.accepts(header(request))) {
            return Optional.empty();
        }
        String message =
                header(request) == null
                        ? "Authorization: Bearer <inference token> is required"
                        : "The inference token is not valid";
        return Optional.of(
                Response.status(401)
                        .type(MediaType.APPLICATION_JSON)
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                        .entity(InferResponseWriter.error(message))
                        .build());
    }

    private static String header(ContainerRequestContext request) {
        return request.getHeaderString(HttpHeaders.AUTHORIZATION);
    }
}
