package org.mlplatform.api.apikey;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps when each key was last used in memory and writes it in one batch every {@code
 * platform.api-keys.last-used-interval} (a minute): at most one write per key per interval, never
 * on the request's path.
 */
@ApplicationScoped
public class LastUsedRecorder {

    private static final Logger LOG = Logger.getLogger(LastUsedRecorder.class);

    private final DataSource dataSource;
    private final Map<UUID, Instant> used = new ConcurrentHashMap<>();

    public LastUsedRecorder(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void touch(UUID keyId) {
        used.put(keyId, Instant.now());
    }

    @Scheduled(
            every = "${platform.api-keys.last-used-interval:60s}",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void write() {
        Map<UUID, Instant> batch = new HashMap<>();
        used.keySet().forEach(id -> batch.put(id, used.remove(id)));
        batch.values().removeIf(java.util.Objects::isNull);
        if (batch.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement(
                                "update api_keys set last_used_at = ? where id = ?"
                                        + " and (last_used_at is null or last_used_at < ?)")) {
            for (Map.Entry<UUID, Instant> e : batch.entrySet()) {
                Timestamp at = Timestamp.from(e.getValue());
                statement.setTimestamp(1, at);
                statement.setObject(2, e.getKey());
                statement.setTimestamp(3, at);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (Exception e) {
            LOG.warnf("Keys' last use not written (%s)", e.toString());
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        write();
    }
}
