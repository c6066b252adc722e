package org.mlplatform.api.training;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.training.CreateTrainingJobRequest;
import org.mlplatform.contract.training.TrainingJobEvent;
import org.mlplatform.contract.training.TrainingJobResponse;
import org.mlplatform.contract.training.TrainingJobsApi;

/** A tenant's training jobs, and each job's events as a Server-Sent Events stream. */
@Authenticated
public class TrainingJobResource implements TrainingJobsApi {

    private final TrainingJobService jobs;
    private final TrainingEventStream stream;

    public TrainingJobResource(TrainingJobService jobs, TrainingEventStream stream) {
        this.jobs = jobs;
        this.stream = stream;
    }

    @Override
    public RestResponse<TrainingJobResponse> create(
            String tenant, CreateTrainingJobRequest request) {
        TrainingJobResponse created = jobs.create(tenant, request);
        return RestResponse.ResponseBuilder.<TrainingJobResponse>created(
                        UriBuilder.fromPath("/api/v1/tenants/{tenant}/training-jobs/{id}")
                                .build(tenant, created.id()))
                .entity(created)
                .build();
    }

    @Override
    public PageResponse<TrainingJobResponse> list(
            String tenant, JobStatus status, Integer page, Integer size) {
        return jobs.list(tenant, status, page, size);
    }

    @Override
    public TrainingJobResponse get(String tenant, UUID id) {
        return jobs.get(tenant, id);
    }

    @Override
    public List<TrainingJobEvent> events(String tenant, UUID id, Long after, Integer limit) {
        return jobs.events(tenant, id, after, limit);
    }

    @Override
    public TrainingJobResponse cancel(String tenant, UUID id) {
        return jobs.cancel(tenant, id);
    }

    /**
     * The job's events with {@code seq} after {@code Last-Event-ID} (a reconnecting EventSource) or
     * {@code ?after=}, then the new ones as they happen; the stream ends once the job has finished
     * and all its events were sent.
     */
    @GET
    @Path("/{id}/events/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public void eventStream(
            @PathParam("tenant") String tenant,
            @PathParam("id") UUID id,
            @QueryParam("after") Long after,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        UUID jobId = jobs.requireJob(tenant, id);
        long from = Math.max(after == null ? 0 : after, parse(lastEventId));
        stream.start(jobId, from, sink, sse);
    }

    private static long parse(String lastEventId) {
        try {
            return lastEventId == null ? 0 : Long.parseLong(lastEventId.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
