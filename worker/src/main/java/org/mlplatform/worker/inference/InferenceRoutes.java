package org.mlplatform.worker.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.http.BoundedBody;
import org.mlplatform.contract.inference.CallFrames;
import org.mlplatform.contract.inference.ModelMetadataResponse;
import org.mlplatform.contract.worker.WorkerRole;
import org.mlplatform.worker.config.WorkerConfig;
import org.mlplatform.worker.registration.InferenceToken;
import org.mlplatform.worker.registration.WorkerRegistration;

/**
 * The Open Inference Protocol (KServe V2, JSON) on the worker, addressed by deployment id, and
 * {@code POST /v2/models/{deployment}/calls}, the gateway's coalesced calls ({@link CallFrames}).
 * Plain Vert.x routes on the event loop, ahead of Quarkus's HTTP filters: this is the hot path of
 * every inference call. Calls never block the event loop: a body is parsed with a streaming parser
 * into primitive arrays, queued on the model's pool, and answered when its batch has run. Every
 * {@code /v2/models} call needs {@code Authorization: Bearer <inferenceToken>}: only the gateway,
 * which got the token with this worker's registration, may call the models directly.
 */
@ApplicationScoped
public class InferenceRoutes {

    /** Before Quarkus's HTTP filters, whose order is minus their priority (a few hundred). */
    private static final int BEFORE_FILTERS = -100_000;

    /** 64 calls of the gateway's largest coalesced size, with room to spare. */
    private static final long MAX_COALESCED_BYTES = 16L * 1024 * 1024;

    private static final String JSON = "application/json";

    private final InferenceCalls calls;
    private final ModelRegistry registry;
    private final InferenceToken token;
    private final WorkerRegistration registration;
    private final ObjectMapper json;
    private final boolean serves;
    private final long maxRequestBytes;

    public InferenceRoutes(
            InferenceCalls calls,
            ModelRegistry registry,
            InferenceToken token,
            WorkerRegistration registration,
            ObjectMapper json,
            WorkerConfig config) {
        this.calls = calls;
        this.registry = registry;
        this.token = token;
        this.registration = registration;
        this.json = json;
        this.serves = config.roles().contains(WorkerRole.INFERENCE);
        this.maxRequestBytes = config.inference().maxRequestSize().asLongValue();
    }

    void register(@Observes Router router) {
        router.get("/v2/health/live")
                .order(BEFORE_FILTERS)
                .handler(rc -> send(rc.response(), 200, "{\"live\":true}".getBytes()));
        router.get("/v2/health/ready").order(BEFORE_FILTERS).handler(this::healthReady);
        router.get("/v2/models/:id").order(BEFORE_FILTERS).handler(model(this::metadata));
        router.get("/v2/models/:id/ready").order(BEFORE_FILTERS).handler(model(this::modelReady));
        router.post("/v2/models/:id/infer")
                .order(BEFORE_FILTERS)
                .handler(model(body(maxRequestBytes, this::infer)));
        router.post("/v2/models/:id/calls")
                .order(BEFORE_FILTERS)
                .handler(model(body(MAX_COALESCED_BYTES, this::coalesced)));
    }

    /** A call on one deployment, after its token and id have been checked. */
    private interface ModelCall {
        void handle(RoutingContext rc, UUID deployment, long start);
    }

    /** A call with a body, read whole (at most the route's limit). */
    private interface BodyCall {
        void handle(RoutingContext rc, UUID deployment, Buffer body, long start);
    }

    private Handler<RoutingContext> model(ModelCall call) {
        return rc -> {
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
                deployment = UUID.fromString(rc.pathParam("id"));
            } catch (IllegalArgumentException e) {
                error(rc.response(), 404, "No deployment " + rc.pathParam("id"));
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

    private void healthReady(RoutingContext rc) {
        boolean ready = serves && registration.status().registered();
        send(rc.response(), ready ? 200 : 503, ("{\"ready\":" + ready + "}").getBytes());
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

    private static void send(HttpServerResponse response, int status, byte[] body) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(Buffer.buffer(body));
    }
}
