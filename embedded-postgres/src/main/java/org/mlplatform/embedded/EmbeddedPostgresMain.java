package org.mlplatform.embedded;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded PostgreSQL server until the process is told to stop (SIGTERM or Ctrl-C), then
 * shuts the server down cleanly. {@code ./platform up} starts it.
 *
 * <p>Arguments: {@code <port> <data directory> <database> [more databases...]}; the first database
 * is the platform's.
 */
public final class EmbeddedPostgresMain {

    private EmbeddedPostgresMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println(
                    "usage: EmbeddedPostgresMain <port> <data-directory> <database> [database...]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path dataDirectory = Path.of(args[1]).toAbsolutePath();
        EmbeddedPostgresServer server =
                EmbeddedPostgresServer.start(
                        port, dataDirectory, args[2], Arrays.copyOfRange(args, 3, args.length));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    try {
                                        server.close();
                                        System.out.println("PostgreSQL stopped");
                                    } catch (Exception e) {
                                        System.err.println("PostgreSQL did not stop cleanly: " + e);
                                    } finally {
                                        stopped.countDown();
                                    }
                                }));
        System.out.println(
                "PostgreSQL ready on " + server.jdbcUrl() + " (data in " + dataDirectory + ")");
        stopped.await();
    }
}
