package org.mlplatform.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mlplatform.contract.usage.AdminUsageApi;
import org.mlplatform.contract.usage.UsageApi;
import org.mlplatform.contract.usage.UsageGranularity;
import org.mlplatform.contract.usage.UsageGroupBy;
import org.mlplatform.contract.usage.UsagePoint;
import org.mlplatform.contract.usage.UsageResponse;
import org.mlplatform.contract.usage.UsageSeries;
import org.mlplatform.portal.api.PlatformApiException;

/**
 * Usage as a test sets it in {@link #series}: every query is recorded in {@link #queries} (the
 * admin's with {@code admin} true) and answered with those series; {@link #failure} makes the next
 * query fail.
 */
public class FakeUsage implements UsageApi {

    /** One usage query as the portal sent it. */
    public record Query(
            boolean admin,
            String tenant,
            Instant from,
            Instant to,
            UsageGranularity granularity,
            UsageGroupBy groupBy) {}

    public final List<Query> queries = new ArrayList<>();
    public List<UsageSeries> series = List.of();
    public PlatformApiException failure;

    /** The admin side: the same answers, recorded as admin queries. */
    public final AdminUsageApi admin =
            (tenant, from, to, granularity, groupBy) ->
                    answer(new Query(true, tenant, from, to, granularity, groupBy));

    /** A point with {@code requests} calls of which {@code rateLimited} got 429. */
    public static UsagePoint point(Instant start, long requests, long rateLimited, double latency) {
        return new UsagePoint(
                start,
                requests,
                requests - rateLimited,
                rateLimited,
                rateLimited,
                0,
                requests - rateLimited,
                latency,
                latency * 2);
    }

    /** A series whose total sums its points. */
    public static UsageSeries series(String group, String label, List<UsagePoint> points) {
        long requests = points.stream().mapToLong(UsagePoint::requests).sum();
        long limited = points.stream().mapToLong(UsagePoint::rateLimited).sum();
        double latency = points.stream().mapToDouble(UsagePoint::meanLatencyMs).average().orElse(0);
        return new UsageSeries(
                group,
                label,
                points,
                point(points.isEmpty() ? null : points.get(0).start(), requests, limited, latency));
    }

    @Override
    public UsageResponse get(
            String tenant,
            Instant from,
            Instant to,
            UsageGranularity granularity,
            UsageGroupBy groupBy) {
        return answer(new Query(false, tenant, from, to, granularity, groupBy));
    }

    private UsageResponse answer(Query query) {
        queries.add(query);
        if (failure != null) {
            PlatformApiException f = failure;
            failure = null;
            throw f;
        }
        return new UsageResponse(
                query.from(), query.to(), query.granularity(), query.groupBy(), series);
    }
}
