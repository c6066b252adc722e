package org.mlplatform.worker.engine;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.mlplatform.serving.engine.DjlEngine;
import org.mlplatform.serving.engine.EngineInfo;

/**
 * Reports the loaded DJL engines (the main one as {@code engine}/{@code version}, every one in
 * {@code engines}); the worker loads them at start-up and does not start without them, so it is
 * always UP.
 */
@Readiness
@ApplicationScoped
public class DjlEngineHealthCheck implements HealthCheck {

    private final DjlEngine engine;

    public DjlEngineHealthCheck(DjlEngine engine) {
        this.engine = engine;
    }

    /** Loads the engines now: a worker that cannot run models must fail at start, not later. */
    void loadAtStart(@Observes StartupEvent event) {
        engine.info();
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
