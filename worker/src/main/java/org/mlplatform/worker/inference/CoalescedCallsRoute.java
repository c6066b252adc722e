package org.mlplatform.worker.inference;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mlplatform.contract.inference.CallFrames;
import org.mlplatform.worker.registration.InferenceToken;

/**
 * {@code POST /v2/models/{deployment}/calls}: the gateway's coalesced calls ({@link CallFrames}).
 * Each call runs as it would alone; its answer is streamed back as soon as it is done, so calls
 * that land in different batches never wait for each other. The answers that finish together (a
 * batch's) leave in one write. A plain Vert.x route: it takes the same inference token as {@code
 * /infer}, checked here.
 */
@ApplicationScoped
public class CoalescedCallsRoute {

    /** 64 calls of the gateway's largest coalesced size, with room to spare. */
    private static final long MAX_BYTES = 16L * 1024 * 1024;

    private final InferenceCalls calls;
    private final InferenceToken token;

    public CoalescedCallsRoute(InferenceCalls calls, InferenceToken token) {
        this.calls = calls;
        this.token = token;
    }

    void register(@Observes Router router) {
        router.post("/v2/models/:id/calls").handler(this::calls);
    }

    private void calls(RoutingContext rc) {
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
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !length.matches("\\d{1,18}") || Long.parseLong(length) > MAX_BYTES) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            error(
                    rc.response(),
                    413,
                    "Coalesced calls need a Content-Length of at most " + MAX_BYTES);
            return;
        }
        rc.request().body().onSuccess(body -> answer(rc.response(), deployment, body, start));
        rc.request().resume(); // Quarkus hands routes the request paused
    }

    private void answer(HttpServerResponse response, UUID deployment, Buffer body, long start) {
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
        Outbox outbox = new Outbox(response, Vertx.currentContext(), requests.size());
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

    private static void error(HttpServerResponse response, int status, String message) {
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Buffer.buffer(InferResponseWriter.error(message)));
    }

    /**
     * Answers finish on serving threads; they are written on the connection's event loop, all that
     * finished since the last write in one.
     */
    private static final class Outbox {

        private final HttpServerResponse response;
        private final Context loop;
        private final Queue<byte[]> done = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private int remaining;

        Outbox(HttpServerResponse response, Context loop, int calls) {
            this.response = response;
            this.loop = loop;
            this.remaining = calls;
        }

        void add(int index, CallFrames.Answer answer) {
            done.add(CallFrames.answer(index, answer));
            if (scheduled.compareAndSet(false, true)) {
                loop.runOnContext(write -> drain());
            }
        }

        private void drain() {
            scheduled.set(false);
            Buffer out = Buffer.buffer();
            for (byte[] answer = done.poll(); answer != null; answer = done.poll()) {
                out.appendBytes(answer);
                remaining--;
            }
            if (out.length() == 0 || response.ended() || response.closed()) {
                return;
            }
            if (remaining == 0) {
                response.end(out);
            } else {
                response.write(out);
            }
        }
    }
}
