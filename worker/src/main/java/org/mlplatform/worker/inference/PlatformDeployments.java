package org.mlplatform.worker.inference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.deployment.ReplicaReport;
import org.mlplatform.contract.job.BlobPointer;
import org.mlplatform.serving.DeploymentSource;
import org.mlplatform.serving.artifact.ArtifactException;
import org.mlplatform.worker.registration.PlatformApiException;
import org.mlplatform.worker.registration.WorkerRegistration;
import org.mlplatform.worker.validation.ArtifactDownloader;

/**
 * The deployments of platform-api as the inference worker needs them, over REST with the service
 * account: a 404 becomes empty, a transport failure is retried once, every other failure is a
 * {@link PlatformApiException}. The serving runtime's {@link DeploymentSource} on a worker.
 */
@ApplicationScoped
public class PlatformDeployments implements DeploymentSource {

    private static final Logger LOG = Logger.getLogger(PlatformDeployments.class);
    private static final int ATTEMPTS = 2;

    private final DeploymentsClient client;
    private final WorkerRegistration registration;
    private final ArtifactDownloader downloader;

    public PlatformDeployments(
            @RestClient DeploymentsClient client,
            WorkerRegistration registration,
            ArtifactDownloader downloader) {
        this.client = client;
        this.registration = registration;
        this.downloader = downloader;
    }

    /**
     * An answer of the assignments watch: the list and its tag, or (not {@code changed}) the list
     * tagged {@code knownTag} still holds and {@code deployments} is null.
     */
    public record Assignments(
            List<DeploymentAssignment> deployments, String tag, boolean changed) {}

    /**
     * The deployments this worker should hold, once they differ from the list tagged {@code
     * knownTag} (null: none held yet) or within {@code waitSeconds}; empty when platform-api does
     * not know the worker.
     */
    public Optional<Assignments> assigned(UUID workerId, String knownTag, int waitSeconds) {
        return notFoundAsEmpty(
                "assignments",
                () -> {
                    RestResponse<List<DeploymentAssignment>> answer =
                            client.assigned(workerId, knownTag, waitSeconds);
                    String tag = answer.getHeaderString(HttpHeaders.ETAG);
                    return answer.getStatus() == RestResponse.StatusCode.NOT_MODIFIED
                            ? new Assignments(null, tag, false)
                            : new Assignments(answer.getEntity(), tag, true);
                });
    }

    @Override
    public Optional<DeploymentAssignment> get(UUID deploymentId) {
        try {
            return notFoundAsEmpty("deployment " + deploymentId, () -> client.get(deploymentId));
        } catch (PlatformApiException e) {
            throw new UnavailableException("platform-api cannot be reached to load it", e);
        }
    }

    @Override
    public void fetch(BlobPointer blob, Path target) throws ArtifactException {
        downloader.download(blob.sha256(), blob.sizeBytes(), target);
    }

    /** Reports this worker's state of a deployment, once registered; never throws. */
    @Override
    public void report(UUID deploymentId, ReplicaReport report) {
        UUID workerId = registration.status().workerId();
        if (workerId == null) {
            return;
        }
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

    @Override
    public void withdraw(UUID deploymentId) {
        UUID workerId = registration.status().workerId();
        if (workerId == null) {
            return;
        }
        try {
            withRetry(
                    "withdraw",
                    () -> {
                        client.withdraw(deploymentId, workerId);
                        return null;
                    });
        } catch (PlatformApiException e) {
            LOG.warnf(
                    "Withdrawing the report of deployment %s failed: %s",
                    deploymentId, e.getMessage());
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
