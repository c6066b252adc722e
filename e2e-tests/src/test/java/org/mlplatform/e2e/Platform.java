package org.mlplatform.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.mlplatform.contract.tenant.CreateTenantRequest;

/** Where the running platform is, and how a test signs in to it. */
final class Platform {
    static final String API = System.getProperty("platform.api.url", "http://localhost:8080");
    static final String PORTAL = System.getProperty("platform.portal.url", "http://localhost:8081");
    static final String WORKER = System.getProperty("platform.worker.url", "http://localhost:8082");
    static final String KEYCLOAK =
            System.getProperty("platform.keycloak.url", "http://localhost:8180");
    static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath();
    static final Path DATA =
            Path.of(System.getProperty("platform.data", ROOT.resolve(".platform-data").toString()));

    private Platform() {}

    /** An access token from Keycloak's password grant on the public client {@code platform-cli}. */
    static String token(String username, String password) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", "platform-cli")
                .formParam("username", username)
                .formParam("password", password)
                .post(KEYCLOAK + "/realms/platform/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A request to platform-api as the demo user of that name (password = username). */
    static RequestSpecification as(String username) {
        return given().baseUri(API)
                .auth()
                .oauth2(token(username, username))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /**
     * A new tenant (slug: {@code prefix} made unique) with the demo user {@code owner} as its
     * owner, created by the platform admin; returns the slug.
     */
    static String createTenant(String prefix, String name, String owner) {
        String slug = unique(prefix);
        as("admin")
                .body(new CreateTenantRequest(slug, name, owner))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(201);
        return slug;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Starts one more process of a packaged app ({@code <module>/target/quarkus-app}) beside the
     * running platform, on {@code port}, logging to {@code logs/<name>.log} in the data directory,
     * and waits until it reports ready.
     */
    static Process startApp(
            String module, String name, int port, List<String> jvmOptions, Map<String, String> env)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("java", "-Dquarkus.http.port=" + port));
        command.addAll(jvmOptions);
        command.addAll(
                List.of(
                        "-jar",
                        ROOT.resolve(module + "/target/quarkus-app/quarkus-run.jar").toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(DATA.resolve("logs/" + name + ".log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health =
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
        await(
                name + " to be ready on port " + port,
                Duration.ofMinutes(2),
                () -> {
                    if (!process.isAlive()) {
                        throw new AssertionError(name + " exited; see logs/" + name + ".log");
                    }
                    try {
                        return http.send(health, HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                });
        return process;
    }

    /** Polls until the condition holds; fails after the deadline. */
    static void await(String what, Duration limit, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
