package org.mlplatform.serving;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.deployment.DeploymentStatus;
import org.mlplatform.contract.deployment.ReplicaReport;
import org.mlplatform.serving.artifact.Directories;

/**
 * The deployments this runtime holds (DJL Serving's model manager): loads assigned ones in the
 * background and reports PENDING, READY or FAILED to the {@link DeploymentSource}; loads one lazily
 * on its first request (all concurrent requests share one loading future); unloads the least
 * recently used when a new one does not fit the memory budget, and those idle for {@code
 * idle-unload}.
 */
@ApplicationScoped
public class ModelRegistry {

    private static final Logger LOG = Logger.getLogger(ModelRegistry.class);

    private final ConcurrentHashMap<UUID, DeploymentSlot> slots = new ConcurrentHashMap<>();
    private final ServingConfig config;
    private final ModelLoader loader;
    private final DeploymentSource platform;
    private final InferenceMetrics metrics;
    private final Path modelsDir;
    private final ExecutorService loaders = Executors.newFixedThreadPool(2, daemon("model-loader"));
    private final ExecutorService unloaders = Executors.newCachedThreadPool(daemon("model-unload"));
    private volatile ModelBudget budget;
    private Set<UUID> assigned = Set.of();

    ModelRegistry(
            ServingConfig config,
            ModelLoader loader,
            DeploymentSource platform,
            InferenceMetrics metrics) {
        this.config = config;
        this.loader = loader;
        this.platform = platform;
        this.metrics = metrics;
        this.modelsDir = Path.of(config.workDir(), "deployments");
        this.budget =
                new ModelBudget(config.memoryBudget().asLongValue(), config.footprintFactor());
    }

    /**
     * Holds exactly the deployments the platform assigned to this runtime (its latest answer): new
     * ones are loaded and warmed up in the background, ones gone from the list are drained and
     * unloaded, and loaded ones whose batching changed (or that were loaded on a first request and
     * are now assigned) take the latest settings without reloading. A deployment loaded on a first
     * request and not assigned here (a failover's) is looked up: it takes its latest settings too,
     * and is unloaded once it no longer exists.
     */
    public synchronized void hold(List<DeploymentAssignment> assignments) {
        Set<UUID> current = new HashSet<>();
        for (DeploymentAssignment assignment : assignments) {
            current.add(assignment.id());
            if (!assigned.contains(assignment.id())) {
                LOG.infof(
                        "Assigned deployment %s (%s/%s v%d)",
                        assignment.id(),
                        assignment.tenant(),
                        assignment.model(),
                        assignment.version());
                assign(assignment);
            }
            reconfigure(assignment);
        }
        for (UUID gone : assigned) {
            if (!current.contains(gone)) {
                unassign(gone);
            }
        }
        assigned = Set.copyOf(current);
        for (DeploymentSlot slot : slots.values()) {
            if (!current.contains(slot.id) && slot.evictable()) {
                refreshUnassigned(slot);
            }
        }
    }

    /** Keeps a deployment held only for its callers in step with the platform. */
    private void refreshUnassigned(DeploymentSlot slot) {
        Optional<DeploymentAssignment> latest;
        try {
            latest = platform.get(slot.id);
        } catch (DeploymentSource.UnavailableException e) {
            return; // asked again on the next poll
        }
        if (latest.isPresent()) {
            reconfigure(latest.get());
        } else if (slots.remove(slot.id, slot)) {
            LOG.infof("Deployment %s no longer exists; unloading", slot.id);
            unload(slot);
        }
    }

    private void reconfigure(DeploymentAssignment changed) {
        DeploymentSlot slot = slots.get(changed.id());
        if (slot == null || changed.equals(slot.assignment)) {
            return;
        }
        LOG.infof(
                "Deployment %s changed: batches of up to %d rows, waiting up to %d ms",
                changed.id(), changed.maxBatchSize(), changed.maxBatchDelayMs());
        slot.assignment = changed;
        // A pool still loading was made from the assignment before; it takes the latest once done.
        slot.pool.thenAccept(pool -> pool.reconfigure(slot.assignment));
    }

