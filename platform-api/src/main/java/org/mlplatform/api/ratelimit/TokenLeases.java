package org.mlplatform.api.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The shared token buckets in PostgreSQL. One atomic upsert refills a bucket for the time passed,
 * takes up to the wanted tokens and says how many it gave and how many are left: replicas together
 * can never take more than the bucket holds.
 */
@ApplicationScoped
class TokenLeases {

    /** What a lease gave; {@code left} is what the shared bucket still holds. */
    record Lease(int granted, double left) {}

    private final DataSource dataSource;

    TokenLeases(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes up to {@code want} tokens from the bucket (created full on first use). */
    Lease lease(String bucket, double rate, int burst, int want) {
        String sql =
                "with refill as (select least(?::float8, tokens + greatest(0, extract(epoch from"
                        + " clock_timestamp() - updated_at)) * ?::float8) as avail from rate_buckets"
                        + " where bucket = ? for update),"
                        + " taken as (update rate_buckets set tokens = refill.avail -"
                        + " least(?::float8, floor(refill.avail)), updated_at = clock_timestamp()"
                        + " from refill where bucket = ? returning refill.avail)"
                        + " select avail from taken";
        try (Connection connection = dataSource.getConnection()) {
            Double avail = take(connection, sql, bucket, rate, burst, want);
            if (avail == null) {
                try (PreparedStatement insert =
                        connection.prepareStatement(
                                "insert into rate_buckets (bucket, tokens) values (?, ?)"
                                        + " on conflict do nothing")) {
                    insert.setString(1, bucket);
                    insert.setDouble(2, burst);
                    insert.executeUpdate();
                }
                avail = take(connection, sql, bucket, rate, burst, want);
            }
            double available = avail == null ? 0 : avail;
            int granted = (int) Math.min(want, Math.floor(available));
            return new Lease(granted, available - granted);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lease tokens of " + bucket, e);
        }
    }

    private static Double take(
            Connection connection, String sql, String bucket, double rate, int burst, int want)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setDouble(1, burst);
            statement.setDouble(2, rate);
            statement.setString(3, bucket);
            statement.setDouble(4, want);
            statement.setString(5, bucket);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? row.getDouble(1) : null;
            }
        }
    }
}
