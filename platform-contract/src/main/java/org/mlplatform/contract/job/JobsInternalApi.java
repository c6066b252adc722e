package org.mlplatform.contract.job;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/** The job queue as workers see it (realm role {@code worker} only). */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface JobsInternalApi {

    /**
     * Claims the next queued job of the given kinds (FOR UPDATE SKIP LOCKED): 200 with the job, or
     * 204 when none arrived within {@code waitSeconds}. A new job wakes waiting claims at once
     * (LISTEN/NOTIFY).
     */
    @POST
    @Path("/jobs/claim")
    RestResponse<JobAssignment> claim(@Valid @NotNull ClaimJobRequest request);

    /** Renews the lease; 409 when the lease is stale (expired and taken over, or finished). */
    @POST
    @Path("/jobs/{id}/heartbeat")
    JobHeartbeatResponse heartbeat(
            @PathParam("id") UUID id, @Valid @NotNull JobHeartbeatRequest request);

    /**
     * Finishes the job: 204, or 200 with the next job when the request asked for one ({@code next})
     * and one was queued; 409 when the lease is stale (and nothing is claimed).
     */
    @POST
    @Path("/jobs/{id}/complete")
    RestResponse<JobAssignment> complete(
            @PathParam("id") UUID id, @Valid @NotNull CompleteJobRequest request);

    /**
     * Completes the finished jobs listed, then claims up to {@code claim} more: 200 with the
     * outcome of each completion (a refused one does not undo the others) and the jobs claimed. One
     * call per batch instead of two per job, for workers that run many short jobs.
     */
    @POST
    @Path("/jobs/batch")
    JobBatchResponse batch(@Valid @NotNull JobBatchRequest request);

    /** 204; 409 when the lease is stale. */
    @POST
    @Path("/jobs/{id}/fail")
    void fail(@PathParam("id") UUID id, @Valid @NotNull FailJobRequest request);

    /** Reports events of a running job (logs, epochs); 204; 409 when the lease is stale. */
    @POST
    @Path("/jobs/{id}/events")
    void events(@PathParam("id") UUID id, @Valid @NotNull JobEventsRequest request);

    /**
     * Saves a TRAIN job's state after an epoch (raw body), replacing its previous checkpoint; a
     * later attempt resumes from it. 409 when the lease is stale.
     */
    @POST
    @Path("/jobs/{id}/checkpoint")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    Checkpoint checkpoint(
            @PathParam("id") UUID id,
            @QueryParam("leaseToken") UUID leaseToken,
            @QueryParam("epoch") int epoch,
            InputStream content);

    /**
     * Stores a TRAIN job's model archive (raw body), charged to the tenant's storage (413 past the
     * quota), until {@code complete} registers it as a version. 409 when the lease is stale.
     */
    @POST
    @Path("/jobs/{id}/artifact")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    BlobPointer artifact(
            @PathParam("id") UUID id,
            @QueryParam("leaseToken") UUID leaseToken,
            InputStream content);

    /** The worker stopped a job whose cancel it heard: the job ends CANCELLED. 204; 409 stale. */
    @POST
    @Path("/jobs/{id}/cancelled")
    void cancelled(@PathParam("id") UUID id, @Valid @NotNull JobHeartbeatRequest request);

    /** A blob's bytes, streamed, with {@code Content-Length}; 404 when unknown. */
    @GET
    @Path("/blobs/{sha256}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    Response blob(@PathParam("sha256") String sha256);
}
