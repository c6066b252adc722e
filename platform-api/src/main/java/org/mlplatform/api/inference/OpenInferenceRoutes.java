package org.mlplatform.api.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.mlplatform.api.apikey.ApiKeyAuthenticator;
import org.mlplatform.api.apikey.ApiKeyAuthenticator.KeyCaller;
import org.mlplatform.api.common.ApiException;
import org.mlplatform.api.common.Problems;
import org.mlplatform.api.deployment.DeploymentDirectory;
import org.mlplatform.api.deployment.ServedDeployment;
import org.mlplatform.contract.apikey.ApiKeyScope;
import org.mlplatform.contract.common.ProblemDetail;
import org.mlplatform.contract.concurrent.Futures;
import org.mlplatform.contract.deployment.DeploymentStatus;
import org.mlplatform.contract.http.BodyBudget;
import org.mlplatform.contract.http.BoundedBody;

/**
 * The Open Inference Protocol (KServe V2) for API keys, as plain Vert.x routes on the event loop:
 * this is the gateway's hot path, so it skips the REST layer's per-request machinery (CDI request
 * context, context propagation, entity providers) and hands the worker's answer through as the
 * buffer it arrived in. Protocol errors are {@code {"error": ...}}; a missing or bad key, a missing
 * scope, and limits are problem+json, as everywhere else.
 */
@ApplicationScoped
public class OpenInferenceRoutes {

    private static final Logger LOG = Logger.getLogger(OpenInferenceRoutes.class);
    private static final String JSON = "application/json";

    private final ApiKeyAuthenticator authenticator;
    private final DeploymentDirectory directory;
    private final GatewayService gateway;
    private final DataSource dataSource;
    private final Problems problems;
    private final ObjectMapper json;
    private final long maxRequestBytes;
    private final BodyBudget bodies;

