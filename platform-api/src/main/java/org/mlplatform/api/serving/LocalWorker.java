package org.mlplatform.api.serving;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.inference.InferenceConfig;
import org.mlplatform.api.worker.WorkerService;
import org.mlplatform.contract.worker.RegisterWorkerRequest;
import org.mlplatform.contract.worker.WorkerRole;
import org.mlplatform.serving.InferenceToken;
import org.mlplatform.serving.engine.DjlEngine;
import org.mlplatform.serving.engine.EngineInfo;

/**
 * platform-api as an inference worker ({@code platform.inference.local.enabled}): loads the DJL
 * engines at start, registers in the workers table with the INFERENCE role like any worker, and
 * keeps its heartbeat; so the deployments, the gateway's routing and the admin's worker list treat
 * it as one more worker. Does nothing when disabled.
 */
@ApplicationScoped
public class LocalWorker {

    private static final Logger LOG = Logger.getLogger(LocalWorker.class);

    private final InferenceConfig.Local config;
    private final WorkerService workers;
    private final DjlEngine engine;
    private final InferenceToken token;
    private final String version;
    private final int httpPort;
    private volatile UUID id;

    public LocalWorker(
            InferenceConfig config,
            WorkerService workers,
            DjlEngine engine,
            InferenceToken token,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
                    String version,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort) {
        this.config = config.local();
        this.workers = workers;
        this.engine = engine;
        this.token = token;
        this.version = version;
        this.httpPort = httpPort;
    }

    /** Whether this process serves models. */
    public boolean enabled() {
        return config.enabled();
    }

    /** Its id among the workers; empty when disabled or not registered (yet). */
    public Optional<UUID> id() {
        return Optional.ofNullable(id);
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled()) {
            register();
        }
    }

    @Scheduled(
            identity = "local-worker-heartbeat",
            every = "${platform.inference.local.heartbeat-interval:10s}",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void heartbeat() {
        UUID current = id;
        if (!enabled()) {
            return;
        }
        if (current == null) {
            register();
            return;
        }
        try {
            workers.heartbeat(current);
        } catch (NotFoundException e) {
            LOG.infof("The local worker %s was forgotten; registering again", current);
            forgotten();
        } catch (RuntimeException e) {
            LOG.warnf("Heartbeat of the local worker failed: %s", e.toString());
        }
    }

    /** Registers again (another caller found the id unknown). */
    synchronized void forgotten() {
        id = null;
        register();
    }

    /**
     * Signs off at shutdown, so the gateways stop routing here at once instead of after {@code
     * platform.workers.offline-after}.
     */
    void onStop(@Observes ShutdownEvent event) {
        UUID current = id;
        if (current != null) {
            try {
                workers.signOff(current);
            } catch (RuntimeException e) {
                LOG.debugf("The local worker did not sign off: %s", e);
            }
        }
    }

    private synchronized void register() {
        if (id != null) {
            return;
        }
        EngineInfo info = engine.info(); // loads the engines: fails loudly, not at a first call
        Runtime runtime = Runtime.getRuntime();
        try {
            id =
                    workers.register(
                                    new RegisterWorkerRequest(
                                            name(),
                                            config.advertisedUrl(),
                                            version,
                                            info.name(),
                                            info.version(),
                                            Map.of(
                                                    "device", info.device(),
                                                    "cores",
                                                            Integer.toString(
                                                                    runtime.availableProcessors()),
                                                    "maxMemory", Long.toString(runtime.maxMemory()),
                                                    "inProcess", "true"),
                                            List.of(WorkerRole.INFERENCE),
                                            token.value()))
                            .id();
            LOG.infof("Serving models in-process as worker %s (%s)", name(), id);
        } catch (RuntimeException e) {
            LOG.warnf("The local worker is not registered yet: %s", e.toString());
        }
    }

    private String name() {
        return config.name().orElseGet(() -> "platform-api@" + hostName() + ":" + httpPort);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "localhost" : env;
        }
    }
}
