package org.mlplatform.worker.job;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.job.ClaimJobRequest;
import org.mlplatform.contract.job.JobAssignment;
import org.mlplatform.contract.job.JobsInternalApi;

/**
 * platform-api's job queue, with the service-account token. A client of its own ({@code
 * quarkus.rest-client.platform-jobs.*}) because the long-poll claim needs a read timeout longer
 * than the claim wait, which registration heartbeats should not get.
 */
@RegisterRestClient(configKey = "platform-jobs")
@OidcClientFilter
@Path("/internal/v1")
public interface JobsClient extends JobsInternalApi {

    /**
     * {@link #claim} as a {@link Uni}: cancelling the subscription aborts the long poll, so the
     * worker can shut down without waiting for it or leaving a request in flight.
     */
    @POST
    @Path("/jobs/claim")
    Uni<RestResponse<JobAssignment>> claimCancellable(ClaimJobRequest request);
}
