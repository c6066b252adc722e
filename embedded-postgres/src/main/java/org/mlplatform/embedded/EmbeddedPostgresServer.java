package org.mlplatform.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL 16 server run from the binaries in a jar, with one application database and
 * role. Used by {@code ./platform up} (data kept between runs) and by tests (a fresh directory).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /**
     * Starts the server and makes sure the database and its owner role exist.
     *
     * @param port the TCP port on loopback; 0 picks a free one
     * @param dataDirectory where the cluster lives; kept when it already holds one
     * @param database the application database, owned by a role of the same name whose password is
     *     also that name (the server only listens on loopback)
     * @param moreDatabases further databases made the same way (Keycloak's, for example)
     */
    public static EmbeddedPostgresServer start(
            int port, Path dataDirectory, String database, String... moreDatabases)
            throws IOException, SQLException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder =
                EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("max_connections", "200")
                        // The embedded defaults turn fsync off, so a power cut could corrupt the
                        // cluster. With fsync on and synchronous_commit off (the default here) a
                        // crash of the machine loses at most the last few hundred milliseconds of
                        // commits and never corrupts what is stored.
                        .setServerConfig("fsync", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), database);
        server.ensureDatabase(database);
        for (String more : moreDatabases) {
            server.ensureDatabase(more);
        }
        return server;
    }

    private void ensureDatabase(String database) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", database)) {
                s.execute("create role \"" + database + "\" login password '" + database + "'");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", database)) {
                s.execute("create database \"" + database + "\" owner \"" + database + "\"");
            }
        }
    }

    private static boolean exists(Connection c, String sql, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** The JDBC URL of the application database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The application role's name, which is also its password. */
    public String username() {
        return database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
