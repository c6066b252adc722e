package org.mlplatform.api.ratelimit;

import java.util.List;
import java.util.Map;
import org.mlplatform.api.common.ApiException;

/** Over a rate limit or a quota: 429 with {@code Retry-After} and the RateLimit headers. */
public class RateLimitedException extends ApiException {

    public RateLimitedException(
            String type, String title, String detail, Map<String, String> headers) {
        super(429, type, title, detail, List.of(), headers);
    }
}
