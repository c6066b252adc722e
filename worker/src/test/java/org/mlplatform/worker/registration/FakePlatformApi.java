package org.mlplatform.worker.registration;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server that plays platform-api's worker API and Keycloak's token endpoint, and
 * records what the worker sends. Shared by every test of the worker, so they all run in one
 * application (DJL's natives load once per JVM).
 */
public class FakePlatformApi implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "test-access-token";
    private static final Pattern HEARTBEAT =
            Pattern.compile("/internal/v1/workers/([0-9a-f-]{36})/heartbeat");

    /** A call the worker made. */
    record Call(String path, String authorization, String body) {}

    static final List<Call> REGISTRATIONS = new CopyOnWriteArrayList<>();
    static final List<Call> HEARTBEATS = new CopyOnWriteArrayList<>();
    static final List<Call> TOKEN_REQUESTS = new CopyOnWriteArrayList<>();
    static final List<UUID> ISSUED_IDS = new CopyOnWriteArrayList<>();
    static final AtomicInteger UNKNOWN_HEARTBEATS = new AtomicInteger();
    private static final Set<UUID> KNOWN_WORKERS = ConcurrentHashMap.newKeySet();

    private HttpServer server;

    /** Makes the platform forget every worker, so the next heartbeat gets 404. */
    static void forgetWorkers() {
        KNOWN_WORKERS.clear();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", this::token);
        server.createContext("/internal/v1/workers", this::workers);
        server.start();
        String base = "http://localhost:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.rest-client.platform-api.url",
                base,
                "quarkus.oidc-client.auth-server-url",
                base,
                "quarkus.oidc-client.discovery-enabled",
                "false",
                "quarkus.oidc-client.token-path",
                "/token");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        TOKEN_REQUESTS.add(
                new Call(
                        exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        body(exchange)));
        respond(
                exchange,
                200,
                "{\"access_token\":\""
                        + TOKEN
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private void workers(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Call call =
                new Call(
                        path,
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        body(exchange));
        if (path.equals("/internal/v1/workers/register")) {
            REGISTRATIONS.add(call);
            UUID id = UUID.randomUUID();
            KNOWN_WORKERS.add(id);
            ISSUED_IDS.add(id);
            respond(
                    exchange,
                    200,
                    "{\"id\":\"" + id + "\",\"name\":\"test-worker\",\"status\":\"ONLINE\"}");
            return;
        }
        Matcher heartbeat = HEARTBEAT.matcher(path);
        if (heartbeat.matches() && "POST".equals(exchange.getRequestMethod())) {
            HEARTBEATS.add(call);
            boolean known = KNOWN_WORKERS.contains(UUID.fromString(heartbeat.group(1)));
            if (!known) {
                UNKNOWN_HEARTBEATS.incrementAndGet();
            }
            respond(exchange, known ? 204 : 404, null);
            return;
        }
        respond(exchange, 404, null);
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
