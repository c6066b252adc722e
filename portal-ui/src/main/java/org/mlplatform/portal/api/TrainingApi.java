package org.mlplatform.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.training.CreateTrainingJobRequest;
import org.mlplatform.contract.training.TrainingJobEvent;
import org.mlplatform.contract.training.TrainingJobResponse;
import org.mlplatform.contract.training.TrainingJobsApi;

/**
 * A tenant's training jobs, asked on behalf of the signed-in user. Every method throws {@link
 * PlatformApiException} with a readable message when the call fails.
 */
@ApplicationScoped
public class TrainingApi {

    private final TrainingJobsApi jobs;
    private final ApiHttp http;

    @Inject
    TrainingApi(@RestClient TrainingJobsClient jobs, ApiHttp http) {
        this.jobs = jobs;
        this.http = http;
    }

    /**
     * Takes the contract interface, so tests can pass an in-memory implementation; its {@link
     * #progress} reads through the same interface.
     */
    public TrainingApi(TrainingJobsApi jobs) {
        this.jobs = jobs;
        this.http = null;
    }

    /** Queues a job; a 400 names the field of the request it refuses. */
    public TrainingJobResponse create(String tenant, CreateTrainingJobRequest request) {
        return ApiCalls.call(() -> jobs.create(tenant, request).getEntity());
    }

    /** One page of jobs, newest first; a null status means all. */
    public PageResponse<TrainingJobResponse> jobs(
            String tenant, JobStatus status, int page, int size) {
        return ApiCalls.call(() -> jobs.list(tenant, status, page, size));
    }

    /** The job, or empty when it does not exist in the tenant. */
    public Optional<TrainingJobResponse> job(String tenant, UUID id) {
        return ApiCalls.find(() -> jobs.get(tenant, id));
    }

    /** Events with {@code seq > after}, oldest first (at most the server's page of 500). */
    public List<TrainingJobEvent> events(String tenant, UUID id, long after) {
        return ApiCalls.call(() -> jobs.events(tenant, id, after, null));
    }

    /** Asks to cancel; a 409 says the job has already finished. */
    public TrainingJobResponse cancel(String tenant, UUID id) {
        return ApiCalls.call(() -> jobs.cancel(tenant, id));
    }

    /**
     * A reader of the job's progress for a background thread. Call it on the request thread; {@code
     * token} is asked before every call, so the caller can keep it fresh.
     */
    public JobProgress progress(String tenant, UUID id, Supplier<Optional<String>> token) {
        if (http != null) {
            return new HttpJobProgress(http, tenant, id, token);
        }
        return new JobProgress() {
            @Override
            public TrainingJobResponse job() {
                return ApiCalls.call(() -> jobs.get(tenant, id));
            }

            @Override
            public List<TrainingJobEvent> eventsAfter(long after) {
                return events(tenant, id, after);
            }
        };
    }
}
