package org.mlplatform.portal.api;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.mlplatform.contract.usage.UsageApi;

/** The REST client for {@link UsageApi}, sent with the signed-in user's access token. */
@RegisterRestClient(configKey = "platform-api")
@RegisterProvider(BearerTokenFilter.class)
@RegisterProvider(ProblemResponseMapper.class)
interface UsageClient extends UsageApi {}
