package org.mlplatform.portal.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;
import org.jboss.logging.Logger;
import org.mlplatform.contract.common.ProblemDetail;

/**
 * Turns every error answer of platform-api into a {@link PlatformApiException}. The body is parsed
 * as an RFC 9457 problem document when it is one; anything else gets a generic message.
 */
class ProblemResponseMapper implements ResponseExceptionMapper<PlatformApiException> {

    private static final Logger LOG = Logger.getLogger(ProblemResponseMapper.class);
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public PlatformApiException toThrowable(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : null;
        return fromBody(response.getStatus(), body);
    }

    /** Parses an error body; never throws. */
    static PlatformApiException fromBody(int status, String body) {
        if (body != null && body.trim().startsWith("{")) {
            try {
                return PlatformApiException.of(JSON.readValue(body, ProblemDetail.class), status);
            } catch (Exception e) {
                LOG.debugf(e, "Error body of HTTP %d is not a problem document", status);
            }
        }
        return new PlatformApiException(status, PlatformApiException.defaultMessage(status));
    }
}
