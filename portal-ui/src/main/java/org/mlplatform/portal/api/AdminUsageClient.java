package org.mlplatform.portal.api;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.mlplatform.contract.usage.AdminUsageApi;

/** The REST client for {@link AdminUsageApi}, sent with the signed-in user's access token. */
@RegisterRestClient(configKey = "platform-api")
@RegisterProvider(BearerTokenFilter.class)
@RegisterProvider(ProblemResponseMapper.class)
interface AdminUsageClient extends AdminUsageApi {}
