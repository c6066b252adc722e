package org.mlplatform.api.deployment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.mlplatform.api.common.ChangeNotifier;
import org.mlplatform.api.common.ChangeNotifier.Channel;
import org.mlplatform.api.common.PlatformConfig;
import org.mlplatform.api.inference.InferenceConfig;

/**
 * The {@link DeploymentDirectory} from an immutable in-memory snapshot of every deployment, swapped
 * whole on each refresh: lookups never touch the database. The snapshot is reloaded as soon as any
 * replica commits a change ({@link Channel#DEPLOYMENTS}), and periodically ({@code
 * platform.inference.directory-refresh}) for what no one announces: workers whose heartbeats
 * stopped.
 */
@ApplicationScoped
public class CachedDeploymentDirectory implements DeploymentDirectory {

    private static final Logger LOG = Logger.getLogger(CachedDeploymentDirectory.class);

    private final PlatformConfig config;
    private final InferenceConfig inference;
    private final ChangeNotifier notifier;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();
    // Our own timer: the Quarkus scheduler runs nothing more often than once a second.
    private final ScheduledExecutorService refresher =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "deployment-directory");
                        t.setDaemon(true);
                        return t;
                    });
    private volatile Map<ModelKey, ServedModel> snapshot = Map.of();

    public CachedDeploymentDirectory(
            PlatformConfig config, InferenceConfig inference, ChangeNotifier notifier) {
        this.config = config;
        this.inference = inference;
        this.notifier = notifier;
    }

    private record ModelKey(long tenantId, String model) {}

    /** A model's deployments by version, and its explicit default version (or null). */
    private record ServedModel(
            NavigableMap<Integer, ServedDeployment> versions, Integer defaultVersion) {}

    @Override
    public Optional<ServedDeployment> find(long tenantId, String model, Integer version) {
        ServedModel served = snapshot.get(new ModelKey(tenantId, model));
        if (served == null) {
            return Optional.empty();
        }
        if (version != null) {
            return Optional.ofNullable(served.versions().get(version));
        }
        if (served.defaultVersion() != null) {
            ServedDeployment preferred = served.versions().get(served.defaultVersion());
            if (preferred != null) {
                return Optional.of(preferred);
            }
        }
        return Optional.of(served.versions().lastEntry().getValue());
    }

    @Override
    public List<Integer> deployedVersions(long tenantId, String model) {
        ServedModel served = snapshot.get(new ModelKey(tenantId, model));
        return served == null ? List.of() : List.copyOf(served.versions().keySet());
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
        notifier.subscribe(Channel.DEPLOYMENTS, this::onChange);
        long period = inference.directoryRefresh().toMillis();
        refresher.scheduleWithFixedDelay(this::refresh, period, period, TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        refresher.shutdownNow();
    }

    /** After a change was announced: reload soon, on the refresher's thread. */
    private void onChange() {
        if (refreshQueued.compareAndSet(false, true)) {
            refresher.execute(
                    () -> {
                        refreshQueued.set(false);
                        refresh();
                    });
        }
    }

    /** Reloads the snapshot; a failure keeps the previous one. */
    synchronized void refresh() {
        try {
            snapshot = QuarkusTransaction.requiringNew().call(this::load);
        } catch (RuntimeException e) {
            LOG.warnf("Deployment directory not refreshed (%s); serving the last snapshot", e);
        }
    }

    private Map<ModelKey, ServedModel> load() {
        List<Deployment> deployments =
                Deployment.list(
                        "select d from Deployment d join fetch d.model join fetch d.modelVersion");
        Instant cutoff = Instant.now().minus(config.workers().offlineAfter());
        Map<UUID, List<DeploymentReplica>> replicas =
                DeploymentReplica.<DeploymentReplica>list(
                                "key.workerId in (select w.id from Worker w"
                                        + " where w.lastHeartbeatAt >= ?1) order by reportedAt",
                                cutoff)
                        .stream()
                        .collect(Collectors.groupingBy(r -> r.key.deploymentId));
        Map<ModelKey, NavigableMap<Integer, ServedDeployment>> versions = new HashMap<>();
        Map<ModelKey, Integer> defaults = new HashMap<>();
        for (Deployment d : deployments) {
            ModelKey key = new ModelKey(d.tenantId, d.model.name);
            var state = DeploymentStates.of(replicas.getOrDefault(d.id, List.of()));
            versions.computeIfAbsent(key, k -> new TreeMap<>())
                    .put(
                            d.version,
                            new ServedDeployment(
                                    d.id,
                                    d.tenantId,
                                    d.model.name,
                                    d.version,
                                    d.modelVersion.format,
                                    state.status(),
                                    d.modelVersion.signature,
                                    d.replicas));
            if (d.model.defaultVersion != null) {
                defaults.put(key, d.model.defaultVersion);
            }
        }
        Map<ModelKey, ServedModel> next = new HashMap<>();
        versions.forEach(
                (key, byVersion) ->
                        next.put(
                                key,
                                new ServedModel(
                                        java.util.Collections.unmodifiableNavigableMap(byVersion),
                                        defaults.get(key))));
        return Map.copyOf(next);
    }
}
