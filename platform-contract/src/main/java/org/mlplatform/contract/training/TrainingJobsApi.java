package org.mlplatform.contract.training;

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
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.job.JobStatus;

/**
 * A tenant's training jobs. Besides these calls the server streams a job's events as Server-Sent
 * Events at {@code GET /{id}/events/stream} (each event's {@code id} is its {@code seq}; the stream
 * ends when the job has finished).
 */
@Path("/api/v1/tenants/{tenant}/training-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TrainingJobsApi {

    /** 201 QUEUED with {@code Location}; 400 naming the field when the spec does not fit. */
    @POST
    RestResponse<TrainingJobResponse> create(
            @PathParam("tenant") String tenant, @Valid @NotNull CreateTrainingJobRequest request);

    /** Newest first. */
    @GET
    PageResponse<TrainingJobResponse> list(
            @PathParam("tenant") String tenant,
            @QueryParam("status") JobStatus status,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    @GET
    @Path("/{id}")
    TrainingJobResponse get(@PathParam("tenant") String tenant, @PathParam("id") UUID id);

    /** Events with {@code seq > after}, oldest first, at most {@code limit} (default 500). */
    @GET
    @Path("/{id}/events")
    List<TrainingJobEvent> events(
            @PathParam("tenant") String tenant,
            @PathParam("id") UUID id,
            @QueryParam("after") Long after,
            @QueryParam("limit") Integer limit);

    /**
     * A queued job is CANCELLED at once; a running one when its worker hears it (next heartbeat)
     * and stops between batches. Cancelling a finished job is a 409.
     */
    @POST
    @Path("/{id}/cancel")
    TrainingJobResponse cancel(@PathParam("tenant") String tenant, @PathParam("id") UUID id);
}
