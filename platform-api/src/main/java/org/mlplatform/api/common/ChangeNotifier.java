package org.mlplatform.api.common;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.mlplatform.contract.concurrent.DaemonLoop;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Changes announced through PostgreSQL's LISTEN/NOTIFY, so that every platform-api replica hears
 * them at once: {@link #announce} sends one in the caller's transaction (heard only when it
 * commits), and a background thread with a dedicated JDBC connection (outside the pool) listens on
 * every {@link Channel}. Waiters ({@link #awaitChange}) and subscribers ({@link #subscribe}) also
 * see a wake-up whenever the listener (re)connects, since changes made while it was not listening
 * were not heard; waiters should still wake on a timer of their own for what no one announces.
 */
@ApplicationScoped
public class ChangeNotifier {

    /** What is announced, each on its own PostgreSQL channel. */
    public enum Channel {
        /** A job was queued or requeued: claims waiting for work try again. */
        JOBS("jobs_queued"),
        /**
         * A deployment was created, changed or deleted, a model's default version changed, or a
         * worker reported or withdrew a replica: routing and assignments are worked out again.
         */
        DEPLOYMENTS("deployments_changed");

        private final String name;

        Channel(String name) {
            this.name = name;
        }

        static Optional<Channel> named(String name) {
            for (Channel c : values()) {
                if (c.name.equals(name)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    private static final Logger LOG = Logger.getLogger(ChangeNotifier.class);
    private static final int POLL_MILLIS = 500;

    private final String url;
    private final String username;
    private final Optional<String> password;
    private final EntityManager em;
    private final Object signal = new Object();
    private final Map<Channel, Long> generations = new EnumMap<>(Channel.class);
    private final Map<Channel, List<Runnable>> subscribers = new EnumMap<>(Channel.class);
    private final DaemonLoop listener = new DaemonLoop("change-listener", this::listen);

    public ChangeNotifier(
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            EntityManager em) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.em = em;
        for (Channel c : Channel.values()) {
            generations.put(c, 0L);
            subscribers.put(c, new CopyOnWriteArrayList<>());
        }
    }

    void start(@Observes StartupEvent event) {
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        listener.stop();
    }

    /** Announces a change on commit of the caller's transaction, to every replica. */
    @Transactional(TxType.MANDATORY)
    public void announce(Channel channel) {
        em.createNativeQuery("select pg_notify(?1, '')")
                .setParameter(1, channel.name)
                .getSingleResult();
    }

    /** The channel's current generation; pass it to {@link #awaitChange} to wait for the next. */
    public long generation(Channel channel) {
        synchronized (signal) {
            return generations.get(channel);
        }
    }

    /**
     * Waits until the channel's generation moved past {@code seen}, or {@code max} has passed.
     *
     * @return whether it moved
     */
    public boolean awaitChange(Channel channel, long seen, Duration max)
            throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        synchronized (signal) {
            while (generations.get(channel) == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                signal.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /**
     * Runs {@code subscriber} on the listener's thread after each wake-up of the channel; it must
     * return quickly (hand work to a thread of its own).
     */
    public void subscribe(Channel channel, Runnable subscriber) {
        subscribers.get(channel).add(subscriber);
    }

    /** Wakes the channel's waiters and subscribers. */
    private void wake(Channel channel) {
        synchronized (signal) {
            generations.merge(channel, 1L, Long::sum);
            signal.notifyAll();
        }
        for (Runnable subscriber : subscribers.get(channel)) {
            try {
                subscriber.run();
            } catch (RuntimeException e) {
                LOG.warnf("A subscriber of %s failed: %s", channel, e);
            }
        }
    }

    /** One connection's listening, until it fails (then a second's pause) or the loop stops. */
    private void listen() {
        try (Connection connection =
                DriverManager.getConnection(url, username, password.orElse(null))) {
            try (Statement statement = connection.createStatement()) {
                for (Channel c : Channel.values()) {
                    statement.execute("LISTEN " + c.name);
                }
            }
            // Changes made while we were not listening were not heard.
            for (Channel c : Channel.values()) {
                wake(c);
            }
            PGConnection pg = connection.unwrap(PGConnection.class);
            while (listener.running()) {
                PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
                if (notifications != null) {
                    wakeOnce(notifications);
                }
            }
        } catch (Exception e) {
            if (listener.running()) {
                LOG.warnf("Change listener lost its connection (%s); reconnecting", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** One wake-up per channel, however many of its notifications arrived together. */
    private void wakeOnce(PGNotification[] notifications) {
        boolean[] heard = new boolean[Channel.values().length];
        for (PGNotification n : notifications) {
            Channel.named(n.getName()).ifPresent(c -> heard[c.ordinal()] = true);
        }
        for (Channel c : Channel.values()) {
            if (heard[c.ordinal()]) {
                wake(c);
            }
        }
    }
}
