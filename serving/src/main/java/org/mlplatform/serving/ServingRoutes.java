package org.mlplatform.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.http.BoundedBody;
import org.mlplatform.contract.inference.CallFrames;
import org.mlplatform.contract.inference.ModelMetadataResponse;

/**
 * The runtime's Open Inference Protocol (KServe V2, JSON) routes, addressed by deployment id, and
 * {@code POST <prefix>/v2/models/{deployment}/calls}, the gateway's coalesced calls ({@link
 * CallFrames}); the application that embeds the runtime mounts them under a prefix of its choice.
 * Plain Vert.x routes on the event loop, ahead of Quarkus's HTTP filters: this is the hot path of
 * every inference call. Calls never block the event loop: a body is parsed with a streaming parser
 * into primitive arrays, queued on the model's pool, and answered when its batch has run. Every
 * call needs {@code Authorization: Bearer <inferenceToken>}: only the gateway, which got the token
 * with the runtime's registration, may call the models directly.
 */
@ApplicationScoped
public class ServingRoutes {

    /** Before Quarkus's HTTP filters, whose order is minus their priority (a few hundred). */
    public static final int BEFORE_FILTERS = -100_000;

    /** 64 calls of the gateway's largest coalesced size, with room to spare. */
    private static final long MAX_COALESCED_BYTES = 16L * 1024 * 1024;

    private static final String JSON = "application/json";

    private final InferenceCalls calls;
    private final ModelRegistry registry;
    private final InferenceToken token;
    private final ObjectMapper json;
    private final long maxRequestBytes;

    public ServingRoutes(
            InferenceCalls calls,
            ModelRegistry registry,
            InferenceToken token,
            ObjectMapper json,
            ServingConfig config) {
        this.calls = calls;
        this.registry = registry;
        this.token = token;
        this.json = json;
        this.maxRequestBytes = config.maxRequestSize().asLongValue();
    }

    /**
     * Mounts {@code <prefix>/v2/models/{id}} (metadata), {@code .../ready}, {@code .../infer} and
     * {@code .../calls}; {@code prefix} is empty or starts with a slash. One prefix route, ahead of
     * the application's other routes, whose handler reads the rest of the path itself: routes with
     * path parameters are regular expressions, which Vert.x tries one after another on every call
     * (in a profile of platform-api under load, about 4% of a direct call's CPU went to trying the
     * gateway's routes before these).
     */
    public void mount(Router router, String prefix) {
        String models = prefix + "/v2/models/";
        PathCall metadata = model(this::metadata);
        PathCall ready = model(this::modelReady);
        PathCall infer = model(body(maxRequestBytes, this::infer));
        PathCall coalesced = model(body(MAX_COALESCED_BYTES, this::coalesced));
        router.route(models + "*")
                .order(BEFORE_FILTERS - 1)
                .handler(
                        rc -> {
                            String rest = rc.normalizedPath().substring(models.length());
                            int slash = rest.indexOf('/');
                            String id = slash < 0 ? rest : rest.substring(0, slash);
                            switch (slash < 0 ? "" : rest.substring(slash + 1)) {
                                case "" -> only(rc, id, HttpMethod.GET, metadata);
                                case "ready" -> only(rc, id, HttpMethod.GET, ready);
                                case "infer" -> only(rc, id, HttpMethod.POST, infer);
                                case "calls" -> only(rc, id, HttpMethod.POST, coalesced);
                                default ->
                                        error(
                                                rc.response(),
                                                404,
                                                "Nothing is at " + rc.normalizedPath());
                            }
                        });
    }

    /** Runs the call for its method; any other is 405 with {@code Allow}. */
    private static void only(RoutingContext rc, String id, HttpMethod method, PathCall call) {
        if (rc.request().method().equals(method)) {
            call.handle(rc, id);
        } else {
            rc.response().putHeader(HttpHeaders.ALLOW, method.name());
            error(
                    rc.response(),
                    405,
                    rc.request().method() + " is not allowed here; use " + method.name());
        }
    }

    /** A call on the deployment id given in its path. */
    private interface PathCall {
        void handle(RoutingContext rc, String id);
    }

    /** A call on one deployment, after its token and id have been checked. */
    private interface ModelCall {
        void handle(RoutingContext rc, UUID deployment, long start);
    }

    /** A call with a body, read whole (at most the route's limit). */
    private interface BodyCall {
        void handle(RoutingContext rc, UUID deployment, Buffer body, long start);
    }

    private PathCall model(ModelCall call) {
        return (rc, id) -> {
            long start = System.nanoTime();
            String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
            if (!token.accepts(authorization)) {
                rc.response().putHeader("WWW-Authenticate", "Bearer");
                error(
                        rc.response(),
                        401,
                        authorization == null
                                ? "Authorization: Bearer <inference token> is required"
                                : "The inference token is not valid");
                return;
            }
            UUID deployment;
            try {
                deployment = UUID.fromString(id);
            } catch (IllegalArgumentException e) {
                error(rc.response(), 404, "No deployment " + id);
                return;
            }
            call.handle(rc, deployment, start);
        };
    }

