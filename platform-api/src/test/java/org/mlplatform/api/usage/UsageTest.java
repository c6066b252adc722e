package org.mlplatform.api.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.apikey.ApiKeys;
import org.mlplatform.api.inference.FakeDeploymentDirectory;
import org.mlplatform.api.inference.Gateway;
import org.mlplatform.api.inference.GatewayTestProfile;
import org.mlplatform.api.model.Models;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class UsageTest {

    @Inject FakeDeploymentDirectory deployments;

    @Test
    void shouldRefuseBadRanges() {
        Team team = TestData.team();
        String now = Instant.now().toString();
        String path = "/api/v1/tenants/{t}/usage";
        as(team.viewer())
                .get(path + "?from=" + now + "&to=" + now, team.slug())
                .then()
                .statusCode(400);
        as(team.viewer())
                .get(
                        path
                                + "?granularity=minute&from=2020-01-01T00:00:00Z&to=2021-01-01T00:00:00Z",
                        team.slug())
                .then()
                .statusCode(400);
        as(team.viewer()).get(path + "?granularity=week", team.slug()).then().statusCode(400);
        as(team.viewer()).get(path + "?groupBy=tenant", team.slug()).then().statusCode(400);
        as(team.viewer())
                .get(path + "?groupBy=model&granularity=day", team.slug())
                .then()
                .statusCode(200);
    }

    @Test
    void shouldLabelSeriesByKeyModelAndTenant() throws Exception {
        Team team = TestData.team();
        String model = TestData.unique("m");
        deployments.deploy(Models.tenantId(team.slug()), model, 1);
        ApiKeys.Created key =
                ApiKeys.create(team.slug(), team.admin(), java.util.Map.of("name", "billing"));
        Gateway.infer(key.secret(), model).then().statusCode(200);
        as(team.member())
                .body(Gateway.BODY)
                .post("/api/v1/tenants/{t}/models/{m}/infer", team.slug(), model)
                .then()
                .statusCode(200);
        TestData.await(
                "both calls by key",
                () -> {
                    Response r =
                            as(team.viewer())
                                    .get("/api/v1/tenants/{t}/usage?groupBy=key", team.slug());
                    return r.path("series.size()").equals(2)
                            && r.path("series.find { it.group == 'members' }.total.requests")
                                    .equals(1)
                            && ((String)
                                            r.path(
                                                    "series.find { it.group == '"
                                                            + key.id()
                                                            + "' }.label"))
                                    .startsWith("billing (mlp_");
                });
        Response byModel =
                as(team.viewer()).get("/api/v1/tenants/{t}/usage?groupBy=model", team.slug());
        assertThat((String) byModel.path("series[0].label")).isEqualTo(model);
        assertThat((Integer) byModel.path("series[0].total.requests")).isEqualTo(2);
        Response admin =
                as(TestData.platformAdmin(), "platform-admin")
                        .get("/api/v1/admin/usage?groupBy=tenant&tenant=" + team.slug());
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat((String) admin.path("series[0].label")).contains(team.slug());
        as(TestData.platformAdmin(), "platform-admin")
                .get("/api/v1/admin/usage?tenant=" + TestData.unique("nope"))
                .then()
                .statusCode(404);
    }
}
