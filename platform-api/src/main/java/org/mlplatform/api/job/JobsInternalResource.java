package org.mlplatform.api.job;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.common.Roles;
import org.mlplatform.api.storage.BlobContent;
import org.mlplatform.api.storage.BlobResponses;
import org.mlplatform.api.storage.StorageService;
import org.mlplatform.contract.job.ClaimJobRequest;
import org.mlplatform.contract.job.CompleteJobRequest;
import org.mlplatform.contract.job.FailJobRequest;
import org.mlplatform.contract.job.JobAssignment;
import org.mlplatform.contract.job.JobHeartbeatRequest;
import org.mlplatform.contract.job.JobHeartbeatResponse;
import org.mlplatform.contract.job.JobsInternalApi;

/** The job queue for workers. Claims block a worker thread (never the event loop) while waiting. */
@RolesAllowed(Roles.WORKER)
public class JobsInternalResource implements JobsInternalApi {

    private final JobService jobs;
    private final StorageService storage;

    public JobsInternalResource(JobService jobs, StorageService storage) {
        this.jobs = jobs;
        this.storage = storage;
    }

    @Override
    public RestResponse<JobAssignment> claim(ClaimJobRequest request) {
        return jobs.claim(request).map(RestResponse::ok).orElseGet(RestResponse::noContent);
    }

    @Override
    public JobHeartbeatResponse heartbeat(UUID id, JobHeartbeatRequest request) {
        return jobs.heartbeat(id, request.leaseToken());
    }

    @Override
    public void complete(UUID id, CompleteJobRequest request) {
        jobs.complete(id, request);
    }

    @Override
    public void fail(UUID id, FailJobRequest request) {
        jobs.fail(id, request);
    }

    @Override
    public Response blob(String sha256) {
        BlobContent content =
                storage.open(sha256)
                        .orElseThrow(() -> new NotFoundException("No blob " + sha256 + "."));
        return BlobResponses.ok(content, "\"" + sha256 + "\"").build();
    }
}
