package org.mlplatform.serving;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Logs at start-up which network transport Vert.x chose for the HTTP servers and clients: io_uring
 * where the kernel allows it (Linux 5.9 or newer, not refused by a seccomp profile, as container
 * runtimes' default profiles do), Netty's epoll on other Linux x86-64 hosts, Java NIO elsewhere.
 * io_uring hands a loop's socket reads and writes to the kernel in one system call, which is what a
 * batch's answers, written together, gain from (docs/operations.md).
 */
@ApplicationScoped
public class NetworkTransport {

    private static final Logger LOG = Logger.getLogger(NetworkTransport.class);

    void logChoice(@Observes StartupEvent event, Vertx vertx) {
        LOG.infof("Network transport: %s", name(vertx));
    }

    /** {@code io_uring}, {@code epoll}, {@code kqueue} or {@code nio}. */
    public static String name(Vertx vertx) {
        String transport = ((VertxInternal) vertx).transport().getClass().getSimpleName();
        return switch (transport) {
            case "IOUringTransport" -> "io_uring";
            case "EpollTransport" -> "epoll";
            case "KQueueTransport" -> "kqueue";
            case "JDKTransport" -> "nio";
            default -> transport;
        };
    }
}
