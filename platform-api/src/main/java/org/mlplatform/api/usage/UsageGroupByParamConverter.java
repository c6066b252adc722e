package org.mlplatform.api.usage;

import jakarta.ws.rs.ext.Provider;
import org.mlplatform.api.common.QueryEnumConverter;
import org.mlplatform.contract.usage.UsageGroupBy;

/** {@code ?groupBy=key|model|tenant}; an unknown value is a 400. */
@Provider
public class UsageGroupByParamConverter extends QueryEnumConverter<UsageGroupBy> {
    public UsageGroupByParamConverter() {
        super(
                UsageGroupBy.class,
                UsageGroupBy::fromString,
                UsageGroupBy::wireName,
                "groupBy",
                "must be one of key, model, tenant");
    }
}
