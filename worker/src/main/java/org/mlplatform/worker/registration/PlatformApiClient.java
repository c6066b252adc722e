package org.mlplatform.worker.registration;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.mlplatform.contract.worker.WorkersInternalApi;

/**
 * platform-api's worker-facing API, called with the {@code platform-worker} service account: the
 * OIDC client (client-credentials grant) fetches and refreshes the bearer token.
 */
@RegisterRestClient(configKey = "platform-api")
@OidcClientFilter
public interface PlatformApiClient extends WorkersInternalApi {}
