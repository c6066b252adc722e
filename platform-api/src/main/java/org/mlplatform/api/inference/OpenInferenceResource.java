package org.mlplatform.api.inference;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.mlplatform.api.apikey.ApiKeyAuthenticator;
import org.mlplatform.api.apikey.ApiKeyAuthenticator.KeyCaller;
import org.mlplatform.api.deployment.DeploymentDirectory;
import org.mlplatform.api.deployment.ServedDeployment;
import org.mlplatform.contract.apikey.ApiKeyScope;
import org.mlplatform.contract.deployment.DeploymentStatus;

/**
 * The Open Inference Protocol (KServe V2) for API keys. Protocol errors are {@code {"error": ...}};
 * a missing or bad key, a missing scope, and limits are problem+json. Runs on the event loop.
 */
@Path("/v2")
public class OpenInferenceResource {

    private final ApiKeyAuthenticator authenticator;
    private final DeploymentDirectory directory;
    private final GatewayService gateway;
    private final DataSource dataSource;

    public OpenInferenceResource(
            ApiKeyAuthenticator authenticator,
            DeploymentDirectory directory,
            GatewayService gateway,
            DataSource dataSource) {
        this.authenticator = authenticator;
        this.directory = directory;
        this.gateway = gateway;
        this.dataSource = dataSource;
    }

    @GET
    @Path("/health/live")
    public Response live() {
        return json(200, Map.of("live", true));
    }

    /** Ready when the application is up and PostgreSQL answers (blocking: a worker thread). */
    @GET
    @Path("/health/ready")
    public Response ready() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                return json(200, Map.of("ready", true));
            }
        } catch (Exception e) {
            // not ready
        }
        return json(503, Map.of("ready", false));
    }

    @GET
    @Path("/models/{model}")
    public Uni<Response> metadata(
            @PathParam("model") String model,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return metadata(model, null, authorization);
    }

    @GET
    @Path("/models/{model}/versions/{version}")
    public Uni<Response> versionMetadata(
            @PathParam("model") String model,
            @PathParam("version") String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return metadata(model, version, authorization);
    }

    @GET
    @Path("/models/{model}/ready")
    public Uni<Response> modelReady(
            @PathParam("model") String model,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return readiness(model, null, authorization);
    }

    @GET
    @Path("/models/{model}/versions/{version}/ready")
    public Uni<Response> versionReady(
            @PathParam("model") String model,
            @PathParam("version") String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return readiness(model, version, authorization);
    }

    @POST
    @Path("/models/{model}/infer")
    public Uni<Response> infer(
            @PathParam("model") String model,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            byte[] body) {
        return infer(model, null, authorization, body);
    }

    @POST
    @Path("/models/{model}/versions/{version}/infer")
    public Uni<Response> inferVersion(
            @PathParam("model") String model,
            @PathParam("version") String version,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            byte[] body) {
        return infer(model, version, authorization, body);
    }

    private Uni<Response> infer(String model, String version, String authorization, byte[] body) {
        return authenticator
                .authenticate(authorization)
                .onItem()
                .transformToUni(
                        caller -> {
                            caller.require(ApiKeyScope.INFERENCE_INVOKE);
                            Integer v = Versions.parse(version);
                            if (version != null && v == null) {
                                return Uni.createFrom()
                                        .item(
                                                GatewayAnswer.error(
                                                        404,
                                                        "model '"
                                                                + model
                                                                + "' has no version '"
                                                                + version
                                                                + "'",
                                                        Map.of()));
                            }
                            InferenceCaller c = new InferenceCaller(caller.tenant(), caller.key());
                            return gateway.infer(
                                    c,
                                    model,
                                    v,
                                    body == null ? Buffer.buffer() : Buffer.buffer(body));
                        })
                .onItem()
                .transform(OpenInferenceResource::response);
    }

    private Uni<Response> metadata(String model, String version, String authorization) {
        return lookup(model, version, authorization)
                .onItem()
                .transform(
                        found -> {
                            if (found.deployment().isEmpty()) {
                                return notFound(model, found.version());
                            }
                            List<Integer> versions =
                                    found.version() != null
                                            ? List.of(found.version())
                                            : directory.deployedVersions(
                                                    found.caller().tenant().tenantId(), model);
                            return json(200, ModelMetadata.of(found.deployment().get(), versions));
                        });
    }

    private Uni<Response> readiness(String model, String version, String authorization) {
        return lookup(model, version, authorization)
                .onItem()
                .transform(
                        found -> {
                            if (found.deployment().isEmpty()) {
                                return notFound(model, found.version());
                            }
                            ServedDeployment d = found.deployment().get();
                            if (d.status() != DeploymentStatus.READY) {
                                return response(
                                        GatewayAnswer.error(
                                                503,
                                                "model '" + model + "' is not ready",
                                                Map.of("Retry-After", "1")));
                            }
                            return json(200, Map.of("name", model, "ready", true));
                        });
    }

    private record Found(
            KeyCaller caller, Integer version, Optional<ServedDeployment> deployment) {}

    private Uni<Found> lookup(String model, String version, String authorization) {
        return authenticator
                .authenticate(authorization)
                .onItem()
                .transform(
                        caller -> {
                            caller.require(ApiKeyScope.MODELS_READ);
                            Integer v = Versions.parse(version);
                            boolean visible = caller.key().allows(model);
                            Optional<ServedDeployment> d =
                                    !visible || (version != null && v == null)
                                            ? Optional.empty()
                                            : directory.find(caller.tenant().tenantId(), model, v);
                            return new Found(caller, v, d);
                        });
    }

    private static Response notFound(String model, Integer version) {
        return response(
                GatewayAnswer.error(404, GatewayService.notFound(model, version), Map.of()));
    }

    static Response response(GatewayAnswer answer) {
        Response.ResponseBuilder builder =
                Response.status(answer.status())
                        .entity(answer.body())
                        .type(MediaType.APPLICATION_JSON_TYPE);
        answer.headers().forEach(builder::header);
        return builder.build();
    }

    private static Response json(int status, Object body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
