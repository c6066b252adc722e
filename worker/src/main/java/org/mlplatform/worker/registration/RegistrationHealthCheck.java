package org.mlplatform.worker.registration;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** DOWN until platform-api has registered this worker; the data says why it is not. */
@Readiness
@ApplicationScoped
public class RegistrationHealthCheck implements HealthCheck {

    private final WorkerRegistration registration;
    private final WorkerDescription description;

    public RegistrationHealthCheck(WorkerRegistration registration, WorkerDescription description) {
        this.registration = registration;
        this.description = description;
    }

    @Override
    public HealthCheckResponse call() {
        RegistrationStatus status = registration.status();
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("platform-registration")
                        .status(status.registered())
                        .withData("name", description.name());
        if (status.registered()) {
            response.withData("workerId", status.workerId().toString());
        }
        if (status.lastHeartbeatAt() != null) {
            response.withData("lastHeartbeatAt", status.lastHeartbeatAt().toString());
        }
        if (status.reason() != null) {
            response.withData("reason", status.reason());
        }
        if (status.nextAttemptAt() != null && !status.registered()) {
            response.withData("nextAttemptAt", status.nextAttemptAt().toString());
        }
        return response.build();
    }
}
