package org.mlplatform.api.deployment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.deployment.Deployments.deploy;
import static org.mlplatform.api.deployment.Deployments.deployed;
import static org.mlplatform.api.deployment.Deployments.readyVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.model.Models;

@QuarkusTest
class DeploymentsTest {

    @Test
    void shouldDeployReadyVersionAsPendingWithDefaults() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        int version = readyVersion(team.slug(), team.member(), model);

        Response created = deploy(team.slug(), team.member(), model, version, Map.of());

        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String id = created.path("id");
        assertThat(created.header("Location"))
                .endsWith("/api/v1/tenants/" + team.slug() + "/deployments/" + id);
        JsonPath got =
                as(team.viewer())
                        .get("/api/v1/tenants/{t}/deployments/{id}", team.slug(), id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(got.getString("model")).isEqualTo(model);
        assertThat(got.getInt("version")).isEqualTo(version);
        assertThat(got.getString("format")).isEqualTo("ONNX");
        assertThat(got.getString("status")).isEqualTo("PENDING");
        assertThat(got.getInt("maxBatchSize")).isEqualTo(8);
        assertThat(got.getInt("maxBatchDelayMs")).isEqualTo(2);
        assertThat(got.getInt("replicas")).isEqualTo(1);
        assertThat(got.getBoolean("defaultVersion")).isTrue();
        assertThat(got.getList("replicaStatus")).isEmpty();
        assertThat(got.getString("readyAt")).isNull();
    }

    @Test
    void shouldKeepGivenBatchingAndReplicas() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        int version = readyVersion(team.slug(), team.member(), model);

