package org.mlplatform.api.inference;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.mlplatform.api.worker.WorkerService;

/**
 * The live inference workers as the gateway sees them: reloaded from the database every {@code
 * platform.inference.workers-refresh}, minus the ones this replica marked down after a refused
 * connection (for {@code platform.inference.mark-down-for}). Reads never query the database.
 */
@ApplicationScoped
public class InferenceWorkers {

    private static final Logger LOG = Logger.getLogger(InferenceWorkers.class);

    /** What the router needs to call a worker; the token is a secret: never log it. */
    public record LiveWorker(UUID id, String url, String token) {
        @Override
        public String toString() {
            return "LiveWorker[" + id + ", " + url + "]";
        }
    }

    private final WorkerService workers;
    private final InferenceConfig config;
    private final Map<UUID, Long> downUntilNanos = new ConcurrentHashMap<>();
    private volatile List<LiveWorker> live = List.of();

    public InferenceWorkers(WorkerService workers, InferenceConfig config) {
        this.workers = workers;
        this.config = config;
    }

    /** The live workers that are not marked down. */
    public List<LiveWorker> available() {
        long now = System.nanoTime();
        downUntilNanos.values().removeIf(until -> until - now <= 0);
        List<LiveWorker> all = live;
        if (downUntilNanos.isEmpty()) {
            return all;
        }
        return all.stream().filter(w -> !downUntilNanos.containsKey(w.id())).toList();
    }

    /** Skips the worker on this replica for a while; it refused or dropped a connection. */
    public void markDown(UUID worker) {
        downUntilNanos.put(worker, System.nanoTime() + config.markDownFor().toNanos());
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(
            every = "${platform.inference.workers-refresh:1s}",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodicRefresh() {
        refresh();
    }

    /** Reloads the live workers; a failure keeps the previous list. */
    public void refresh() {
        try {
            live =
                    QuarkusTransaction.requiringNew()
                            .call(
                                    () ->
                                            workers.liveInferenceWorkers().stream()
                                                    .filter(w -> w.inferenceToken != null)
                                                    .map(
                                                            w ->
                                                                    new LiveWorker(
                                                                            w.id,
                                                                            stripSlash(w.url),
                                                                            w.inferenceToken))
                                                    .toList());
        } catch (RuntimeException e) {
            LOG.warnf("Inference workers not refreshed (%s); using the last list", e.toString());
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
