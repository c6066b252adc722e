package org.mlplatform.api.quota;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;
import org.mlplatform.api.common.TtlCache;

/**
 * A tenant's status and inference limits for the gateway, at most {@code platform.quota.cache-ttl}
 * behind the database: a suspension or a new quota reaches every replica within a second.
 */
@ApplicationScoped
public class TenantLimitsCache {

    private final DataSource dataSource;
    private final QuotaConfig config;
    private final TtlCache<Long, TenantLimits> cache;

    public TenantLimitsCache(DataSource dataSource, QuotaConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.cache = new TtlCache<>(this::load, config.cacheTtl(), 100_000);
    }

    public CompletionStage<TenantLimits> get(long tenantId) {
        return cache.get(tenantId);
    }

    private TenantLimits load(long tenantId) {
        String sql =
                "select t.slug, t.name, t.status, q.tenant_id as has_quota,"
                        + " q.max_requests_per_second, q.monthly_inference_requests"
                        + " from tenants t left join tenant_quotas q on q.tenant_id = t.id"
                        + " where t.id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, tenantId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return new TenantLimits(tenantId, null, null, false, null, null);
                }
                boolean configured = row.getObject("has_quota") != null;
                return new TenantLimits(
                        tenantId,
                        row.getString("slug"),
                        row.getString("name"),
                        "ACTIVE".equals(row.getString("status")),
                        configured
                                ? (Integer) row.getObject("max_requests_per_second")
                                : config.defaultMaxRequestsPerSecond().orElse(null),
                        configured
                                ? (Long) row.getObject("monthly_inference_requests")
                                : config.defaultMonthlyInferenceRequests().orElse(null));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read tenant " + tenantId, e);
        }
    }
}
