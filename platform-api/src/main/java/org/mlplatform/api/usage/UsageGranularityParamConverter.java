package org.mlplatform.api.usage;

import jakarta.ws.rs.ext.Provider;
import org.mlplatform.api.common.QueryEnumConverter;
import org.mlplatform.contract.usage.UsageGranularity;

/** {@code ?granularity=minute|hour|day}; an unknown value is a 400. */
@Provider
public class UsageGranularityParamConverter extends QueryEnumConverter<UsageGranularity> {
    public UsageGranularityParamConverter() {
        super(
                UsageGranularity.class,
                UsageGranularity::fromString,
                UsageGranularity::wireName,
                "granularity",
                "must be one of minute, hour, day");
    }
}
