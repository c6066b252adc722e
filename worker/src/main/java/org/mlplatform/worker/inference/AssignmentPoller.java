package org.mlplatform.worker.inference;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.mlplatform.contract.concurrent.DaemonLoop;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.worker.WorkerRole;
import org.mlplatform.serving.ModelRegistry;
import org.mlplatform.serving.ServingConfig;
import org.mlplatform.worker.config.WorkerConfig;
import org.mlplatform.worker.inference.PlatformDeployments.Assignments;
import org.mlplatform.worker.registration.PlatformApiException;
import org.mlplatform.worker.registration.WorkerRegistration;

/**
 * Watches which deployments this worker should hold (only with the INFERENCE role, once registered)
 * and has the serving runtime hold them ({@link ModelRegistry#hold}): a long poll that platform-api
 * answers as soon as the list changes, so a deployment, a change of its batching or its removal
 * applies here at once, and at least every {@link #WAIT_SECONDS}. Unloads the models idle for too
 * long on the way. A 404 means platform-api forgot the worker, which registers again; after a
 * failure it waits {@code platform.serving.poll-interval}.
 */
@ApplicationScoped
public class AssignmentPoller {

    /** The long poll's wait: below the read timeout of the platform-api client (5 s). */
    static final int WAIT_SECONDS = 3;

    private static final Logger LOG = Logger.getLogger(AssignmentPoller.class);

    private final boolean enabled;
    private final Duration pause;
    private final WorkerRegistration registration;
    private final PlatformDeployments platform;
    private final ModelRegistry registry;
    private final DaemonLoop loop = new DaemonLoop("inference-assignments", this::lookAndWait);
    private List<DeploymentAssignment> held = List.of();
    private String heldTag;
    private String lastFailure;

    public AssignmentPoller(
            WorkerConfig config,
            ServingConfig serving,
            WorkerRegistration registration,
            PlatformDeployments platform,
            ModelRegistry registry) {
        this.enabled = config.roles().contains(WorkerRole.INFERENCE);
        this.pause = serving.pollInterval();
        this.registration = registration;
        this.platform = platform;
        this.registry = registry;
    }

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        loop.stop();
    }

    private void lookAndWait() {
        Duration wait;
        try {
            wait = look();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Holding the assigned deployments failed");
            wait = pause; // and keep watching
        }
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopping
            }
        }
    }

    /** One look at the assignments; returns how long to wait before the next. */
    private Duration look() {
        registry.unloadIdle();
        UUID workerId = registration.status().workerId();
        if (workerId == null) {
            return pause;
        }
        Optional<Assignments> answer;
        try {
            answer = platform.assigned(workerId, heldTag, WAIT_SECONDS);
        } catch (PlatformApiException e) {
            if (!e.getMessage().equals(lastFailure)) {
                LOG.warnf("Watching deployment assignments failed: %s", e.getMessage());
            }
            lastFailure = e.getMessage();
            return pause; // keep serving what is loaded
        }
        lastFailure = null;
        if (answer.isEmpty()) {
            heldTag = null;
            registration.forgotten(workerId);
            return pause;
        }
        if (!loop.running()) {
            return Duration.ZERO;
        }
        Assignments a = answer.get();
        // A 200 with the list already held comes from a platform-api that does not watch: poll.
        boolean news = a.changed() && !a.deployments().equals(held);
        if (a.changed()) {
            held = a.deployments();
            heldTag = a.tag();
        }
        registry.hold(held);
        return news || !a.changed() ? Duration.ZERO : pause;
    }
}
