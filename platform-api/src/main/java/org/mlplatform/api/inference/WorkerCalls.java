package org.mlplatform.api.inference;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.mlplatform.api.deployment.ServedDeployment;
import org.mlplatform.api.inference.InferenceWorkers.LiveWorker;
import org.mlplatform.api.serving.LocalServing;
import org.mlplatform.contract.inference.CallFrames;

/**
 * Sends calls to inference workers. The calls for one worker and deployment that reach an event
 * loop in the same turn (the requests it read from its ready connections) leave together, at the
 * end of that turn, as one {@link CallFrames} exchange: under load the gateway and the worker then
 * read and write once for many calls, and the worker's batcher receives them at once. A call alone
 * in its turn goes as a plain Open Inference Protocol request, without waiting for anything. Calls
 * to this process's own models ({@link LocalServing}) skip HTTP altogether.
 */
final class WorkerCalls {

    /** Calls larger than this go alone, so that one exchange never holds much memory. */
    static final int MAX_COALESCED_BYTES = 64 * 1024;

    private record Call(Buffer body, Handler<AsyncResult<WorkerAnswer>> done) {}

    private record LaneKey(UUID worker, UUID deployment) {}

    /** The calls waiting for the end of this event loop's turn, per worker and deployment. */
    private final ThreadLocal<Map<LaneKey, List<Call>>> lanes =
            ThreadLocal.withInitial(HashMap::new);

    private final Vertx vertx;
    private final LocalServing local;
    private final HttpClientOptions options;
    private final PoolOptions pool;
    private final Duration timeout;

    /**
     * A client (and so a connection pool) per event loop: a connection answers on the event loop
     * that opened it, so a call that used another loop's connection would hand its request and its
     * answer across threads. Calls from other threads share one more client.
     */
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();

    private final HttpClient shared;

    WorkerCalls(
            Vertx vertx,
            LocalServing local,
            HttpClientOptions options,
            PoolOptions pool,
            Duration timeout) {
        this.vertx = vertx;
        this.local = local;
        this.options = options;
        this.pool = pool;
        this.timeout = timeout;
        this.shared = vertx.createHttpClient(options, pool);
    }

    void close() {
        clients.values().forEach(HttpClient::close);
        shared.close();
    }

    private HttpClient client() {
        return Context.isOnEventLoopThread()
                ? clients.computeIfAbsent(
                        Thread.currentThread(), loop -> vertx.createHttpClient(options, pool))
                : shared;
    }

    /** Sends {@code body}; {@code done} gets the worker's answer to it, or why there is none. */
    void send(
            LiveWorker worker,
            ServedDeployment deployment,
            Buffer body,
            Handler<AsyncResult<WorkerAnswer>> done) {
        if (local.isLocal(worker.id())) {
            local.call(
                    deployment.id(), body, result -> done.handle(result.map(WorkerCalls::answer)));
            return;
        }
        Context context = Vertx.currentContext();
        if (context == null
                || !Context.isOnEventLoopThread()
                || body.length() > MAX_COALESCED_BYTES) {
            single(worker, deployment, new Call(body, done));
            return;
        }
        Map<LaneKey, List<Call>> turn = lanes.get();
        LaneKey key = new LaneKey(worker.id(), deployment.id());
        List<Call> lane = turn.get(key);
        if (lane == null) {
            lane = new ArrayList<>();
            turn.put(key, lane);
            context.runOnContext(ended -> flush(worker, deployment, turn.remove(key)));
        }
        lane.add(new Call(body, done));
    }

    private void flush(LiveWorker worker, ServedDeployment deployment, List<Call> calls) {
        for (int from = 0; from < calls.size(); from += CallFrames.MAX_CALLS) {
            List<Call> some =
                    calls.subList(from, Math.min(calls.size(), from + CallFrames.MAX_CALLS));
            if (some.size() == 1) {
                single(worker, deployment, some.get(0));
            } else {
                coalesced(worker, deployment, some);
            }
        }
    }

