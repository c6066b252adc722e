package org.mlplatform.worker.engine;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the loaded DJL engines (the main one as {@code engine}/{@code version}, every one in
 * {@code engines}); the worker does not start without them, so it is always UP.
 */
@Readiness
@ApplicationScoped
public class DjlEngineHealthCheck implements HealthCheck {

    private final DjlEngine engine;

    public DjlEngineHealthCheck(DjlEngine engine) {
        this.engine = engine;
    }

    @Override
    public HealthCheckResponse call() {
        EngineInfo info = engine.info();
        return HealthCheckResponse.named("djl-engine")
                .up()
                .withData("engine", info.name())
                .withData("version", info.version())
                .withData("device", info.device())
                .withData(
                        "engines",
                        engine.engines().stream()
                                .map(e -> e.name() + " " + e.version())
                                .collect(Collectors.joining(", ")))
                .build();
    }
}
