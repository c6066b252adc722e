package org.mlplatform.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
class LimitsTest {

    @Inject FakeDeploymentDirectory deployments;

    private String deployed(Team team) {
        String model = TestData.unique("m");
        deployments.deploy(Models.tenantId(team.slug()), model, 1);
        return model;
    }

    @Test
    void shouldAcceptTheBurstThen429WithRetryAfterAndCountUsageExactly() throws Exception {
        Team team = TestData.team();
        String model = deployed(team);
        ApiKeys.Created key =
                ApiKeys.create(
                        team.slug(),
                        team.admin(),
                        Map.of("rateLimit", Map.of("requestsPerSecond", 5, "burst", 5)));
        List<Response> answers = new ArrayList<>();
        long start = System.nanoTime();
        long sixth = 0;
        for (int i = 0; i < 50; i++) {
            answers.add(Gateway.infer(key.secret(), model));
            if (i == 5) {
                sixth = System.nanoTime();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int i = 0; i < 5; i++) {
            assertThat(answers.get(i).statusCode()).as("call %d", i).isEqualTo(200);
            assertThat(answers.get(i).header("RateLimit-Policy")).contains("\"key\";q=5;w=1");
            assertThat(answers.get(i).header("RateLimit")).startsWith("\"key\";r=");
        }
        double firstSix = (sixth - start) / 1e9;
        if (firstSix < 0.2) {
            assertThat(answers.get(5).statusCode()).isEqualTo(429);
        }
        long accepted = answers.stream().filter(r -> r.statusCode() == 200).count();
        long limited = answers.stream().filter(r -> r.statusCode() == 429).count();
        assertThat(accepted + limited).isEqualTo(50);
        assertThat(accepted).isBetween(5L, 5L + (long) Math.ceil(seconds * 5) + 1);
        Response refused =
                answers.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat((String) refused.path("type")).endsWith("/rate-limited");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 2);
        assertThat(refused.header("RateLimit-Policy")).contains("\"key\";q=5;w=1");
        assertThat(refused.header("RateLimit")).startsWith("\"key\";r=0;t=");
        assertThat(refused.asString()).doesNotContain(key.secret());

        TestData.await(
                "usage shows every call",
                () -> {
                    Response usage =
                            as(team.viewer())
                                    .get(
                                            "/api/v1/tenants/{t}/usage?groupBy=key&granularity=minute",
                                            team.slug());
                    Map<String, Object> total =
                            usage.path("series.find { it.group == '" + key.id() + "' }.total");
                    return total != null
                            && ((Number) total.get("succeeded")).longValue() == accepted
                            && ((Number) total.get("rateLimited")).longValue() == limited
                            && ((Number) total.get("requests")).longValue() == 50
                            && ((Number) total.get("items")).longValue() == accepted * 2;
                });
    }

    @Test
    void shouldRefuseAKeyWhoseMonthlyLimitIsSpent() {
        Team team = TestData.team();
        String model = deployed(team);
        ApiKeys.Created key =
                ApiKeys.create(team.slug(), team.admin(), Map.of("monthlyRequestLimit", 3));
        for (int i = 0; i < 3; i++) {
            assertThat(Gateway.infer(key.secret(), model).statusCode()).isEqualTo(200);
        }
        Response spent = Gateway.infer(key.secret(), model);
        assertThat(spent.statusCode()).isEqualTo(429);
        assertThat((String) spent.path("type"))
                .isEqualTo("https://mlplatform.org/problems/quota-exhausted");
        assertThat(Long.parseLong(spent.header("Retry-After"))).isPositive();
        assertThat(spent.header("RateLimit-Policy")).isNotBlank();
    }

    @Test
    void shouldRefuseATenantWhoseMonthlyQuotaIsSpentAndShowItsUse() throws Exception {
        Team team = TestData.team();
        String model = deployed(team);
        Map<String, Object> quota = new HashMap<>();
        quota.put("maxStorageBytes", 1_000_000_000L);
        quota.put("maxModels", 10);
        quota.put("maxDatasets", 10);
        quota.put("maxRequestsPerSecond", 50);
        quota.put("monthlyInferenceRequests", 2);
        as(TestData.platformAdmin(), "platform-admin")
                .body(quota)
                .put("/api/v1/admin/tenants/{t}/quota", team.slug())
                .then()
                .statusCode(200);
        String key = ApiKeys.create(team.slug(), team.admin()).secret();
        TestData.await(
                "new quota in force",
                () -> Gateway.infer(key, model).header("RateLimit-Policy").contains("q=50"));
        Response spent = Gateway.infer(key, model);
        for (int i = 0; i < 3 && spent.statusCode() == 200; i++) {
            spent = Gateway.infer(key, model);
        }
        assertThat(spent.statusCode()).isEqualTo(429);
        assertThat((String) spent.path("type")).endsWith("/quota-exhausted");
        Response view = as(team.viewer()).get("/api/v1/tenants/{t}/quota", team.slug());
        assertThat(((Number) view.path("inferenceRequests.limit")).longValue()).isEqualTo(2);
        assertThat(((Number) view.path("inferenceRequests.used")).longValue()).isEqualTo(2);
        assertThat(((Number) view.path("requestsPerSecond.limit")).longValue()).isEqualTo(50);
    }

    @Test
    void shouldLimitTheTenantOverAllItsKeys() {
        Team team = TestData.team();
        String model = deployed(team);
        Map<String, Object> quota = new HashMap<>();
        quota.put("maxStorageBytes", 1_000_000_000L);
        quota.put("maxModels", 10);
        quota.put("maxDatasets", 10);
        quota.put("maxRequestsPerSecond", 1);
        as(TestData.platformAdmin(), "platform-admin")
                .body(quota)
                .put("/api/v1/admin/tenants/{t}/quota", team.slug())
                .then()
                .statusCode(200);
        String a = ApiKeys.create(team.slug(), team.admin()).secret();
        String b = ApiKeys.create(team.slug(), team.admin()).secret();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(Gateway.infer(i % 2 == 0 ? a : b, model).statusCode());
        }
        assertThat(statuses).contains(429);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(3);
    }
}