    private void single(LiveWorker worker, ServedDeployment deployment, Call call) {
        request(worker, deployment, "/infer", "application/json", call.body())
                .compose(response -> response.body().map(body -> answer(response, body)))
                .onComplete(call.done());
    }

    /**
     * Sends {@code calls} as one exchange; each call is done when its answer arrives. Calls the
     * exchange ended without answering fail as the exchange did: a closed connection is retried on
     * the next worker, a timeout is a 504.
     */
    private void coalesced(LiveWorker worker, ServedDeployment deployment, List<Call> calls) {
        List<byte[]> bodies = new ArrayList<>(calls.size());
        for (Call call : calls) {
            bodies.add(call.body().getBytes());
        }
        boolean[] answered = new boolean[calls.size()];
        int[] unanswered = {calls.size()};
        Consumer<Throwable> failRest =
                failure -> {
                    for (int i = 0; i < calls.size(); i++) {
                        if (!answered[i]) {
                            answered[i] = true;
                            unanswered[0]--;
                            calls.get(i).done().handle(Future.failedFuture(failure));
                        }
                    }
                };
        request(
                        worker,
                        deployment,
                        "/calls",
                        CallFrames.MEDIA_TYPE,
                        Buffer.buffer(CallFrames.requests(bodies)))
                .onFailure(failRest::accept)
                .onSuccess(
                        response -> {
                            String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
                            if (response.statusCode() != 200
                                    || type == null
                                    || !type.startsWith(CallFrames.MEDIA_TYPE)) {
                                // Refused as a whole (a bad token, say): every call gets that
                                // answer.
                                response.body()
                                        .onFailure(failRest::accept)
                                        .onSuccess(
                                                body -> {
                                                    WorkerAnswer whole = answer(response, body);
                                                    for (Call call : calls) {
                                                        call.done()
                                                                .handle(
                                                                        Future.succeededFuture(
                                                                                whole));
                                                    }
                                                });
                                return;
                            }
                            CallFrames.AnswerReader reader =
                                    new CallFrames.AnswerReader(
                                            (index, a) -> {
                                                if (index < calls.size() && !answered[index]) {
                                                    answered[index] = true;
                                                    unanswered[0]--;
                                                    calls.get(index)
                                                            .done()
                                                            .handle(
                                                                    Future.succeededFuture(
                                                                            answer(a)));
                                                }
                                            });
                            response.handler(
                                    chunk -> {
                                        try {
                                            reader.feed(chunk.getBytes());
                                        } catch (IllegalArgumentException e) {
                                            failRest.accept(e);
                                        }
                                    });
                            response.exceptionHandler(failRest::accept);
                            response.endHandler(
                                    end -> {
                                        if (unanswered[0] > 0) {
                                            failRest.accept(
                                                    new IllegalStateException(
                                                            "The inference worker ended the"
                                                                    + " exchange without answering"
                                                                    + " every call"));
                                        }
                                    });
                        });
    }

    private static WorkerAnswer answer(CallFrames.Answer a) {
        return new WorkerAnswer(
                a.status(),
                Buffer.buffer(a.body()),
                a.batchItems(),
                a.status() == 503 ? "1" : null);
    }

    private Future<HttpClientResponse> request(
            LiveWorker worker,
            ServedDeployment deployment,
            String call,
            String contentType,
            Buffer body) {
        RequestOptions options =
                new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setAbsoluteURI(worker.url() + "/v2/models/" + deployment.id() + call)
                        .setIdleTimeout(timeout.toMillis())
                        .putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + worker.token())
                        .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                        .putHeader(HttpHeaders.ACCEPT, contentType);
        return client().request(options).compose(request -> request.send(body));
    }

    private static WorkerAnswer answer(HttpClientResponse response, Buffer body) {
        return new WorkerAnswer(
                response.statusCode(),
                body,
                HttpInferenceRouter.batchItems(response.getHeader(CallFrames.BATCH_ITEMS_HEADER)),
                response.getHeader(HttpHeaders.RETRY_AFTER));
    }
}