    /** What a loaded deployment runs with here; empty while loading or when not held. */
    public Optional<DeploymentAssignment> assignment(UUID id) {
        DeploymentSlot slot = slots.get(id);
        if (slot == null || !slot.pool.isDone() || slot.pool.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of(slot.pool.join().assignment());
    }

    /** The deployments of the last {@link #hold} call. */
    public synchronized Set<UUID> assigned() {
        return assigned;
    }

    /** Starts loading an assigned deployment unless it is loaded or loading already. */
    public void assign(DeploymentAssignment assignment) {
        DeploymentSlot slot = new DeploymentSlot(assignment.id(), assignment, modelsDir);
        if (slots.putIfAbsent(assignment.id(), slot) == null) {
            loaders.execute(() -> load(slot));
        }
    }

    /**
     * Unloads a deployment that is no longer assigned: drains it, deletes its files and withdraws
     * this runtime's report, so the deployment's status counts only the runtimes that serve it.
     */
    public void unassign(UUID id) {
        DeploymentSlot slot = slots.remove(id);
        if (slot != null) {
            LOG.infof("Deployment %s is no longer assigned; unloading", id);
            unload(slot);
            unloaders.execute(() -> platform.withdraw(id));
        }
    }

    /** The deployment's pool, loading it (lazily, after a failover) when it is not loaded. */
    CompletableFuture<ModelPool> acquire(UUID id) {
        DeploymentSlot slot = slots.get(id);
        if (slot == null) {
            DeploymentSlot fresh = new DeploymentSlot(id, null, modelsDir);
            slot = slots.putIfAbsent(id, fresh);
            if (slot == null) {
                slot = fresh;
                loaders.execute(() -> lazyLoad(fresh));
            }
        }
        return slot.pool;
    }

    /** The state of a deployment here; empty when it holds nothing of it. */
    public Optional<ModelState> state(UUID id) {
        DeploymentSlot slot = slots.get(id);
        return slot == null ? Optional.empty() : Optional.of(slot.state());
    }

    /** Requests waiting in the deployment's queue; 0 when it is not loaded. */
    public int queued(UUID id) {
        DeploymentSlot slot = slots.get(id);
        return slot != null && slot.evictable() ? slot.pool.join().queued() : 0;
    }

    /** Deployments loaded or loading. */
    public List<UUID> held() {
        return List.copyOf(slots.keySet());
    }

    /** Unloads the models not called for {@code platform.serving.idle-unload}. */
    public void unloadIdle() {
        unloadIdleFor(config.idleUnload());
    }

    /** Unloads the models not called for {@code idle}; returns how many. */
    public int unloadIdleFor(Duration idle) {
        long now = System.nanoTime();
        int unloaded = 0;
        for (DeploymentSlot slot : slots.values()) {
            if (slot.evictable()
                    && now - slot.lastUsedNanos() >= idle.toNanos()
                    && slots.remove(slot.id, slot)) {
                LOG.infof("Unloading deployment %s: idle for %s", slot.id, idle);
                unload(slot);
                unloaded++;
            }
        }
        return unloaded;
    }

    /**
     * Serves an already loaded model under the assignment's id with its own queue size (tests serve
     * models whose forward passes they control).
     */
    public void serve(
            DeploymentAssignment assignment, ServableModel model, int queueSize, int threads) {
        DeploymentSlot slot = new DeploymentSlot(assignment.id(), assignment, modelsDir);
        slot.pool.complete(
                new ModelPool(
                        assignment,
                        model,
                        metrics.forDeployment(
                                assignment.id(), assignment.tenant(), assignment.model()),
                        queueSize,
                        threads));
        DeploymentSlot previous = slots.put(assignment.id(), slot);
        if (previous != null) {
            unload(previous);
        }
    }

    /** Replaces the memory budget (tests use a tiny one). */
    public void useBudget(ModelBudget newBudget) {
        this.budget = newBudget;
    }

    void stop(@Observes(notifyObserver = Reception.IF_EXISTS) ShutdownEvent event) {
        slots.values().forEach(this::unload);
        slots.clear();
        loaders.shutdownNow();
        unloaders.shutdown();
    }

    private void lazyLoad(DeploymentSlot slot) {
        Optional<DeploymentAssignment> assignment;
        try {
            assignment = platform.get(slot.id);
        } catch (DeploymentSource.UnavailableException e) {
            slots.remove(slot.id, slot);
            slot.pool.completeExceptionally(
                    InferenceException.unavailable("platform-api cannot be reached to load it"));
            return;
        }
        if (assignment.isEmpty()) {
            slots.remove(slot.id, slot);
            slot.pool.completeExceptionally(
                    InferenceException.notFound("No deployment " + slot.id));
            return;
        }
        LOG.infof("Loading deployment %s on its first request", slot.id);
        slot.assignment = assignment.get();
        load(slot);
    }

    private void load(DeploymentSlot slot) {
        DeploymentAssignment a = slot.assignment;
        report(a.id(), new ReplicaReport(DeploymentStatus.PENDING, null, null));
        ModelBudget current = budget;
        slot.footprint = current.footprint(a.artifact().sizeBytes());
        if (slot.footprint > current.budgetBytes()) {
            fail(
                    slot,
                    ("The model needs about %d MB, more than the inference memory budget of"
                                    + " %d MB (platform.serving.memory-budget)")
                            .formatted(slot.footprint >> 20, current.budgetBytes() >> 20));
            return;
        }
        makeRoom(slot, current);
        long start = System.nanoTime();
        try {
            ServableModel model = loader.load(a, slot.dir);
            ModelPool pool =
                    new ModelPool(
                            a,
                            model,
                            metrics.forDeployment(a.id(), a.tenant(), a.model()),
                            config.queueSize(),
                            config.threadsPerModel());
            long loadMillis = (System.nanoTime() - start) / 1_000_000;
            slot.pool.complete(pool);
            if (slot.removed.get()) {
                return; // unassigned while loading: unload() drains the pool now it exists
            }
            LOG.infof(
                    "Deployment %s (%s v%d) ready in %d ms",
                    a.id(), a.model(), a.version(), loadMillis);
            report(a.id(), new ReplicaReport(DeploymentStatus.READY, null, loadMillis));
        } catch (ModelLoader.LoadException e) {
            fail(slot, e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            LOG.errorf(e, "Loading deployment %s failed", a.id());
            fail(slot, "The model could not be loaded: " + e.getMessage());
        }
    }

    private void fail(DeploymentSlot slot, String reason) {
        slot.failed = true;
        slots.remove(slot.id, slot);
        Directories.deleteRecursively(slot.dir);
        LOG.warnf("Deployment %s failed to load: %s", slot.id, reason);
        slot.pool.completeExceptionally(
                new InferenceException(500, "The model could not be loaded: " + reason));
        report(slot.id, new ReplicaReport(DeploymentStatus.FAILED, reason, null));
    }

    private synchronized void makeRoom(DeploymentSlot slot, ModelBudget current) {
        List<DeploymentSlot> others = slots.values().stream().filter(s -> s != slot).toList();
        for (DeploymentSlot victim : current.evictionsFor(slot.footprint, others)) {
            if (slots.remove(victim.id, victim)) {
                LOG.infof(
                        "Unloading deployment %s (least recently used) to make room for %s",
                        victim.id, slot.id);
                unload(victim);
            }
        }
    }

    private void unload(DeploymentSlot slot) {
        if (!slot.removed.compareAndSet(false, true)) {
            return;
        }
        slot.pool.whenComplete(
                (pool, error) -> {
                    if (pool != null) {
                        unloaders.execute(
                                () -> {
                                    pool.drainAndClose(config.drainTimeout());
                                    if (Files.exists(slot.dir)) {
                                        Directories.deleteRecursively(slot.dir);
                                    }
                                });
                    }
                });
    }

    private void report(UUID id, ReplicaReport report) {
        platform.report(id, report);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
