package org.mlplatform.api.usage;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.mlplatform.api.common.InvalidRequestException;
import org.mlplatform.contract.common.ProblemDetail.FieldError;
import org.mlplatform.contract.usage.UsageGranularity;
import org.mlplatform.contract.usage.UsageGroupBy;
import org.mlplatform.contract.usage.UsagePoint;
import org.mlplatform.contract.usage.UsageResponse;
import org.mlplatform.contract.usage.UsageSeries;

/** Reads usage buckets back as series of points, summed per interval with date_trunc in UTC. */
@ApplicationScoped
public class UsageQuery {

    static final long MAX_POINTS = 10_000;

    private final DataSource dataSource;
    private final UsageLabels labels;

    public UsageQuery(DataSource dataSource, UsageLabels labels) {
        this.dataSource = dataSource;
        this.labels = labels;
    }

    /**
     * Usage of one tenant, or of all with {@code tenantId} null.
     *
     * @throws InvalidRequestException for from ≥ to or more than 10,000 points
     */
    public UsageResponse query(
            Long tenantId,
            Instant from,
            Instant to,
            UsageGranularity granularity,
            UsageGroupBy by) {
        Instant end = to != null ? to : Instant.now();
        Instant start = from != null ? from : end.minus(Duration.ofHours(24));
        UsageGranularity g = granularity != null ? granularity : UsageGranularity.HOUR;
        if (!start.isBefore(end)) {
            throw invalid("from", "must be before to");
        }
        long width = g == UsageGranularity.MINUTE ? 60 : g == UsageGranularity.HOUR ? 3600 : 86400;
        if (Duration.between(start, end).getSeconds() / width > MAX_POINTS) {
            throw invalid("granularity", "the range has more than 10000 points; use a coarser one");
        }
        Map<String, List<UsagePoint>> series = read(tenantId, start, end, g, by);
        Map<String, String> names = labels.of(by, series.keySet());
        List<UsageSeries> out = new ArrayList<>();
        series.forEach(
                (group, points) ->
                        out.add(
                                new UsageSeries(
                                        group,
                                        names.getOrDefault(group, group),
                                        points,
                                        total(points))));
        return new UsageResponse(start, end, g, by, out);
    }

    private Map<String, List<UsagePoint>> read(
            Long tenantId, Instant from, Instant to, UsageGranularity g, UsageGroupBy by) {
        String group =
                by == null
                        ? "'all'"
                        : switch (by) {
                            case KEY -> "coalesce(api_key_id::text, '" + UsageLabels.MEMBERS + "')";
                            case MODEL -> "model";
                            case TENANT -> "tenant_id::text";
                        };
        String sql =
                "select date_trunc(?, minute, 'UTC') as start, "
                        + group
                        + " as grp, sum(requests), sum(case when status_class = 2 then requests"
                        + " else 0 end), sum(case when status_class = 4 then requests else 0 end),"
                        + " sum(rate_limited), sum(case when status_class = 5 then requests else 0"
                        + " end), sum(items), sum(latency_sum_ms), max(latency_max_ms)"
                        + " from usage_buckets where (?::bigint is null or tenant_id = ?)"
                        + " and minute >= ? and minute < ? group by 1, 2 order by 2, 1";
        Map<String, List<UsagePoint>> series = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, g.wireName());
            statement.setObject(2, tenantId, Types.BIGINT);
            statement.setObject(3, tenantId, Types.BIGINT);
            statement.setTimestamp(4, Timestamp.from(from));
            statement.setTimestamp(5, Timestamp.from(to));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    long requests = row.getLong(3);
                    series.computeIfAbsent(row.getString(2), k -> new ArrayList<>())
                            .add(
                                    new UsagePoint(
                                            row.getTimestamp(1).toInstant(),
                                            requests,
                                            row.getLong(4),
                                            row.getLong(5),
                                            row.getLong(6),
                                            row.getLong(7),
                                            row.getLong(8),
                                            requests == 0 ? null : row.getDouble(9) / requests,
                                            row.getDouble(10)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read usage", e);
        }
        return series;
    }

    private static UsagePoint total(List<UsagePoint> points) {
        long requests = 0, ok = 0, client = 0, limited = 0, server = 0, items = 0;
        double latency = 0, max = 0;
        for (UsagePoint p : points) {
            requests += p.requests();
            ok += p.succeeded();
            client += p.clientErrors();
            limited += p.rateLimited();
            server += p.serverErrors();
            items += p.items();
            latency += p.meanLatencyMs() == null ? 0 : p.meanLatencyMs() * p.requests();
            max = Math.max(max, p.maxLatencyMs() == null ? 0 : p.maxLatencyMs());
        }
        Instant start = points.isEmpty() ? null : points.get(0).start();
        return new UsagePoint(
                start,
                requests,
                ok,
                client,
                limited,
                server,
                items,
                requests == 0 ? null : latency / requests,
                max);
    }

    static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(
                "The query has invalid parameters.", List.of(new FieldError(field, message)));
    }
}
