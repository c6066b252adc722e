package org.mlplatform.api.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.inference.FakeDeploymentDirectory;
import org.mlplatform.api.inference.Gateway;
import org.mlplatform.api.inference.GatewayTestProfile;
import org.mlplatform.api.model.Models;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class ApiKeysTest {

    @Inject FakeDeploymentDirectory deployments;

    private String deployed(Team team) {
        String model = TestData.unique("m");
        deployments.deploy(Models.tenantId(team.slug()), model, 1);
        return model;
    }

    /** The team admin's request for a key with one scope, limited to {@code models}. */
    private static Response createLimitedTo(Team team, String scope, List<String> models) {
        return as(team.admin())
                .body(Map.of("name", "x", "scopes", List.of(scope), "models", models))
                .post("/api/v1/tenants/{t}/api-keys", team.slug())
                .andReturn();
    }

    @Test
    void shouldShowTheSecretOnceAndNeverInListOrGet() {
        Team team = TestData.team();
        Response created =
                as(team.admin())
                        .body(Map.of("name", "ci", "scopes", List.of("inference:invoke")))
                        .post("/api/v1/tenants/{t}/api-keys", team.slug())
                        .andReturn();
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = created.path("secret");
        String id = created.path("key.id");
        assertThat(created.header("Location")).endsWith("/api-keys/" + id);
        assertThat(secret).startsWith((String) created.path("key.prefix"));
        assertThat((String) created.path("key.status")).isEqualTo("ACTIVE");
        Instant expires = Instant.parse(created.path("key.expiresAt"));
        assertThat(expires)
                .isBetween(
                        Instant.now().plusSeconds(364 * 86400),
                        Instant.now().plusSeconds(366 * 86400));
        String list = as(team.viewer()).get("/api/v1/tenants/{t}/api-keys", team.slug()).asString();
        String get =
                as(team.viewer())
                        .get("/api/v1/tenants/{t}/api-keys/{id}", team.slug(), id)
                        .asString();
        assertThat(list).contains(id).doesNotContain(secret).doesNotContain(secret.substring(17));
        assertThat(get).contains(id).doesNotContain(secret.substring(17));
    }

    @Test
    void shouldRefuseAnExpiryBeyondOneYear() {
        Team team = TestData.team();
        Response response =
                as(team.admin())
                        .body(
                                Map.of(
                                        "name", "long",
                                        "scopes", List.of("inference:invoke"),
                                        "expiresAt",
                                                Instant.now().plusSeconds(400L * 86400).toString()))
                        .post("/api/v1/tenants/{t}/api-keys", team.slug())
                        .andReturn();
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat((String) response.path("errors[0].field")).isEqualTo("expiresAt");
    }

    @Test
    void shouldRefuseAModelThatIsNotAName() {
        Team team = TestData.team();
        Response response = createLimitedTo(team, "models:read", List.of("Not A Name"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat((String) response.path("errors[0].field")).isEqualTo("models[0]");
    }

    @Test
    void shouldRefuseAModelTheTenantDoesNotHave() {
        Team team = TestData.team();
        String own = deployed(team);
        String elsewhere = deployed(TestData.team());
        Response response = createLimitedTo(team, "inference:invoke", List.of(own, elsewhere));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat((String) response.path("errors[0].field")).isEqualTo("models[1]");
        assertThat((String) response.path("errors[0].message"))
                .isEqualTo("no model '" + elsewhere + "' in this tenant");
        assertThat(
                        as(team.admin())
                                .get("/api/v1/tenants/{t}/api-keys", team.slug())
                                .path("items.size()")
                                .toString())
                .isEqualTo("0");
    }

    @Test
    void shouldStopAcceptingAKeyOnceItExpires() throws Exception {
        Team team = TestData.team();
        String model = deployed(team);
        ApiKeys.Created key =
                ApiKeys.create(
                        team.slug(),
                        team.admin(),
                        Map.of("expiresAt", Instant.now().plusSeconds(2).toString()));
        assertThat(Gateway.infer(key.secret(), model).statusCode()).isEqualTo(200);
        TestData.await(
                "expired key refused",
                () -> Gateway.infer(key.secret(), model).statusCode() == 401);
        assertThat(
                        (String)
                                as(team.viewer())
                                        .get(
                                                "/api/v1/tenants/{t}/api-keys/{id}",
                                                team.slug(),
                                                key.id())
                                        .path("status"))
                .isEqualTo("EXPIRED");
    }

    @Test
    void shouldStopAcceptingARevokedKeyWithinOneSecond() throws Exception {
        Team team = TestData.team();
        String model = deployed(team);
        ApiKeys.Created key = ApiKeys.create(team.slug(), team.owner());
        assertThat(Gateway.infer(key.secret(), model).statusCode()).isEqualTo(200);
        as(team.admin())
                .post("/api/v1/tenants/{t}/api-keys/{id}/revoke", team.slug(), key.id())
                .then()
                .statusCode(200);
        long revoked = System.nanoTime();
        TestData.await(
                "revoked key refused",
                () -> Gateway.infer(key.secret(), model).statusCode() == 401);
        assertThat((System.nanoTime() - revoked) / 1_000_000).isLessThan(1000);
        Response again = Gateway.infer(key.secret(), model);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.asString()).doesNotContain(key.secret());
        assertThat(
                        (String)
                                as(team.viewer())
                                        .get(
                                                "/api/v1/tenants/{t}/api-keys/{id}",
                                                team.slug(),
                                                key.id())
                                        .path("status"))
                .isEqualTo("REVOKED");
    }

    @Test
    void shouldRefuseTheOldSecretAfterARotationWithoutGrace() throws Exception {
        Team team = TestData.team();
        String model = deployed(team);
        ApiKeys.Created key = ApiKeys.create(team.slug(), team.admin());
        Response rotated =
                as(team.admin())
                        .body(Map.of())
                        .post("/api/v1/tenants/{t}/api-keys/{id}/rotate", team.slug(), key.id())
                        .andReturn();
        assertThat(rotated.statusCode()).isEqualTo(200);
        String fresh = rotated.path("secret");
        assertThat(fresh).isNotEqualTo(key.secret());
        TestData.await(
                "old secret refused", () -> Gateway.infer(key.secret(), model).statusCode() == 401);
        assertThat(Gateway.infer(fresh, model).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldAcceptBothSecretsDuringTheGracePeriod() {
        Team team = TestData.team();
        String model = deployed(team);
        ApiKeys.Created key = ApiKeys.create(team.slug(), team.admin());
        Response rotated =
                as(team.owner())
                        .body(Map.of("gracePeriodSeconds", 3600))
                        .post("/api/v1/tenants/{t}/api-keys/{id}/rotate", team.slug(), key.id())
                        .andReturn();
        assertThat(rotated.path("key.previousSecretExpiresAt").toString()).isNotEmpty();
        assertThat(Gateway.infer(key.secret(), model).statusCode()).isEqualTo(200);
        assertThat(Gateway.infer(rotated.path("secret"), model).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseToRotateARevokedKey() {
        Team team = TestData.team();
        ApiKeys.Created key = ApiKeys.create(team.slug(), team.admin());
        as(team.admin()).post("/api/v1/tenants/{t}/api-keys/{id}/revoke", team.slug(), key.id());
        as(team.admin())
                .body(Map.of())
                .post("/api/v1/tenants/{t}/api-keys/{id}/rotate", team.slug(), key.id())
                .then()
                .statusCode(409);
    }

    @Test
    void shouldRefuseKeysOfASuspendedTenant() throws Exception {
        Team team = TestData.team();
        String model = deployed(team);
        ApiKeys.Created key = ApiKeys.create(team.slug(), team.admin());
        assertThat(Gateway.infer(key.secret(), model).statusCode()).isEqualTo(200);
        as(TestData.platformAdmin(), "platform-admin")
                .body(Map.of("status", "SUSPENDED"))
                .patch("/api/v1/admin/tenants/{slug}", team.slug())
                .then()
                .statusCode(200);
        TestData.await(
                "suspended tenant's key refused",
                () -> Gateway.infer(key.secret(), model).statusCode() == 401);
    }

    @Test
    void shouldHideAnotherTenantsKey() {
        Team team = TestData.team();
        ApiKeys.Created key = ApiKeys.create(team.slug(), team.admin());
        as(team.outsider())
                .get("/api/v1/tenants/{t}/api-keys/{id}", team.otherSlug(), key.id())
                .then()
                .statusCode(404);
        as(team.outsider())
                .post("/api/v1/tenants/{t}/api-keys/{id}/revoke", team.otherSlug(), key.id())
                .then()
                .statusCode(404);
    }

    @Test
    void shouldRecordCreateRotateAndRevokeInTheAuditLog() {
        Team team = TestData.team();
        ApiKeys.Created key = ApiKeys.create(team.slug(), team.admin());
        as(team.admin())
                .body(Map.of())
                .post("/api/v1/tenants/{t}/api-keys/{id}/rotate", team.slug(), key.id());
        as(team.admin()).post("/api/v1/tenants/{t}/api-keys/{id}/revoke", team.slug(), key.id());
        String events =
                as(team.admin()).get("/api/v1/tenants/{t}/audit-events", team.slug()).asString();
        assertThat(events).contains("api_key.created", "api_key.rotated", "api_key.revoked");
        assertThat(events).doesNotContain(key.secret().substring(17));
    }

    @Test
    void shouldShowWhenAKeyWasLastUsed() throws Exception {
        Team team = TestData.team();
        String model = deployed(team);
        ApiKeys.Created key = ApiKeys.create(team.slug(), team.admin());
        Gateway.infer(key.secret(), model).then().statusCode(200);
        TestData.await(
                "last use shown",
                () ->
                        as(team.viewer())
                                        .get(
                                                "/api/v1/tenants/{t}/api-keys/{id}",
                                                team.slug(),
                                                key.id())
                                        .path("lastUsedAt")
                                != null);
    }
}
