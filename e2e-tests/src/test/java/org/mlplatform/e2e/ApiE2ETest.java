package org.mlplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.mlplatform.e2e.Platform.API;
import static org.mlplatform.e2e.Platform.as;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mlplatform.contract.tenant.TenantStatus;
import org.mlplatform.contract.tenant.UpdateTenantRequest;
import org.mlplatform.contract.worker.RegisterWorkerRequest;

/** The packaged platform over HTTP, with real Keycloak tokens. */
@Tag("e2e")
@Order(1)
class ApiE2ETest {

    @ParameterizedTest
    @ValueSource(strings = {"platform-api", "portal-ui", "worker"})
    void shouldReportEveryAppHealthy(String app) {
        String url =
                switch (app) {
                    case "platform-api" -> API;
                    case "portal-ui" -> Platform.PORTAL;
                    default -> Platform.WORKER;
                };
        given().get(url + "/q/health").then().statusCode(200).body("status", equalTo("UP"));
        assertThat(given().get(url + "/q/metrics").then().statusCode(200).extract().asString())
                .contains("# TYPE jvm_memory_used_bytes");
    }

    @Test
    void shouldDescribeTheApiInOpenApi() {
        String spec =
                given().get(API + "/q/openapi?format=json")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(spec).contains("/api/v1/admin/tenants", "/api/v1/tenants/{tenant}/members");
        given().get(API + "/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void shouldReportTheDjlEngineInTheWorkerHealthCheck() {
        String health = given().get(Platform.WORKER + "/q/health").asString();
        assertThat(health).contains("PyTorch");
    }

    @Test
    void shouldShowAliceAsOwnerOfAcme() {
        as("alice")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("alice"))
                .body("platformAdmin", equalTo(false))
                .body("tenants.find { it.slug == 'acme' }.role", equalTo("OWNER"));
    }

    @Test
    void shouldRefuseRequestsWithoutATokenAsProblemJson() {
        given().get(API + "/api/v1/me")
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void shouldHideOtherTenantsMembersFromAlice() {
        as("alice")
                .get("/api/v1/tenants/globex/members")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void shouldForbidMembersOfASuspendedTenant() {
        String slug = Platform.createTenant("initech", "Initech", "bob");
        as("bob").get("/api/v1/tenants/" + slug + "/members").then().statusCode(200);

        as("admin")
                .body(new UpdateTenantRequest(null, TenantStatus.SUSPENDED))
                .patch("/api/v1/admin/tenants/" + slug)
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"));

        as("bob")
                .get("/api/v1/tenants/" + slug + "/members")
                .then()
                .statusCode(403)
                .contentType(startsWith("application/problem+json"));
        as("admin")
                .get("/api/v1/admin/audit-events?tenant=" + slug)
                .then()
                .statusCode(200)
                .body("items.action", hasItem("tenant.suspended"));
    }

    @Test
    void shouldListTheWorkerWithARecentHeartbeat() {
        Platform.await(
                "the worker to be listed with a heartbeat in the last 30 s",
                Duration.ofSeconds(60),
                () -> {
                    JsonPath workers =
                            as("admin").get("/api/v1/admin/workers").then().extract().jsonPath();
                    List<String> beats = workers.getList("lastHeartbeatAt");
                    return beats.stream()
                            .filter(b -> b != null)
                            .map(Instant::parse)
                            .anyMatch(t -> t.isAfter(Instant.now().minusSeconds(30)));
                });
        as("admin")
                .get("/api/v1/admin/workers")
                .then()
                .statusCode(200)
                .body("engine", hasItem("PyTorch"))
                .body("status", hasItem("ONLINE"));
    }

    @Test
    void shouldKeepTheWorkerApiForWorkers() {
        as("alice")
                .body(
                        new RegisterWorkerRequest(
                                "impostor",
                                "http://localhost:1",
                                null,
                                null,
                                null,
                                Map.of(),
                                null,
                                null))
                .post("/internal/v1/workers/register")
                .then()
                .statusCode(403);
    }
}
