package org.mlplatform.worker.job;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.mlplatform.contract.job.JobsInternalApi;

/**
 * platform-api's job queue, with the service-account token. A client of its own ({@code
 * quarkus.rest-client.platform-jobs.*}) because the long-poll claim needs a read timeout longer
 * than the claim wait, which registration heartbeats should not get.
 */
@RegisterRestClient(configKey = "platform-jobs")
@OidcClientFilter
public interface JobsClient extends JobsInternalApi {}
