package org.mlplatform.api.apikey;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import javax.sql.DataSource;
import org.mlplatform.api.common.TtlCache;
import org.mlplatform.contract.apikey.ApiKeyScope;

/**
 * Keys by key id for the gateway, at most {@code platform.api-keys.cache-ttl} behind the database
 * on every replica (so a revocation takes effect within a second everywhere); unknown key ids are
 * cached too. Reads with plain JDBC on a worker thread, never on the event loop.
 */
@ApplicationScoped
public class ApiKeyCache {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final TtlCache<String, Optional<CachedKey>> cache;

    public ApiKeyCache(DataSource dataSource, ObjectMapper json, ApiKeysConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.cache = new TtlCache<>(this::load, config.cacheTtl(), 100_000);
    }

    public CompletionStage<Optional<CachedKey>> find(String keyId) {
        return cache.get(keyId);
    }

    public void invalidate(String keyId) {
        cache.invalidate(keyId);
    }

    /** Database reads so far; tests check that bad checksums cause none. */
    public long databaseReads() {
        return cache.loads();
    }

    private Optional<CachedKey> load(String keyId) {
        String sql =
                "select id, tenant_id, name, secret_hash, previous_secret_hash,"
                        + " previous_secret_expires_at, scopes, models, rate_rps, rate_burst,"
                        + " monthly_request_limit, expires_at, revoked_at"
                        + " from api_keys where key_id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, keyId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                Set<ApiKeyScope> scopes = new HashSet<>();
                for (String scope : json.readValue(row.getString("scopes"), STRINGS)) {
                    scopes.add(ApiKeyScope.fromString(scope));
                }
                return Optional.of(
                        new CachedKey(
                                row.getObject("id", UUID.class),
                                row.getLong("tenant_id"),
                                row.getString("name"),
                                row.getBytes("secret_hash"),
                                row.getBytes("previous_secret_hash"),
                                instant(row.getTimestamp("previous_secret_expires_at")),
                                Set.copyOf(scopes),
                                Set.copyOf(json.readValue(row.getString("models"), STRINGS)),
                                (Double) row.getObject("rate_rps"),
                                (Integer) row.getObject("rate_burst"),
                                (Long) row.getObject("monthly_request_limit"),
                                instant(row.getTimestamp("expires_at")),
                                instant(row.getTimestamp("revoked_at"))));
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Could not read API key " + keyId, e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
