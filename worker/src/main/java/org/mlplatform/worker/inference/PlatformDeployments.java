package org.mlplatform.worker.inference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.deployment.ReplicaReport;
import org.mlplatform.worker.registration.PlatformApiException;

/**
 * The deployments of platform-api as the inference worker needs them: a 404 becomes empty, a
 * transport failure is retried once, every other failure is a {@link PlatformApiException}.
 */
@ApplicationScoped
public class PlatformDeployments {

    private static final Logger LOG = Logger.getLogger(PlatformDeployments.class);
    private static final int ATTEMPTS = 2;

    private final DeploymentsClient client;

    public PlatformDeployments(@RestClient DeploymentsClient client) {
        this.client = client;
    }

    /** The deployments this worker should hold; empty when platform-api does not know it. */
    public Optional<List<DeploymentAssignment>> assigned(UUID workerId) {
        return notFoundAsEmpty("assignments", () -> client.assigned(workerId));
    }

    /** One deployment; empty when it does not exist (any more). */
    public Optional<DeploymentAssignment> get(UUID deploymentId) {
        return notFoundAsEmpty("deployment " + deploymentId, () -> client.get(deploymentId));
    }

    /** Reports this worker's state of a deployment; a failure is logged, never thrown. */
    public void report(UUID deploymentId, UUID workerId, ReplicaReport report) {
        try {
            withRetry(
                    "report",
                    () -> {
                        client.report(deploymentId, workerId, report);
                        return null;
                    });
        } catch (PlatformApiException e) {
            LOG.warnf(
                    "Reporting %s of deployment %s failed: %s",
                    report.status(), deploymentId, e.getMessage());
        }
    }

    private <T> Optional<T> notFoundAsEmpty(String what, Supplier<T> call) {
        try {
            return Optional.ofNullable(withRetry(what, call));
        } catch (PlatformApiException e) {
            if (e.getCause() instanceof WebApplicationException wae
                    && wae.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> T withRetry(String what, Supplier<T> call) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return call.get();
            } catch (WebApplicationException e) {
                throw new PlatformApiException(
                        what + " answered " + e.getResponse().getStatus(), e);
            } catch (RuntimeException e) {
                last = e;
                LOG.debugf("%s attempt %d failed: %s", what, attempt, e);
            }
        }
        throw new PlatformApiException(what + " failed: " + last.getMessage(), last);
    }
}
