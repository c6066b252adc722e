package org.mlplatform.worker.registration;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mlplatform.contract.worker.RegisterWorkerRequest;
import org.mlplatform.contract.worker.WorkerRole;
import org.mlplatform.serving.InferenceToken;
import org.mlplatform.serving.engine.DjlEngine;
import org.mlplatform.serving.engine.EngineInfo;
import org.mlplatform.worker.config.WorkerConfig;

/** What this worker tells platform-api about itself when it registers. */
@ApplicationScoped
public class WorkerDescription {

    private final WorkerConfig config;
    private final DjlEngine engine;
    private final String version;
    private final int httpPort;
    private final InferenceToken inferenceToken;

    public WorkerDescription(
            WorkerConfig config,
            DjlEngine engine,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown")
                    String version,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8082") int httpPort,
            InferenceToken inferenceToken) {
        this.config = config;
        this.engine = engine;
        this.version = version;
        this.httpPort = httpPort;
        this.inferenceToken = inferenceToken;
    }

    /** The worker's name: configured, or the host name and HTTP port. */
    public String name() {
        return config.name().orElseGet(() -> hostName() + "-" + httpPort);
    }

    /** The registration request, with the engine and the machine's capabilities. */
    public RegisterWorkerRequest registerRequest() {
        EngineInfo info = engine.info();
        Runtime runtime = Runtime.getRuntime();
        return new RegisterWorkerRequest(
                name(),
                config.advertisedUrl(),
                version,
                info.name(),
                info.version(),
                Map.of(
                        "device", info.device(),
                        "cores", Integer.toString(runtime.availableProcessors()),
                        "maxMemory", Long.toString(runtime.maxMemory())),
                roles(),
                config.roles().contains(WorkerRole.INFERENCE) ? inferenceToken.value() : null);
    }

    /** The configured roles, without duplicates; JOBS only when none are configured. */
    public List<WorkerRole> roles() {
        List<WorkerRole> roles = config.roles().stream().distinct().toList();
        return roles.isEmpty() ? List.of(WorkerRole.JOBS) : roles;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? "worker" : env;
        }
    }
}
