package org.mlplatform.portal.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.mlplatform.contract.usage.UsageApi;
import org.mlplatform.contract.usage.UsageGranularity;
import org.mlplatform.contract.usage.UsageGroupBy;
import org.mlplatform.contract.usage.UsageResponse;

/**
 * A tenant's metered inference usage, asked on behalf of the signed-in user; across tenants it is
 * {@link AdminApi#usage}. Throws {@link PlatformApiException} with a readable message on failure.
 */
@ApplicationScoped
public class UsageReportsApi {

    private final UsageApi usage;

    @Inject
    UsageReportsApi(@RestClient UsageClient usage) {
        this((UsageApi) usage);
    }

    /** Takes the contract interface, so tests can pass an in-memory implementation. */
    public UsageReportsApi(UsageApi usage) {
        this.usage = usage;
    }

    /** Usage in {@code [from, to)}; {@code groupBy} null: one series. */
    public UsageResponse usage(
            String tenant,
            Instant from,
            Instant to,
            UsageGranularity granularity,
            UsageGroupBy groupBy) {
        return ApiCalls.call(() -> usage.get(tenant, from, to, granularity, groupBy));
    }
}
