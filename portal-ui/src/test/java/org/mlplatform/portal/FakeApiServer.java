package org.mlplatform.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.me.MeResponse;
import org.mlplatform.contract.me.TenantMembershipResponse;
import org.mlplatform.contract.tenant.TenantRole;
import org.mlplatform.contract.tenant.TenantStatus;
import org.mlplatform.contract.training.TrainingTask;

/**
 * A tiny platform-api over real HTTP for tests of the assembled portal: alice, OWNER of acme, with
 * one running training job whose events live in {@link #TRAINING}.
 */
public class FakeApiServer implements QuarkusTestResourceLifecycleManager {

    public static final FakeTraining TRAINING = new FakePlatform().training;
    public static final UUID JOB =
            TRAINING.job("acme", JobStatus.RUNNING, TrainingTask.CLASSIFICATION, 0, null).id();

    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final MeResponse ALICE =
            new MeResponse(
                    "alice",
                    "alice@example.com",
                    "Alice",
                    false,
                    List.of(
                            new TenantMembershipResponse(
                                    "acme", "Acme", TenantStatus.ACTIVE, TenantRole.OWNER)));

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::answer);
        server.start();
        return Map.of(
                "quarkus.rest-client.platform-api.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        String jobPath = "/api/v1/tenants/acme/training-jobs/" + JOB;
        Object body;
        synchronized (TRAINING) {
            if (path.equals("/api/v1/me")) {
                body = ALICE;
            } else if (path.equals(jobPath)) {
                body = TRAINING.get("acme", JOB);
            } else if (path.equals(jobPath + "/events")) {
                long after =
                        query != null && query.startsWith("after=")
                                ? Long.parseLong(query.substring(6).split("&")[0])
                                : 0;
                body = TRAINING.events("acme", JOB, after, null);
            } else {
                body = null;
            }
        }
        byte[] bytes =
                body == null
                        ? "{\"status\":404,\"title\":\"Not Found\"}"
                                .getBytes(StandardCharsets.UTF_8)
                        : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders()
                .set(
                        "Content-Type",
                        body == null ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
