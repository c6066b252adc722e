package org.mlplatform.api.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.TestData.asWorker;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.deployment.Deployments;

@QuarkusTest
class WorkersTest {

    @Test
    void shouldUpsertWorkerByName() {
        String name = TestData.unique("worker");
        String first = register(name, "http://10.0.0.1:8082");
        String second = register(name, "http://10.0.0.2:8082");
        assertThat(second).isEqualTo(first);
        JsonPath worker = adminView(name);
        assertThat(worker.getString("url")).isEqualTo("http://10.0.0.2:8082");
        assertThat(worker.getString("engine")).isEqualTo("PyTorch");
        assertThat(worker.getMap("capabilities")).containsEntry("device", "cpu");
        assertThat(worker.getString("status")).isEqualTo("ONLINE");
    }

    @Test
    void shouldShowOfflineAfterMissedHeartbeatsAndOnlineAfterHeartbeat() {
        String name = TestData.unique("worker");
        UUID id = UUID.fromString(register(name, "http://w"));
        Instant stale = Instant.now().minus(1, ChronoUnit.HOURS);
        QuarkusTransaction.requiringNew()
                .run(() -> Worker.update("lastHeartbeatAt = ?1 where id = ?2", stale, id));
        JsonPath before = adminView(name);
        assertThat(before.getString("status")).isEqualTo("OFFLINE");

        asWorker().post("/internal/v1/workers/{id}/heartbeat", id).then().statusCode(204);

        JsonPath after = adminView(name);
        assertThat(after.getString("status")).isEqualTo("ONLINE");
        assertThat(Instant.parse(after.getString("lastHeartbeatAt")))
                .isAfter(Instant.parse(before.getString("lastHeartbeatAt")));
    }

    @Test
    void shouldAnswer404ForHeartbeatOfUnknownWorker() {
        asWorker()
                .post("/internal/v1/workers/{id}/heartbeat", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldRefuseWorkerApiToUsersWithoutWorkerRole() {
        as(TestData.unique("user"), "platform-admin")
                .body(Map.of("name", TestData.unique("w"), "url", "http://w"))
                .post("/internal/v1/workers/register")
                .then()
                .statusCode(403);
        asWorker().get("/api/v1/admin/workers").then().statusCode(403);
    }

    @Test
    void shouldRejectRegistrationWithoutUrl() {
        asWorker()
                .body(Map.of("name", TestData.unique("w")))
                .post("/internal/v1/workers/register")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("url"));
    }

    @Test
    void shouldDefaultRolesToJobs() {
        String name = TestData.unique("worker");
        register(name, "http://w");
        assertThat(adminView(name).getList("roles", String.class)).containsExactly("JOBS");
    }

    @Test
    void shouldStoreRolesAndTokenButNeverShowTheToken() {
        String name = TestData.unique("worker");
        String token = "secret-" + UUID.randomUUID();
        String registered =
                asWorker()
                        .body(
                                Map.of(
                                        "name",
                                        name,
                                        "url",
                                        "http://w",
                                        "roles",
                                        List.of("JOBS", "INFERENCE"),
                                        "inferenceToken",
                                        token))
                        .post("/internal/v1/workers/register")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        String listed =
                as(TestData.unique("padmin"), "platform-admin")
                        .get("/api/v1/admin/workers")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();

        assertThat(registered).doesNotContain(token).contains("INFERENCE");
        assertThat(listed).doesNotContain(token);
        assertThat(adminView(name).getList("roles", String.class))
                .containsExactly("JOBS", "INFERENCE");
        String stored =
                QuarkusTransaction.requiringNew()
                        .call(() -> Worker.findByName(name).orElseThrow().inferenceToken);
        assertThat(stored).isEqualTo(token);
        Deployments.retire(UUID.fromString(JsonPath.from(registered).getString("id")));
    }

    @Test
    void shouldRequireATokenOfAnInferenceWorker() {
        asWorker()
                .body(
                        Map.of(
                                "name",
                                TestData.unique("w"),
                                "url",
                                "http://w",
                                "roles",
                                List.of("INFERENCE")))
                .post("/internal/v1/workers/register")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("inferenceToken"));
        asWorker()
                .body(
                        Map.of(
                                "name",
                                TestData.unique("w"),
                                "url",
                                "http://w",
                                "roles",
                                List.of("INFERENCE"),
                                "inferenceToken",
                                "short"))
                .post("/internal/v1/workers/register")
                .then()
                .statusCode(400);
    }

    private static String register(String name, String url) {
        return asWorker()
                .body(
                        Map.of(
                                "name",
                                name,
                                "url",
                                url,
                                "version",
                                "0.1.0",
                                "engine",
                                "PyTorch",
                                "engineVersion",
                                "2.7.1",
                                "capabilities",
                                Map.of("device", "cpu")))
                .post("/internal/v1/workers/register")
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .extract()
                .path("id");
    }

    private static JsonPath adminView(String name) {
        JsonPath all =
                as(TestData.unique("padmin"), "platform-admin")
                        .get("/api/v1/admin/workers")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        return new JsonPath(all.prettify()).setRootPath("find { it.name == '" + name + "' }");
    }
}
