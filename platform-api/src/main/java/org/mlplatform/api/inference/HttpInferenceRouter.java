package org.mlplatform.api.inference;

import io.netty.channel.ConnectTimeoutException;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.mlplatform.api.deployment.Rendezvous;
import org.mlplatform.api.deployment.ServedDeployment;
import org.mlplatform.api.inference.InferenceWorkers.LiveWorker;
import org.mlplatform.api.serving.LocalServing;

/**
 * The {@link InferenceRouter} over Vert.x's non-blocking HTTP client: {@link WorkerCalls} sends the
 * calls over keep-alive connections, coalescing those that arrive together (or in-process, to the
 * models of this process when it serves some). Among the deployment's top {@code replicas} workers
 * (by {@link Rendezvous}) it picks the one with the fewest calls in flight from this replica,
 * rotating the start so ties spread. A connection that is refused, times out while connecting, or
 * is closed before the answer marks the worker down and the call goes once more to the best
 * remaining worker, which loads the deployment lazily. A worker that accepted the call but did not
 * answer within {@code request-timeout} is not retried (it may still be computing): the answer is a
 * 504 in the protocol's error form.
 */
@ApplicationScoped
public class HttpInferenceRouter implements InferenceRouter {

    private static final Logger LOG = Logger.getLogger(HttpInferenceRouter.class);

    private final InferenceWorkers workers;
    private final InferenceConfig config;
    private final WorkerCalls calls;
    private final Map<UUID, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger rotation = new AtomicInteger();

    public HttpInferenceRouter(
            Vertx vertx, InferenceWorkers workers, LocalServing local, InferenceConfig config) {
        this.workers = workers;
        this.config = config;
        this.calls =
                new WorkerCalls(
                        vertx,
                        local,
                        new HttpClientOptions()
                                .setKeepAlive(true)
                                .setConnectTimeout((int) config.connectTimeout().toMillis())
                                .setName("inference-router"),
                        new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerWorker()),
                        config.requestTimeout());
    }

    void stop(@Observes ShutdownEvent event) {
        calls.close();
    }

    @Override
    public CompletionStage<WorkerAnswer> infer(ServedDeployment deployment, Buffer body) {
        CompletableFuture<WorkerAnswer> answer = new CompletableFuture<>();
        attempt(deployment, body, null, answer);
        return answer;
    }

    /**
     * One try, completing {@code answer}; {@code failed} is the worker the first try could not
     * reach, null on the first.
     */
    private void attempt(
            ServedDeployment deployment,
            Buffer body,
            UUID failed,
            CompletableFuture<WorkerAnswer> answer) {
        List<LiveWorker> ranked =
                Rendezvous.rank(deployment.id(), workers.available(), LiveWorker::id);
        if (failed != null) {
            ranked = ranked.stream().filter(w -> !w.id().equals(failed)).toList();
        }
        if (ranked.isEmpty()) {
            answer.completeExceptionally(
                    new NoWorkerException(
                            failed == null
                                    ? "No inference worker is live."
                                    : "No inference worker could be reached."));
            return;
        }
        LiveWorker worker = pick(ranked, deployment.replicas());
        AtomicInteger busy = counter(worker.id());
        busy.incrementAndGet();
        try {
            calls.send(
                    worker,
                    deployment,
                    body,
                    result -> {
                        busy.decrementAndGet();
                        if (result.succeeded()) {
                            answer.complete(result.result());
                        } else {
                            failed(deployment, body, failed, worker, result.cause(), answer);
                        }
                    });
        } catch (RuntimeException e) {
            busy.decrementAndGet();
            answer.completeExceptionally(e);
        }
    }

    /**
     * A worker that did not answer in time is not retried (it may still be computing); one that
     * could not be reached is marked down and the call goes once more to the next.
     */
    private void failed(
            ServedDeployment deployment,
            Buffer body,
            UUID failedBefore,
            LiveWorker worker,
            Throwable e,
            CompletableFuture<WorkerAnswer> answer) {
        if (isTimeout(e)) {
            answer.complete(timedOut());
        } else if (!isConnectionFailure(e)) {
            answer.completeExceptionally(e);
        } else {
            LOG.warnf("Inference worker %s unreachable (%s); marked down", worker, e.toString());
            workers.markDown(worker.id());
            if (failedBefore != null) {
                answer.completeExceptionally(
                        new NoWorkerException("No inference worker could be reached."));
            } else {
                attempt(deployment, body, worker.id(), answer);
            }
        }
    }

    /** The least busy of the top {@code replicas}, scanning from a rotating start. */
    private LiveWorker pick(List<LiveWorker> ranked, int replicas) {
        int n = Math.max(1, Math.min(replicas, ranked.size()));
        int start = Math.floorMod(rotation.getAndIncrement(), n);
        LiveWorker best = null;
        int least = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            LiveWorker w = ranked.get((start + i) % n);
            int busy = counter(w.id()).get();
            if (busy < least) {
                best = w;
                least = busy;
            }
        }
        return best;
    }

    private AtomicInteger counter(UUID worker) {
        return inFlight.computeIfAbsent(worker, id -> new AtomicInteger());
    }

    private WorkerAnswer timedOut() {
        String error =
                "{\"error\":\"The inference worker did not answer within "
                        + config.requestTimeout().toSeconds()
                        + " s.\"}";
        return new WorkerAnswer(504, Buffer.buffer(error), 0, null);
    }

    static int batchItems(String header) {
        if (header == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(header.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Refused, reset, or closed before an answer: the worker is unreachable, not slow. */
    static boolean isConnectionFailure(Throwable e) {
        return !isTimeout(e)
                && (e instanceof IOException
                        || e instanceof ConnectTimeoutException
                        || e instanceof HttpClosedException);
    }

    private static boolean isTimeout(Throwable e) {
        return e instanceof TimeoutException;
    }
}
