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
import org.mlplatform.api.deployment.ServedDeployment;
import org.mlplatform.api.inference.InferenceWorkers.LiveWorker;
import org.mlplatform.contract.inference.CallFrames;

/**
 * Sends calls to inference workers. The calls for one worker and deployment that reach an event
 * loop in the same turn (the requests it read from its ready connections) leave together, at the
 * end of that turn, as one {@link CallFrames} exchange: under load the gateway and the worker then
 * read and write once for many calls, and the worker's batcher receives them at once. A call alone
 * in its turn goes as a plain Open Inference Protocol request, without waiting for anything.
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

    WorkerCalls(Vertx vertx, HttpClientOptions options, PoolOptions pool, Duration timeout) {
        this.vertx = vertx;
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
        exchange(worker, deployment, "/infer", "application/json", call.body())
                .map(response -> answer(response.response(), response.body()))
                .onComplete(call.done());
    }

    private void coalesced(LiveWorker worker, ServedDeployment deployment, List<Call> calls) {
        List<byte[]> bodies = new ArrayList<>(calls.size());
        for (Call call : calls) {
            bodies.add(call.body().getBytes());
        }
        exchange(
                        worker,
                        deployment,
                        "/calls",
                        CallFrames.MEDIA_TYPE,
                        Buffer.buffer(CallFrames.requests(bodies)))
                .map(response -> answers(response, calls.size()))
                .onComplete(
                        result -> {
                            for (int i = 0; i < calls.size(); i++) {
                                calls.get(i)
                                        .done()
                                        .handle(
                                                result.succeeded()
                                                        ? Future.succeededFuture(
                                                                result.result().get(i))
                                                        : Future.failedFuture(result.cause()));
                            }
                        });
    }

    private record Exchange(HttpClientResponse response, Buffer body) {}

    private Future<Exchange> exchange(
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
        return client().request(options)
                .compose(request -> request.send(body))
                .compose(response -> response.body().map(bytes -> new Exchange(response, bytes)));
    }

    private static WorkerAnswer answer(HttpClientResponse response, Buffer body) {
        return new WorkerAnswer(
                response.statusCode(),
                body,
                HttpInferenceRouter.batchItems(response.getHeader(HttpInferenceRouter.BATCH_ITEMS)),
                response.getHeader(HttpHeaders.RETRY_AFTER));
    }

    /**
     * Each call's answer. A worker that refused the exchange as a whole (a bad token, say) gave
     * that one answer to every call.
     */
    private static List<WorkerAnswer> answers(Exchange exchange, int calls) {
        String type = exchange.response().getHeader(HttpHeaders.CONTENT_TYPE);
        if (exchange.response().statusCode() != 200
                || type == null
                || !type.startsWith(CallFrames.MEDIA_TYPE)) {
            WorkerAnswer whole = answer(exchange.response(), exchange.body());
            List<WorkerAnswer> answers = new ArrayList<>(calls);
            for (int i = 0; i < calls; i++) {
                answers.add(whole);
            }
            return answers;
        }
        List<CallFrames.Answer> framed = CallFrames.readAnswers(exchange.body().getBytes());
        if (framed.size() != calls) {
            throw new IllegalStateException(
                    "The inference worker answered " + framed.size() + " of " + calls + " calls");
        }
        List<WorkerAnswer> answers = new ArrayList<>(calls);
        for (CallFrames.Answer a : framed) {
            answers.add(
                    new WorkerAnswer(
                            a.status(),
                            Buffer.buffer(a.body()),
                            a.batchItems(),
                            a.status() == 503 ? "1" : null));
        }
        return answers;
    }
}