        Response created =
                deploy(
                        team.slug(),
                        team.member(),
                        model,
                        version,
                        Map.of("maxBatchSize", 32, "maxBatchDelayMs", 0, "replicas", 3));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.<Integer>path("maxBatchSize")).isEqualTo(32);
        assertThat(created.<Integer>path("maxBatchDelayMs")).isEqualTo(0);
        assertThat(created.<Integer>path("replicas")).isEqualTo(3);
    }

    @Test
    void shouldRejectInvalidRequestsWith400() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        int version = readyVersion(team.slug(), team.member(), model);
        for (Map<String, Object> bad :
                new Map[] {
                    Map.of("version", version),
                    Map.of("model", model),
                    Map.of("model", model, "version", 0),
                    Map.of("model", model, "version", version, "maxBatchSize", 0),
                    Map.of("model", model, "version", version, "maxBatchDelayMs", 1001),
                    Map.of("model", model, "version", version, "replicas", 17)
                }) {
            as(team.member())
                    .body(bad)
                    .post("/api/v1/tenants/{t}/deployments", team.slug())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void shouldAnswer404ForUnknownModelOrVersion() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        readyVersion(team.slug(), team.member(), model);

        assertThat(deploy(team.slug(), team.member(), "nope", 1, Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(deploy(team.slug(), team.member(), model, 7, Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void shouldAnswer409ForVersionNotReadyOrDeployedAlready() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        int ready = readyVersion(team.slug(), team.member(), model);
        int validating =
                Models.upload(team.slug(), team.member(), model, Models.randomBytes(10))
                        .path("version");
        deployed(team.slug(), team.member(), model, ready);

        Response notReady = deploy(team.slug(), team.member(), model, validating, Map.of());
        Response again = deploy(team.slug(), team.member(), model, ready, Map.of());

        assertThat(notReady.statusCode()).isEqualTo(409);
        assertThat(notReady.<String>path("detail")).contains("VALIDATING");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.<String>path("detail")).contains("deployed already");
    }

    @Test
    void shouldListNewestFirstAndFilterByModel() {
        Team team = TestData.team();
        String a = Models.create(team.slug(), team.member());
        String b = Models.create(team.slug(), team.member());
        String first =
                deployed(
                        team.slug(), team.member(), a, readyVersion(team.slug(), team.member(), a));
        String second =
                deployed(
                        team.slug(), team.member(), b, readyVersion(team.slug(), team.member(), b));

        JsonPath all =
                as(team.viewer())
                        .get("/api/v1/tenants/{t}/deployments", team.slug())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        JsonPath onlyA =
                as(team.viewer())
                        .get("/api/v1/tenants/{t}/deployments?model={m}", team.slug(), a)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();

        assertThat(all.getList("items.id", String.class)).containsExactly(second, first);
        assertThat(all.getLong("total")).isEqualTo(2);
        assertThat(onlyA.getList("items.id", String.class)).containsExactly(first);
    }

    @Test
    void shouldHideAnotherTenantsDeploymentOnEveryEndpoint() {
        Team team = TestData.team();
        String theirModel = Models.create(team.otherSlug(), team.outsider());
        String theirs =
                deployed(
                        team.otherSlug(),
                        team.outsider(),
                        theirModel,
                        readyVersion(team.otherSlug(), team.outsider(), theirModel));

        as(team.owner())
                .get("/api/v1/tenants/{t}/deployments/{id}", team.slug(), theirs)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(team.owner())
                .delete("/api/v1/tenants/{t}/deployments/{id}", team.slug(), theirs)
                .then()
                .statusCode(404);
        as(team.owner())
                .body(Map.of("replicas", 2))
                .patch("/api/v1/tenants/{t}/deployments/{id}", team.slug(), theirs)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        as(team.outsider())
                .get("/api/v1/tenants/{t}/deployments/{id}", team.otherSlug(), theirs)
                .then()
                .body("replicas", org.hamcrest.Matchers.equalTo(1));
        assertThat(deploy(team.slug(), team.owner(), theirModel, 1, Map.of()).statusCode())
                .isEqualTo(404);
        as(team.owner())
                .get("/api/v1/tenants/{t}/deployments", team.slug())
                .then()
                .statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        as(team.owner())
                .get("/api/v1/tenants/{t}/deployments", team.otherSlug())
                .then()
                .statusCode(404);
        as(team.outsider())
                .get("/api/v1/tenants/{t}/deployments/{id}", team.otherSlug(), theirs)
                .then()
                .statusCode(200);
    }

    @Test
    void shouldLetViewersReadButNotDeployOrUndeploy() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        int v1 = readyVersion(team.slug(), team.member(), model);
        int v2 = readyVersion(team.slug(), team.member(), model);
        String id = deployed(team.slug(), team.member(), model, v1);

        assertThat(deploy(team.slug(), team.viewer(), model, v2, Map.of()).statusCode())
                .isEqualTo(403);
        as(team.viewer())
                .body(Map.of("maxBatchSize", 1))
                .patch("/api/v1/tenants/{t}/deployments/{id}", team.slug(), id)
                .then()
                .statusCode(403);
        as(team.viewer())
                .delete("/api/v1/tenants/{t}/deployments/{id}", team.slug(), id)
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .get("/api/v1/tenants/{t}/deployments/{id}", team.slug(), id)
                .then()
                .statusCode(401);
        as(team.viewer())
                .get("/api/v1/tenants/{t}/deployments/{id}", team.slug(), id)
                .then()
                .statusCode(200);
    }

    @Test
    void shouldUndeployAndAuditBothChanges() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        int version = readyVersion(team.slug(), team.member(), model);
        String id = deployed(team.slug(), team.member(), model, version);

        as(team.member())
                .delete("/api/v1/tenants/{t}/deployments/{id}", team.slug(), id)
                .then()
                .statusCode(204);

        as(team.member())
                .get("/api/v1/tenants/{t}/deployments/{id}", team.slug(), id)
                .then()
                .statusCode(404);
        as(team.member())
                .delete("/api/v1/tenants/{t}/deployments/{id}", team.slug(), UUID.randomUUID())
                .then()
                .statusCode(404);
        JsonPath events =
                as(team.owner())
                        .get("/api/v1/tenants/{t}/audit-events", team.slug())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(events.getList("items.action", String.class))
                .startsWith("deployment.deleted", "deployment.created");
        assertThat(events.getList("items.target", String.class))
                .startsWith(model + "/v" + version, model + "/v" + version);
        assertThat(events.getList("items.actor", String.class))
                .startsWith(team.member(), team.member());
        assertThat(events.getString("items[1].details.id")).isEqualTo(id);
        // Deploying again after undeploying is allowed.
        deployed(team.slug(), team.member(), model, version);
    }

    @Test
    void shouldChangeBatchingAndReplicasInPlaceAndAuditEachChange() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        int version = readyVersion(team.slug(), team.member(), model);
        String id = deployed(team.slug(), team.member(), model, version);

        JsonPath changed = patched(team, id, Map.of("maxBatchSize", 4, "replicas", 3));
        JsonPath unchanged = patched(team, id, Map.of("maxBatchSize", 4));
        JsonPath delay = patched(team, id, Map.of("maxBatchDelayMs", 0));

        assertThat(changed.getString("id")).isEqualTo(id);
        assertThat(changed.getInt("maxBatchSize")).isEqualTo(4);
        assertThat(changed.getInt("maxBatchDelayMs")).isEqualTo(2);
        assertThat(changed.getInt("replicas")).isEqualTo(3);
        assertThat(unchanged.getMap("")).isEqualTo(changed.getMap(""));
        assertThat(delay.getInt("maxBatchDelayMs")).isEqualTo(0);
        assertThat(delay.getInt("maxBatchSize")).isEqualTo(4);
        JsonPath got = get(team, id);
        assertThat(got.getInt("replicas")).isEqualTo(3);
        assertThat(got.getInt("maxBatchDelayMs")).isEqualTo(0);
        JsonPath events =
                as(team.owner())
                        .get("/api/v1/tenants/{t}/audit-events", team.slug())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        // The request that changed nothing recorded nothing.
        assertThat(events.getList("items.action", String.class))
                .startsWith("deployment.updated", "deployment.updated", "deployment.created");
        assertThat(events.getInt("items[0].details.maxBatchDelayMs.from")).isEqualTo(2);
        assertThat(events.getInt("items[0].details.maxBatchDelayMs.to")).isEqualTo(0);
        assertThat(events.getMap("items[1].details"))
                .containsEntry("id", id)
                .containsEntry("maxBatchSize", Map.of("from", 8, "to", 4))
                .containsEntry("replicas", Map.of("from", 1, "to", 3))
                .doesNotContainKey("maxBatchDelayMs");
        assertThat(events.getString("items[1].target")).isEqualTo(model + "/v" + version);
    }

    @Test
    void shouldRejectInvalidChangesWith400AndKeepTheDeployment() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        String id =
                deployed(
                        team.slug(),
                        team.member(),
                        model,
                        readyVersion(team.slug(), team.member(), model));

        for (Map<String, Object> bad :
                List.of(
                        Map.<String, Object>of("maxBatchSize", 0),
                        Map.<String, Object>of("maxBatchSize", 257),
                        Map.<String, Object>of("maxBatchDelayMs", -1),
                        Map.<String, Object>of("replicas", 0, "maxBatchSize", 4),
                        Map.<String, Object>of("replicas", 17))) {
            patch(team, id, bad).then().statusCode(400).contentType("application/problem+json");
        }
        as(team.member())
                .body("[1]")
                .patch("/api/v1/tenants/{t}/deployments/{id}", team.slug(), id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        patch(team, UUID.randomUUID().toString(), Map.of("replicas", 2))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");

        JsonPath got = get(team, id);
        assertThat(got.getInt("maxBatchSize")).isEqualTo(8);
        assertThat(got.getInt("maxBatchDelayMs")).isEqualTo(2);
        assertThat(got.getInt("replicas")).isEqualTo(1);
    }

    private static JsonPath patched(Team team, String id, Map<String, Object> body) {
        return patch(team, id, body).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath get(Team team, String id) {
        return as(team.viewer())
                .get("/api/v1/tenants/{t}/deployments/{id}", team.slug(), id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Response patch(Team team, String id, Map<String, Object> body) {
        return as(team.member())
                .body(body)
                .patch("/api/v1/tenants/{t}/deployments/{id}", team.slug(), id);
    }
}
