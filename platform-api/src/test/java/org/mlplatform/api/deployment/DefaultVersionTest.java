package org.mlplatform.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.deployment.Deployments.deployed;
import static org.mlplatform.api.deployment.Deployments.readyVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.model.Models;

@QuarkusTest
class DefaultVersionTest {

    @Test
    void shouldServeHighestDeployedVersionUntilADefaultIsSet() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        String v1 =
                deployed(
                        team.slug(),
                        team.member(),
                        model,
                        readyVersion(team.slug(), team.member(), model));
        String v2 =
                deployed(
                        team.slug(),
                        team.member(),
                        model,
                        readyVersion(team.slug(), team.member(), model));

        assertThat(isDefault(team, v1)).isFalse();
        assertThat(isDefault(team, v2)).isTrue();
        assertThat(modelDefault(team, model)).isNull();

        Response set = setDefault(team, model, 1);

        assertThat(set.statusCode()).as(set.asString()).isEqualTo(200);
        assertThat(set.<Integer>path("defaultVersion")).isEqualTo(1);
        assertThat(modelDefault(team, model)).isEqualTo(1);
        assertThat(isDefault(team, v1)).isTrue();
        assertThat(isDefault(team, v2)).isFalse();
    }

    @Test
    void shouldRefuseADefaultVersionThatIsNotDeployed() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        readyVersion(team.slug(), team.member(), model);

        Response notDeployed = setDefault(team, model, 1);
        Response unknown = setDefault(team, model, 9);

        assertThat(notDeployed.statusCode()).isEqualTo(409);
        assertThat(notDeployed.<String>path("detail")).contains("not deployed");
        assertThat(unknown.statusCode()).isEqualTo(409);
        assertThat(setDefault(team, model, -1).statusCode()).isEqualTo(400);
        assertThat(modelDefault(team, model)).isNull();
    }

    @Test
    void shouldClearTheDefaultWithZero() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        deployed(
                team.slug(), team.member(), model, readyVersion(team.slug(), team.member(), model));
        setDefault(team, model, 1).then().statusCode(200);

        Response cleared = setDefault(team, model, 0);

        assertThat(cleared.statusCode()).isEqualTo(200);
        assertThat(cleared.<Integer>path("defaultVersion")).isNull();
    }

    @Test
    void shouldClearTheDefaultWhenItsDeploymentIsDeleted() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        String v1 =
                deployed(
                        team.slug(),
                        team.member(),
                        model,
                        readyVersion(team.slug(), team.member(), model));
        String v2 =
                deployed(
                        team.slug(),
                        team.member(),
                        model,
                        readyVersion(team.slug(), team.member(), model));
        setDefault(team, model, 1).then().statusCode(200);

        as(team.member())
                .delete("/api/v1/tenants/{t}/deployments/{id}", team.slug(), v1)
                .then()
                .statusCode(204);

        assertThat(modelDefault(team, model)).isNull();
        assertThat(isDefault(team, v2)).isTrue();
    }

    @Test
    void shouldLetViewersNotChangeTheDefault() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        deployed(
                team.slug(), team.member(), model, readyVersion(team.slug(), team.member(), model));

        assertThat(
                        as(team.viewer())
                                .body(Map.of("defaultVersion", 1))
                                .patch("/api/v1/tenants/{t}/models/{m}", team.slug(), model)
                                .statusCode())
                .isEqualTo(403);
    }

    @Test
    void shouldRefuseToDeleteADeployedModelOrVersion() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        int v1 = readyVersion(team.slug(), team.member(), model);
        String id = deployed(team.slug(), team.member(), model, v1);

        Response version =
                as(team.member())
                        .delete(
                                "/api/v1/tenants/{t}/models/{m}/versions/{v}",
                                team.slug(),
                                model,
                                v1);
        Response whole =
                as(team.member()).delete("/api/v1/tenants/{t}/models/{m}", team.slug(), model);

        assertThat(version.statusCode()).isEqualTo(409);
        assertThat(version.<String>path("detail")).contains("undeploy it first");
        assertThat(whole.statusCode()).isEqualTo(409);
        assertThat(whole.<String>path("detail")).contains("undeploy");
        as(team.member())
                .delete("/api/v1/tenants/{t}/deployments/{id}", team.slug(), id)
                .then()
                .statusCode(204);
        as(team.member())
                .delete("/api/v1/tenants/{t}/models/{m}/versions/{v}", team.slug(), model, v1)
                .then()
                .statusCode(204);
        as(team.member())
                .delete("/api/v1/tenants/{t}/models/{m}", team.slug(), model)
                .then()
                .statusCode(204);
    }

    private static Response setDefault(Team team, String model, int version) {
        return as(team.member())
                .body(Map.of("defaultVersion", version))
                .patch("/api/v1/tenants/{t}/models/{m}", team.slug(), model);
    }

    private static Integer modelDefault(Team team, String model) {
        return as(team.viewer())
                .get("/api/v1/tenants/{t}/models/{m}", team.slug(), model)
                .then()
                .statusCode(200)
                .extract()
                .path("defaultVersion");
    }

    private static boolean isDefault(Team team, String deployment) {
        return as(team.viewer())
                .get("/api/v1/tenants/{t}/deployments/{id}", team.slug(), deployment)
                .then()
                .statusCode(200)
                .extract()
                .path("defaultVersion");
    }
}
