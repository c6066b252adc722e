package org.mlplatform.portal.api;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.mlplatform.contract.inference.ModelInferenceApi;

/** The REST client for {@link ModelInferenceApi}, sent with the signed-in user's access token. */
@RegisterRestClient(configKey = "platform-api")
@RegisterProvider(BearerTokenFilter.class)
@RegisterProvider(ProblemResponseMapper.class)
interface ModelInferenceClient extends ModelInferenceApi {}