    public OpenInferenceRoutes(
            ApiKeyAuthenticator authenticator,
            DeploymentDirectory directory,
            GatewayService gateway,
            DataSource dataSource,
            Problems problems,
            ObjectMapper json,
            InferenceConfig config) {
        this.authenticator = authenticator;
        this.directory = directory;
        this.gateway = gateway;
        this.dataSource = dataSource;
        this.problems = problems;
        this.json = json;
        this.maxRequestBytes = config.maxRequestSize().asLongValue();
        long buffer =
                config.requestBufferSize()
                        .map(MemorySize::asLongValue)
                        .orElse(Runtime.getRuntime().maxMemory() / 4);
        double share = config.tenantRequestBufferShare();
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException(
                    "platform.inference.tenant-request-buffer-share must be more than 0 and at"
                            + " most 1, not "
                            + share);
        }
        this.bodies = new BodyBudget(buffer, Math.max(1, (long) (buffer * share)));
        if (bodies.capacity() < maxRequestBytes) {
            LOG.warnf(
                    "platform.inference.request-buffer-size (%d bytes) is smaller than"
                            + " platform.inference.max-request-size (%d bytes): larger bodies"
                            + " are always refused with 503",
                    bodies.capacity(), maxRequestBytes);
        }
    }

    /** The bytes of request bodies held now (being read, or waiting for their answers). */
    long bufferedBodyBytes() {
        return bodies.held();
    }

    /** The bytes of one tenant's request bodies held now. */
    long bufferedBodyBytes(long tenantId) {
        return bodies.heldBy(tenantId);
    }

    /**
     * Before Quarkus's HTTP filters (their order is minus their priority, a few hundred): these
     * routes check the API key themselves, so the filters for the portal's and the REST API's
     * sessions (OIDC, the security and observability filters) would only add work to each call.
     */
    static final int BEFORE_FILTERS = -100_000;

    private static final String MODELS = "/v2/models/";

    /**
     * A body up to this long is read and dropped before an early answer, keeping the connection.
     */
    static final long DROPPED_BODY_BYTES = 64 * 1024;

    /**
     * The health paths, and one prefix route for {@code /v2/models/...} whose handler reads the
     * rest of the path itself: routes with path parameters are regular expressions, which Vert.x
     * tries one after another on every call (about 3% of a gateway call's CPU in a profile under
     * load, for the six paths of the protocol and their 405 fallbacks).
     */
    void register(@Observes Router router) {
        router.route("/v2/health/live")
                .order(BEFORE_FILTERS)
                .handler(rc -> only(rc, HttpMethod.GET, () -> json(rc, 200, Map.of("live", true))));
        router.route("/v2/health/ready")
                .order(BEFORE_FILTERS)
                .handler(rc -> only(rc, HttpMethod.GET, () -> ready(rc)));
        router.route(MODELS + "*").order(BEFORE_FILTERS).handler(this::model);
    }

    /**
     * {@code {model}[/versions/{version}]} followed by nothing (metadata), {@code /ready} or {@code
     * /infer}.
     */
    private void model(RoutingContext rc) {
        String[] path = rc.normalizedPath().substring(MODELS.length()).split("/", -1);
        String model = path[0];
        int actionAt = path.length >= 3 && path[1].equals("versions") ? 3 : 1;
        String version = actionAt == 3 ? path[2] : null;
        String action = path.length > actionAt ? path[actionAt] : "";
        boolean wellFormed = !model.isEmpty() && !"".equals(version) && path.length <= actionAt + 1;
        switch (wellFormed ? action : "?") {
            case "" -> only(rc, HttpMethod.GET, () -> metadata(rc, model, version));
            case "ready" -> only(rc, HttpMethod.GET, () -> readiness(rc, model, version));
            case "infer" -> only(rc, HttpMethod.POST, () -> infer(rc, model, version));
            default ->
                    send(
                            rc,
                            GatewayAnswer.error(
                                    404, "Nothing is at " + rc.normalizedPath(), Map.of()));
        }
    }

    /**
     * Runs the call for the path's method; another is 405 with {@code Allow}, in the protocol's
     * error form (it would otherwise reach the REST layer and read as not found).
     */
    private static void only(RoutingContext rc, HttpMethod method, Runnable call) {
        if (rc.request().method().equals(method)) {
            call.run();
        } else {
            send(
                    rc,
                    GatewayAnswer.error(
                            405,
                            rc.request().method() + " is not allowed here; use " + method.name(),
                            Map.of(HttpHeaders.ALLOW.toString(), method.name())));
        }
    }

    /** Ready when the application is up and PostgreSQL answers (checked off the event loop). */
    private void ready(RoutingContext rc) {
        rc.vertx()
                .executeBlocking(
                        () -> {
                            try (Connection connection = dataSource.getConnection()) {
                                return connection.isValid(2);
                            } catch (Exception e) {
                                return false;
                            }
                        },
                        false)
                .onComplete(
                        up -> {
                            boolean ready = up.succeeded() && up.result();
                            json(rc, ready ? 200 : 503, Map.of("ready", ready));
                        });
    }

    /**
     * The key, its scope and the version in the path are checked before the body is read, so a
     * caller without a usable key cannot make the gateway hold anything; the body then counts in
     * the gateway's {@link BodyBudget}, in the calling tenant's share, until the answer is sent.
     */
    private void infer(RoutingContext rc, String model, String version) {
        Context context = Vertx.currentContext();
        authenticator
                .authenticate(rc.request().getHeader(HttpHeaders.AUTHORIZATION))
                .whenComplete(
                        (caller, failure) ->
                                onContext(
                                        context,
                                        () -> {
                                            if (failure != null) {
                                                beforeBody(
                                                        rc, () -> fail(rc, Futures.cause(failure)));
                                                return;
                                            }
                                            inferAs(rc, caller, model, version);
                                        }));
    }

    private void inferAs(RoutingContext rc, KeyCaller caller, String model, String version) {
        try {
            caller.require(ApiKeyScope.INFERENCE_INVOKE);
        } catch (ApiException e) {
            beforeBody(rc, () -> fail(rc, e));
            return;
        }
        Integer v = Versions.parse(version);
        if (version != null && v == null) {
            beforeBody(rc, () -> send(rc, notFound(model, version)));
            return;
        }
        BoundedBody.read(
                rc.request(),
                maxRequestBytes,
                bodies.account(caller.tenant().tenantId()),
                (body, release) -> {
                    CompletionStage<GatewayAnswer> answer;
                    try {
                        answer =
                                gateway.infer(
                                        new InferenceCaller(caller.tenant(), caller.key()),
                                        model,
                                        v,
                                        body);
                    } catch (RuntimeException e) {
                        answer = CompletableFuture.failedFuture(e);
                    }
                    answer(rc, answer.whenComplete((a, f) -> release.run()));
                },
                new BoundedBody.Refusals() {
                    @Override
                    public void tooLarge() {
                        OpenInferenceRoutes.this.tooLarge(rc);
                    }

                    @Override
                    public void overBudget(BodyBudget.Shortage shortage) {
                        closeAfterAnswer(rc);
                        send(rc, bufferFull(shortage));
                    }
                });
    }

    /**
     * Answers a call whose body is still unread: a short body (as its length says) is read and
     * dropped first, so the connection stays usable; a longer or unknown one is left unread and the
     * connection closed after the answer.
     */
    private static void beforeBody(RoutingContext rc, Runnable answer) {
        if (!BoundedBody.drop(rc.request(), DROPPED_BODY_BYTES, answer)) {
            closeAfterAnswer(rc);
            answer.run();
        }
    }

    /**
     * Closes the connection once the answer is written: the rest of the body is never read, and the
     * connection could carry no further call.
     */
    private static void closeAfterAnswer(RoutingContext rc) {
        if (rc.request().version() == HttpVersion.HTTP_2) {
            return; // one stream of many: closing the connection would end the others too
        }
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        rc.response().endHandler(v -> rc.request().connection().close());
    }

    /** Runs the task on the request's context: at once when already there. */
    private static void onContext(Context context, Runnable task) {
        if (Vertx.currentContext() == context) {
            task.run();
        } else {
            context.runOnContext(v -> task.run());
        }
    }

    private void metadata(RoutingContext rc, String model, String version) {
        answer(
                rc,
                served(
                        rc,
                        model,
                        version,
                        (found, deployment) -> {
                            List<Integer> versions =
                                    found.version() != null
                                            ? List.of(found.version())
                                            : directory.deployedVersions(
                                                    found.caller().tenant().tenantId(), model);
                            return new GatewayAnswer(
                                    200, toJson(ModelMetadata.of(deployment, versions)), Map.of());
                        }));
    }

    private void readiness(RoutingContext rc, String model, String version) {
        answer(
                rc,
                served(
                        rc,
                        model,
                        version,
                        (found, deployment) ->
                                deployment.status() == DeploymentStatus.READY
                                        ? new GatewayAnswer(
                                                200,
                                                toJson(Map.of("name", model, "ready", true)),
                                                Map.of())
                                        : GatewayAnswer.error(
                                                503,
                                                "model '" + model + "' is not ready",
                                                Map.of("Retry-After", "1"))));
    }

    private record Found(KeyCaller caller, Integer version) {}

    /**
     * Answers for the caller's deployment of {@code model} (at {@code version}, or its default
     * version when null) with {@code answer}; 404 in the protocol's form when the key may not see
     * the model or nothing of it is deployed.
     */
    private CompletionStage<GatewayAnswer> served(
            RoutingContext rc,
            String model,
            String version,
            BiFunction<Found, ServedDeployment, GatewayAnswer> answer) {
        return authenticator
                .authenticate(rc.request().getHeader(HttpHeaders.AUTHORIZATION))
                .thenApply(
                        caller -> {
                            caller.require(ApiKeyScope.MODELS_READ);
                            Integer v = Versions.parse(version);
                            boolean visible = caller.key().allows(model);
                            Optional<ServedDeployment> deployment =
                                    !visible || (version != null && v == null)
                                            ? Optional.empty()
                                            : directory.find(caller.tenant().tenantId(), model, v);
                            return deployment
                                    .map(d -> answer.apply(new Found(caller, v), d))
                                    .orElseGet(() -> notFound(model, version));
                        });
    }

    private GatewayAnswer bufferFull(BodyBudget.Shortage shortage) {
        String held =
                shortage == BodyBudget.Shortage.OWNER_SHARE
                        ? "as many of this tenant's request bodies as one tenant may ("
                                + bodies.ownerCapacity()
                                + " bytes, platform.inference.tenant-request-buffer-share)"
                        : "as many request bodies as it may ("
                                + bodies.capacity()
                                + " bytes, platform.inference.request-buffer-size)";
        return GatewayAnswer.error(
                503,
                "the gateway holds " + held + "; try again when calls in flight are answered",
                Map.of("Retry-After", "1"));
    }

    private void tooLarge(RoutingContext rc) {
        closeAfterAnswer(rc);
        send(
                rc,
                GatewayAnswer.error(
                        413,
                        "the request body is larger than "
                                + maxRequestBytes
                                + " bytes (platform.inference.max-request-size)",
                        Map.of()));
    }

    /**
     * Sends the answer, or the failure as a problem document; a failure while sending is answered
     * too (a callback's exception would otherwise vanish into the stage and leave the call open).
     */
    private void answer(RoutingContext rc, CompletionStage<GatewayAnswer> answer) {
        answer.whenComplete(
                (a, failure) -> {
                    if (failure != null) {
                        fail(rc, Futures.cause(failure));
                        return;
                    }
                    try {
                        send(rc, a);
                    } catch (RuntimeException e) {
                        fail(rc, e);
                    }
                });
    }

    private static GatewayAnswer notFound(String model, String version) {
        Integer v = Versions.parse(version);
        String message =
                version != null && v == null
                        ? "model '" + model + "' has no version '" + version + "'"
                        : GatewayService.notFound(model, v);
        return GatewayAnswer.error(404, message, Map.of());
    }

    private static void send(RoutingContext rc, GatewayAnswer answer) {
        HttpServerResponse response = rc.response();
        if (response.ended()) {
            return;
        }
        response.setStatusCode(answer.status()).putHeader(HttpHeaders.CONTENT_TYPE, JSON);
        answer.headers().forEach(response::putHeader);
        response.end(answer.body());
    }

    private void fail(RoutingContext rc, Throwable failure) {
        HttpServerResponse response = rc.response();
        if (response.ended()) {
            return;
        }
        String path = rc.request().path();
        ProblemDetail problem;
        Map<String, String> headers = Map.of();
        if (failure instanceof ApiException e) {
            problem = problems.problem(e, path);
            headers = e.headers();
        } else {
            LOG.errorf(failure, "Unhandled failure on %s", path);
            problem =
                    problems.problem(
                            500,
                            "internal",
                            "Internal error",
                            "Something went wrong on our side; it has been logged.",
                            path,
                            List.of());
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE);
        headers.forEach(response::putHeader);
        response.end(toJson(problem));
    }

    private void json(RoutingContext rc, int status, Object body) {
        send(rc, new GatewayAnswer(status, toJson(body), Map.of()));
    }

    private Buffer toJson(Object value) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
