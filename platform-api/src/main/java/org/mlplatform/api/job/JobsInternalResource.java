package org.mlplatform.api.job;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.api.common.NotFoundException;
import org.mlplatform.api.common.Roles;
import org.mlplatform.api.storage.BlobContent;
import org.mlplatform.api.storage.BlobResponses;
import org.mlplatform.api.storage.StorageService;
import org.mlplatform.api.storage.UploadBodies;
import org.mlplatform.contract.common.ProblemDetail.FieldError;
import org.mlplatform.contract.job.BlobPointer;
import org.mlplatform.contract.job.Checkpoint;
import org.mlplatform.contract.job.ClaimJobRequest;
import org.mlplatform.contract.job.CompleteJobRequest;
import org.mlplatform.contract.job.FailJobRequest;
import org.mlplatform.contract.job.JobAssignment;
import org.mlplatform.contract.job.JobBatchRequest;
import org.mlplatform.contract.job.JobBatchResponse;
import org.mlplatform.contract.job.JobEventsRequest;
import org.mlplatform.contract.job.JobHeartbeatRequest;
import org.mlplatform.contract.job.JobHeartbeatResponse;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.JobsInternalApi;

/** The job queue for workers. Claims block a worker thread (never the event loop) while waiting. */
@RolesAllowed(Roles.WORKER)
public class JobsInternalResource implements JobsInternalApi {

    private final JobClaims claims;
    private final JobService jobs;
    private final JobUploads uploads;
    private final StorageService storage;

    @Context HttpHeaders headers;

    public JobsInternalResource(
            JobClaims claims, JobService jobs, JobUploads uploads, StorageService storage) {
        this.claims = claims;
        this.jobs = jobs;
        this.uploads = uploads;
        this.storage = storage;
    }

    @Override
    public RestResponse<JobAssignment> claim(ClaimJobRequest request) {
        return claims.claim(request).map(RestResponse::ok).orElseGet(RestResponse::noContent);
    }

    @Override
    public JobHeartbeatResponse heartbeat(UUID id, JobHeartbeatRequest request) {
        return jobs.heartbeat(id, request.leaseToken());
    }

    @Override
    public RestResponse<JobAssignment> complete(UUID id, CompleteJobRequest request) {
        jobs.complete(id, request);
        if (request.next() == null) {
            return RestResponse.noContent();
        }
        ClaimJobRequest next = request.next();
        return claims.claim(new ClaimJobRequest(next.workerId(), next.kinds(), 0))
                .map(RestResponse::ok)
                .orElseGet(RestResponse::noContent);
    }

    @Override
    public JobBatchResponse batch(JobBatchRequest request) {
        List<JobKind> kinds = request.kinds() == null ? List.of() : request.kinds();
        if (request.claim() > 0 && kinds.isEmpty()) {
            throw new InvalidRequestException(
                    "A batch that claims jobs names the kinds it takes.",
                    List.of(new FieldError("kinds", "must not be empty when claim > 0")));
        }
        JobBatchResponse done =
                jobs.completeAll(request.completed() == null ? List.of() : request.completed());
        List<JobAssignment> claimed =
                request.claim() == 0
                        ? List.of()
                        : claims.claim(
                                request.workerId(), kinds, request.waitSeconds(), request.claim());
        return new JobBatchResponse(done.completed(), done.rejected(), claimed);
    }

    @Override
    public void fail(UUID id, FailJobRequest request) {
        jobs.fail(id, request);
    }

    @Override
    public void events(UUID id, JobEventsRequest request) {
        jobs.events(id, request);
    }

    @Override
    public Checkpoint checkpoint(UUID id, UUID leaseToken, int epoch, InputStream content) {
        return uploads.checkpoint(
                id, leaseToken, epoch, content, UploadBodies.contentLength(headers));
    }

    @Override
    public BlobPointer artifact(UUID id, UUID leaseToken, InputStream content) {
        return uploads.artifact(id, leaseToken, content, UploadBodies.contentLength(headers));
    }

    @Override
    public void cancelled(UUID id, JobHeartbeatRequest request) {
        jobs.cancelled(id, request.leaseToken());
    }

    @Override
    public Response blob(String sha256) {
        BlobContent content =
                storage.open(sha256)
                        .orElseThrow(() -> new NotFoundException("No blob " + sha256 + "."));
        return BlobResponses.ok(content, "\"" + sha256 + "\"").build();
    }
}