    /**
     * Reads the body of a call whole ({@link BoundedBody}), refusing one larger than {@code limit}.
     */
    private static ModelCall body(long limit, BodyCall call) {
        return (rc, deployment, start) ->
                BoundedBody.read(
                        rc.request(),
                        limit,
                        body -> call.handle(rc, deployment, body, start),
                        () -> tooLarge(rc, limit));
    }

    private static void tooLarge(RoutingContext rc, long limit) {
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        error(rc.response(), 413, "The request body is larger than " + limit + " bytes");
    }

    private void infer(RoutingContext rc, UUID deployment, Buffer body, long start) {
        reply(rc, calls.call(deployment, body.getBytes(), start));
    }

    /**
     * Each coalesced call runs as it would alone; its answer is streamed back as soon as it is
     * done, so calls that land in different batches never wait for each other. The answers that
     * finish together (a batch's) leave in one write.
     */
    private void coalesced(RoutingContext rc, UUID deployment, Buffer body, long start) {
        HttpServerResponse response = rc.response();
        List<byte[]> requests;
        try {
            requests = CallFrames.readRequests(body.getBytes());
        } catch (IllegalArgumentException e) {
            error(response, 400, e.getMessage());
            return;
        }
        response.setChunked(true)
                .setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, CallFrames.MEDIA_TYPE);
        AnswerOutbox outbox = new AnswerOutbox(response, Vertx.currentContext(), requests.size());
        for (int i = 0; i < requests.size(); i++) {
            int index = i;
            calls.call(deployment, requests.get(i), start)
                    .whenComplete(
                            (answer, failure) ->
                                    outbox.add(
                                            index,
                                            answer != null
                                                    ? answer
                                                    : InferenceCalls.failed(failure)));
        }
    }

    private void metadata(RoutingContext rc, UUID deployment, long start) {
        reply(
                rc,
                registry.acquire(deployment)
                        .thenApply(
                                pool -> {
                                    DeploymentAssignment a = pool.assignment();
                                    return new CallFrames.Answer(
                                            200,
                                            0,
                                            toJson(
                                                    new ModelMetadataResponse(
                                                            a.model(),
                                                            List.of(Integer.toString(a.version())),
                                                            pool.model().platform(),
                                                            pool.model().inputs(),
                                                            pool.model().outputs())));
                                }));
    }

    /** Ready when the model is loaded; a model still loading is 503, not a wait. */
    private void modelReady(RoutingContext rc, UUID deployment, long start) {
        String id = deployment.toString();
        CompletableFuture<ModelPool> pool = registry.acquire(deployment);
        if (!pool.isDone()) {
            answer(rc.response(), new CallFrames.Answer(503, 0, readiness(id, false)));
            return;
        }
        reply(
                rc,
                pool.thenApply(
                        p -> {
                            boolean ready = p.state() == ModelState.READY;
                            return new CallFrames.Answer(
                                    ready ? 200 : 503, 0, readiness(id, ready));
                        }));
    }

    private static byte[] readiness(String id, boolean ready) {
        return ("{\"name\":\"" + id + "\",\"ready\":" + ready + "}").getBytes();
    }

    /**
     * Writes the answer on the request's event loop (it completes on a serving thread); a failure
     * is the protocol's error. An answer from a batch says how many requests the batch ran; a 503
     * (a full queue) says when to try again.
     */
    private static void reply(RoutingContext rc, CompletableFuture<CallFrames.Answer> answer) {
        Context loop = Vertx.currentContext();
        answer.whenComplete(
                (a, failure) -> {
                    CallFrames.Answer out = a != null ? a : InferenceCalls.failed(failure);
                    loop.runOnContext(write -> answer(rc.response(), out));
                });
    }

    private static void answer(HttpServerResponse response, CallFrames.Answer answer) {
        if (answer.status() == 200 && answer.batchItems() > 0) {
            response.putHeader(
                    CallFrames.BATCH_ITEMS_HEADER, Integer.toString(answer.batchItems()));
        } else if (answer.status() == 503) {
            response.putHeader(HttpHeaders.RETRY_AFTER, "1");
        }
        send(response, answer.status(), answer.body());
    }

    private byte[] toJson(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(HttpServerResponse response, int status, String message) {
        send(response, status, InferResponseWriter.error(message));
    }

    /** Ends the response with a JSON body, unless it has ended or its connection closed. */
    public static void send(HttpServerResponse response, int status, byte[] body) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(Buffer.buffer(body));
    }
}
