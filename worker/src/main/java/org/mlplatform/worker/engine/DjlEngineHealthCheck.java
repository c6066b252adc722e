package org.mlplatform.worker.engine;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports the loaded DJL engine; the worker does not start without one, so it is always UP. */
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
                .build();
    }
}
