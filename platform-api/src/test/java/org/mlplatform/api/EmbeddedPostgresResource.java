package org.mlplatform.api;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.mlplatform.embedded.EmbeddedPostgresServer;

/** One real PostgreSQL 16 on a free port in a fresh directory, shared by every test class. */
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgresServer server;
    private Path directory;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("platform-api-test-pg");
            server = EmbeddedPostgresServer.start(0, directory.resolve("data"), "platform");
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not start", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", server.jdbcUrl(),
                "quarkus.datasource.username", server.username(),
                "quarkus.datasource.password", server.username());
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.close();
            }
            if (directory != null) {
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
