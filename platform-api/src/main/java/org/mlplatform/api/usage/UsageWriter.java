package org.mlplatform.api.usage;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Map;
import javax.sql.DataSource;

/** Adds a batch of in-memory usage buckets to the database in one JDBC batch of upserts. */
@ApplicationScoped
class UsageWriter {

    private static final String UPSERT =
            "insert into usage_buckets as u (minute, tenant_id, api_key_id, model, version,"
                    + " status_class, requests, rate_limited, items, latency_sum_ms,"
                    + " latency_max_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " on conflict on constraint usage_buckets_key do update set"
                    + " requests = u.requests + excluded.requests,"
                    + " rate_limited = u.rate_limited + excluded.rate_limited,"
                    + " items = u.items + excluded.items,"
                    + " latency_sum_ms = u.latency_sum_ms + excluded.latency_sum_ms,"
                    + " latency_max_ms = greatest(u.latency_max_ms, excluded.latency_max_ms)";

    private final DataSource dataSource;

    UsageWriter(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void write(Map<UsageKey, UsageCell> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            for (Map.Entry<UsageKey, UsageCell> e : batch.entrySet()) {
                UsageKey key = e.getKey();
                UsageCell cell = e.getValue();
                statement.setTimestamp(1, Timestamp.from(key.minute()));
                statement.setLong(2, key.tenantId());
                statement.setObject(3, key.apiKeyId(), Types.OTHER);
                statement.setString(4, key.model());
                statement.setObject(5, key.version(), Types.INTEGER);
                statement.setShort(6, (short) key.statusClass());
                synchronized (cell) {
                    statement.setLong(7, cell.requests);
                    statement.setLong(8, cell.rateLimited);
                    statement.setLong(9, cell.items);
                    statement.setDouble(10, cell.latencySumMs);
                    statement.setDouble(11, cell.latencyMaxMs);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}
