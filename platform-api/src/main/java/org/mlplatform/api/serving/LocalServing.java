package org.mlplatform.api.serving;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mlplatform.api.common.ChangeNotifier;
import org.mlplatform.api.common.ChangeNotifier.Channel;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.deployment.DeploymentAssignments;
import org.mlplatform.contract.concurrent.DaemonLoop;
import org.mlplatform.contract.inference.CallFrames;
import org.mlplatform.serving.InferenceCalls;
import org.mlplatform.serving.ModelRegistry;
import org.mlplatform.serving.ServingConfig;
import org.mlplatform.serving.ServingRoutes;

/**
 * The models platform-api serves in-process ({@link LocalWorker}): holds the deployments assigned
 * to it, answers the gateway's calls to them without an HTTP hop, and mounts the runtime's routes
 * under {@code /internal/serving} for other platform-api replicas, which reach it like any worker.
 */
@ApplicationScoped
public class LocalServing {

    /** Where the runtime's routes are mounted; the local worker's advertised URL ends with it. */
    public static final String ROUTE_PREFIX = "/internal/serving";

    private static final Logger LOG = Logger.getLogger(LocalServing.class);

    private final LocalWorker worker;
    private final DeploymentAssignments assignments;
    private final ModelRegistry registry;
    private final InferenceCalls calls;
    private final ServingRoutes routes;
    private final ChangeNotifier notifier;
    private final Duration pollInterval;
    private final DaemonLoop assignmentsLoop =
            new DaemonLoop("local-assignments", this::holdUntilChanged);
    private String lastFailure;

    public LocalServing(
            LocalWorker worker,
            DeploymentAssignments assignments,
            ModelRegistry registry,
            InferenceCalls calls,
            ServingRoutes routes,
            ChangeNotifier notifier,
            ServingConfig serving) {
        this.worker = worker;
        this.assignments = assignments;
        this.registry = registry;
        this.calls = calls;
        this.routes = routes;
        this.notifier = notifier;
        this.pollInterval = serving.pollInterval();
    }

    void mount(@Observes Router router) {
        if (worker.enabled()) {
            routes.mount(router, ROUTE_PREFIX);
        }
    }

    /** Whether {@code workerId} is this process, whose models are called in-process. */
    public boolean isLocal(UUID workerId) {
        Optional<UUID> id = worker.id();
        return id.isPresent() && id.get().equals(workerId);
    }

    /**
     * Runs one call on a model of this process; {@code done} gets the answer on the calling event
     * loop (or on the serving thread when called from elsewhere).
     */
    public void call(UUID deployment, Buffer body, Handler<AsyncResult<CallFrames.Answer>> done) {
        Context context = Vertx.currentContext();
        Thread caller = Thread.currentThread();
        calls.call(deployment, body.getBytes(), System.nanoTime())
                .whenComplete(
                        (a, failure) -> {
                            AsyncResult<CallFrames.Answer> result =
                                    Future.succeededFuture(
                                            a != null ? a : InferenceCalls.failed(failure));
                            if (context == null || Thread.currentThread() == caller) {
                                done.handle(result);
                            } else {
                                context.runOnContext(back -> done.handle(result));
                            }
                        });
    }

    void start(@Observes StartupEvent event) {
        if (!worker.enabled()) {
            return;
        }
        assignmentsLoop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        assignmentsLoop.stop();
    }

    /**
     * Holds the assignments again as soon as any replica announces a change to deployments, and at
     * least every {@code platform.serving.poll-interval} (a worker's heartbeats stopping changes
     * them unannounced).
     */
    private void holdUntilChanged() {
        long seen = notifier.generation(Channel.DEPLOYMENTS);
        hold();
        try {
            notifier.awaitChange(Channel.DEPLOYMENTS, seen, pollInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping
        }
    }

    /** Holds the deployments assigned to this process; unloads the ones idle for too long. */
    private void hold() {
        try {
            registry.unloadIdle();
            Optional<UUID> id = worker.id();
            if (id.isEmpty()) {
                return;
            }
            registry.hold(assignments.assigned(id.get()));
            lastFailure = null;
        } catch (NotFoundException e) {
            worker.forgotten();
        } catch (RuntimeException e) {
            if (!e.toString().equals(lastFailure)) {
                LOG.warnf("Loading the local worker's assignments failed: %s", e.toString());
            }
            lastFailure = e.toString();
        }
    }
}
