package org.mlplatform.worker.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.job.BlobPointer;
import org.mlplatform.contract.job.Checkpoint;
import org.mlplatform.contract.job.ClaimJobRequest;
import org.mlplatform.contract.job.CompleteJobRequest;
import org.mlplatform.contract.job.FailJobRequest;
import org.mlplatform.contract.job.JobAssignment;
import org.mlplatform.contract.job.JobEventsRequest;
import org.mlplatform.contract.job.JobHeartbeatRequest;
import org.mlplatform.contract.job.JobHeartbeatResponse;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.ModelValidationResult;
import org.mlplatform.contract.job.NewJobEvent;
import org.mlplatform.contract.job.TrainingResult;
import org.mlplatform.worker.registration.PlatformApiException;

/**
 * The job queue of platform-api: 204 on claim becomes empty, 409 on a leased call becomes {@link
 * StaleLeaseException}, a transport failure is retried once, and every other failure is a {@link
 * PlatformApiException} with a readable reason.
 */
@ApplicationScoped
public class JobsApi {

    private static final Logger LOG = Logger.getLogger(JobsApi.class);
    private static final int ATTEMPTS = 2;

    private final JobsClient client;
    private final Set<CompletableFuture<?>> pendingClaims = ConcurrentHashMap.newKeySet();

    public JobsApi(@RestClient JobsClient client) {
        this.client = client;
    }

    /**
     * The next job of the given kinds, or empty when none came within {@code waitSeconds} or the
     * claim was {@linkplain #cancelClaims() cancelled}. Blocks the calling (worker) thread.
     */
    public Optional<JobAssignment> claim(UUID workerId, List<JobKind> kinds, int waitSeconds) {
        RestResponse<JobAssignment> response;
        CompletableFuture<RestResponse<JobAssignment>> pending =
                client.claimCancellable(new ClaimJobRequest(workerId, kinds, waitSeconds))
                        .subscribeAsCompletionStage();
        pendingClaims.add(pending);
        try {
            // No retry: the next claim loop iteration is the retry.
            response = pending.get();
        } catch (CancellationException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            RuntimeException cause =
                    e.getCause() instanceof RuntimeException r
                            ? r
                            : new IllegalStateException(e.getCause());
            throw new PlatformApiException(describe("claim", cause), cause);
        } finally {
            pendingClaims.remove(pending);
        }
        if (response.getStatus() == 204 || !response.hasEntity()) {
            return Optional.empty();
        }
        if (response.getStatus() >= 300) {
            throw new PlatformApiException("claim answered " + response.getStatus(), null);
        }
        return Optional.ofNullable(response.getEntity());
    }

    /** Aborts every claim in flight (shutdown); their callers get empty. */
    void cancelClaims() {
        pendingClaims.forEach(claim -> claim.cancel(true));
    }

    /** Renews the lease. */
    JobHeartbeatResponse heartbeat(UUID jobId, UUID leaseToken) throws StaleLeaseException {
        return leased(
                "heartbeat",
                jobId,
                () -> client.heartbeat(jobId, new JobHeartbeatRequest(leaseToken)));
    }

    /**
     * Finishes the job successfully with its result (a validation or a training result; the other
     * null). With {@code next} set, the same call claims the next job, without waiting.
     */
    Optional<JobAssignment> complete(
            UUID jobId,
            UUID leaseToken,
            ModelValidationResult validation,
            TrainingResult training,
            ClaimJobRequest next)
            throws StaleLeaseException {
        RestResponse<JobAssignment> response =
                leased(
                        "complete",
                        jobId,
                        () ->
                                client.complete(
                                        jobId,
                                        new CompleteJobRequest(
                                                leaseToken, validation, training, next)));
        return response == null || response.getStatus() != 200
                ? Optional.empty()
                : Optional.ofNullable(response.getEntity());
    }

    /** Reports events of a running job (at most 200 per call). */
    void events(UUID jobId, UUID leaseToken, List<NewJobEvent> events) throws StaleLeaseException {
        leased(
                "events",
                jobId,
                () -> {
                    client.events(jobId, new JobEventsRequest(leaseToken, events));
                    return null;
                });
    }

    /** Uploads the checkpoint written after {@code epoch}, replacing the previous one. */
    Checkpoint checkpoint(UUID jobId, UUID leaseToken, int epoch, Path file)
            throws StaleLeaseException {
        return leased(
                "checkpoint",
                jobId,
                () -> withFile(file, in -> client.checkpoint(jobId, leaseToken, epoch, in)));
    }

    /** Uploads a TRAIN job's model archive. */
    BlobPointer artifact(UUID jobId, UUID leaseToken, Path file) throws StaleLeaseException {
        return leased(
                "artifact",
                jobId,
                () -> withFile(file, in -> client.artifact(jobId, leaseToken, in)));
    }

    /** Tells platform-api that the worker stopped a job whose cancel it heard. */
    void cancelled(UUID jobId, UUID leaseToken) throws StaleLeaseException {
        leased(
                "cancelled",
                jobId,
                () -> {
                    client.cancelled(jobId, new JobHeartbeatRequest(leaseToken));
                    return null;
                });
    }

    private static <T> T withFile(Path file, java.util.function.Function<InputStream, T> call) {
        try (InputStream in = Files.newInputStream(file)) {
            return call.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reports that the job could not run. */
    void fail(UUID jobId, UUID leaseToken, String error, boolean retryable)
            throws StaleLeaseException {
        String trimmed = error.length() > 4000 ? error.substring(0, 3999) + "…" : error;
        leased(
                "fail",
                jobId,
                () -> {
                    client.fail(jobId, new FailJobRequest(leaseToken, trimmed, retryable));
                    return null;
                });
    }

    private <T> T leased(String operation, UUID jobId, Supplier<T> call)
            throws StaleLeaseException {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return call.get();
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() == 409) {
                    throw new StaleLeaseException(
                            "%s of job %s answered 409: the lease is stale"
                                    .formatted(operation, jobId));
                }
                throw new PlatformApiException(describe(operation, e), e);
            } catch (RuntimeException e) {
                last = e;
                LOG.debugf("%s of job %s, attempt %d failed: %s", operation, jobId, attempt, e);
            }
        }
        throw new PlatformApiException(describe(operation, last), last);
    }

    private static String describe(String operation, RuntimeException e) {
        if (e instanceof WebApplicationException wae) {
            return "%s answered %d".formatted(operation, wae.getResponse().getStatus());
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "%s failed: %s: %s"
                .formatted(operation, root.getClass().getSimpleName(), root.getMessage());
    }
}
