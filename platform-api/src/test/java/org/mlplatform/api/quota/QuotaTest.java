package org.mlplatform.api.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.model.Models.randomBytes;
import static org.mlplatform.api.model.Models.storageCounterAndRecount;
import static org.mlplatform.api.model.Models.upload;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.model.Models;

@QuarkusTest
class QuotaTest {

    @Inject EntityManager em;

    @Test
    void shouldShowDefaultLimitsAndZeroUseToMembers() {
        Team team = TestData.team();
        Response quota = as(team.viewer()).get("/api/v1/tenants/{t}/quota", team.slug());

        assertThat(quota.statusCode()).isEqualTo(200);
        assertThat(quota.<Long>path("storageBytes.limit")).isEqualTo(10737418240L);
        assertThat(quota.<Integer>path("models.limit")).isEqualTo(100);
        assertThat(quota.<Integer>path("datasets.limit")).isEqualTo(100);
        assertThat(quota.<Integer>path("models.used")).isZero();
    }

    @Test
    void shouldLetPlatformAdminSetLimitsAndAuditTheChange() {
        Team team = TestData.team();
        String admin = TestData.platformAdmin();

        Response set = setQuota(admin, team.slug(), null, 5, 7);

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.<Object>path("storageBytes.limit")).isNull();
        assertThat(set.<Integer>path("models.limit")).isEqualTo(5);
        Response events =
                as(admin, "platform-admin")
                        .get(
                                "/api/v1/admin/audit-events?tenant={t}&action=quota.changed",
                                team.slug());
        assertThat(events.<Integer>path("items.size()")).isEqualTo(1);
        assertThat(events.<Integer>path("items[0].details.from.maxModels")).isEqualTo(100);
        assertThat(events.<Integer>path("items[0].details.to.maxModels")).isEqualTo(5);
        assertThat(
                        as(admin, "platform-admin")
                                .get("/api/v1/admin/tenants/{t}/quota", team.slug())
                                .<Integer>path("datasets.limit"))
                .isEqualTo(7);
    }

    @Test
    void shouldRefuseModelPastMaxModelsWith403NamingTheLimit() {
        Team team = TestData.team();
        setQuota(TestData.platformAdmin(), team.slug(), null, 1, 1);
        Models.create(team.slug(), team.member());

        Response second =
                as(team.member())
                        .body(Map.of("name", TestData.unique("m"), "task", "OTHER"))
                        .post("/api/v1/tenants/{t}/models", team.slug());

        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(second.<String>path("type")).endsWith("/quota-exceeded");
        assertThat(second.<String>path("detail")).contains("maxModels");
    }

    @Test
    void shouldAllowLoweringBelowUseButRefuseFurtherUploads() {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        upload(team.slug(), team.member(), model, randomBytes(3000)).then().statusCode(202);

        setQuota(TestData.platformAdmin(), team.slug(), 1000L, 100, 100).then().statusCode(200);
        Response refused = upload(team.slug(), team.member(), model, randomBytes(10));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.<String>path("type")).endsWith("/storage-quota-exceeded");
        assertThat(
                        as(team.viewer())
                                .get("/api/v1/tenants/{t}/quota", team.slug())
                                .<Integer>path("storageBytes.used"))
                .isEqualTo(3000);
    }

    @Test
    void shouldKeepCountersExactAfterAMixOfOperations() {
        Team team = TestData.team();
        String a = Models.create(team.slug(), team.member());
        String b = Models.create(team.slug(), team.member());
        String c = Models.create(team.slug(), team.member());
        byte[] shared = randomBytes(2000);
        upload(team.slug(), team.member(), a, shared).then().statusCode(202);
        upload(team.slug(), team.member(), b, shared).then().statusCode(202);
        upload(team.slug(), team.member(), b, randomBytes(700)).then().statusCode(202);
        upload(team.slug(), team.member(), c, randomBytes(300)).then().statusCode(202);
        as(team.member())
                .delete("/api/v1/tenants/{t}/models/{m}/versions/1", team.slug(), a)
                .then()
                .statusCode(204);
        as(team.member())
                .delete("/api/v1/tenants/{t}/models/{m}", team.slug(), c)
                .then()
                .statusCode(204);
        // Another tenant referencing the same bytes is charged on its own.
        Team other = TestData.team();
        String o = Models.create(other.slug(), other.member());
        upload(other.slug(), other.member(), o, shared).then().statusCode(202);

        long[] storage = storageCounterAndRecount(em, team.slug());
        assertThat(storage[0]).isEqualTo(storage[1]).isEqualTo(2700);
        assertThat(storageCounterAndRecount(em, other.slug())[0]).isEqualTo(2000);
        long tenantId = Models.tenantId(team.slug());
        long models =
                QuarkusTransaction.requiringNew()
                        .call(
                                () ->
                                        ((Number)
                                                        em.createNativeQuery(
                                                                        "select count(*) from models"
                                                                                + " where tenant_id = ?1")
                                                                .setParameter(1, tenantId)
                                                                .getSingleResult())
                                                .longValue());
        Response quota = as(team.viewer()).get("/api/v1/tenants/{t}/quota", team.slug());
        assertThat(quota.<Integer>path("models.used")).isEqualTo((int) models).isEqualTo(2);
        assertThat(quota.<Integer>path("storageBytes.used")).isEqualTo(2700);
    }

    private static Response setQuota(
            String admin, String slug, Long storage, Integer models, Integer datasets) {
        Map<String, Object> body = new HashMap<>();
        body.put("maxStorageBytes", storage);
        body.put("maxModels", models);
        body.put("maxDatasets", datasets);
        return as(admin, "platform-admin")
                .body(body)
                .put("/api/v1/admin/tenants/{slug}/quota", slug);
    }
}
