package org.mlplatform.portal.layout;

import com.vaadin.flow.shared.Registration;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Background refreshes of attached views, pushed to the browser with {@code ui.access(...)}. A task
 * runs on a small shared pool, never twice at once, until its registration is removed.
 */
@Singleton
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class);

    private ScheduledExecutorService scheduler;

    /** Runs {@code task} every {@code period} (after a first wait) off the request thread. */
    public Registration every(Duration period, Runnable task) {
        ScheduledFuture<?> future =
                scheduler()
                        .scheduleWithFixedDelay(
                                () -> runQuietly(task),
                                period.toMillis(),
                                period.toMillis(),
                                TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // A thrown exception would end the schedule silently; log it and try again next time.
            LOG.warnf(e, "A live update failed");
        }
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler =
                    Executors.newScheduledThreadPool(
                            2,
                            r -> {
                                Thread thread = new Thread(r, "portal-live-updates");
                                thread.setDaemon(true);
                                return thread;
                            });
        }
        return scheduler;
    }

    @PreDestroy
    synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
