package org.mlplatform.worker.inference;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.mlplatform.contract.deployment.DeploymentsInternalApi;

/** platform-api's deployment API for inference workers, with the service-account token. */
@RegisterRestClient(configKey = "platform-api")
@OidcClientFilter
public interface DeploymentsClient extends DeploymentsInternalApi {}
