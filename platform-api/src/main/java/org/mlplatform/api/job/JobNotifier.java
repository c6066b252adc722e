package org.mlplatform.api.job;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on {@link JobQueue#CHANNEL} with a dedicated JDBC connection (outside the pool) in a
 * background thread and wakes the claims that wait for work. Waiters also wake at least every
 * second, which covers backoff deadlines and a listener that is reconnecting.
 */
@ApplicationScoped
public class JobNotifier {

    private static final Logger LOG = Logger.getLogger(JobNotifier.class);
    private static final int POLL_MILLIS = 500;

    private final String url;
    private final String username;
    private final Optional<String> password;
    private final Object signal = new Object();
    private long generation;
    private volatile boolean running;
    private Thread thread;

    public JobNotifier(
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "jobs-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** The current generation; pass it to {@link #awaitChange} to wait for the next wake-up. */
    public long generation() {
        synchronized (signal) {
            return generation;
        }
    }

    /** Waits until a job is announced after {@code seen}, or {@code max} has passed. */
    public void awaitChange(long seen, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (signal) {
            while (generation == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                signal.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Wakes every waiting claim. */
    public void wake() {
        synchronized (signal) {
            generation++;
            signal.notifyAll();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection =
                    DriverManager.getConnection(url, username, password.orElse(null))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + JobQueue.CHANNEL);
                }
                // Jobs queued while we were not listening are found by the next claim.
                wake();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        wake();
                    }
                }
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("Job listener lost its connection (%s); reconnecting", e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
