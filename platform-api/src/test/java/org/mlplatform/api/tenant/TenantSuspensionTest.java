package org.mlplatform.api.tenant;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.mlplatform.api.TestData.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;

@QuarkusTest
class TenantSuspensionTest {

    @Test
    void shouldRefuseMembersOfSuspendedTenantUntilReactivated() {
        Team team = TestData.team();
        String admin = TestData.platformAdmin();
        as(admin, "platform-admin")
                .body(Map.of("status", "SUSPENDED"))
                .patch("/api/v1/admin/tenants/{slug}", team.slug())
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"));

        for (String user : new String[] {team.owner(), team.viewer()}) {
            as(user).get("/api/v1/tenants/{t}", team.slug())
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", endsWith("tenant-suspended"));
            as(user).get("/api/v1/tenants/{t}/members", team.slug()).then().statusCode(403);
            as(user).get("/api/v1/tenants/{t}/datasets", team.slug())
                    .then()
                    .statusCode(403)
                    .body("type", endsWith("tenant-suspended"));
            as(user).get("/api/v1/tenants/{t}/training-jobs", team.slug())
                    .then()
                    .statusCode(403)
                    .body("type", endsWith("tenant-suspended"));
        }
        as(team.owner())
                .get("/api/v1/tenants/{t}/audit-events", team.slug())
                .then()
                .statusCode(403);
        as(team.outsider()).get("/api/v1/tenants/{t}", team.slug()).then().statusCode(404);

        as(admin, "platform-admin")
                .get("/api/v1/admin/tenants/{slug}", team.slug())
                .then()
                .statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        as(admin, "platform-admin")
                .queryParam("status", "SUSPENDED")
                .queryParam("q", team.slug())
                .get("/api/v1/admin/tenants")
                .then()
                .statusCode(200)
                .body("items.slug", hasItem(team.slug()));
        as(team.owner())
                .get("/api/v1/me")
                .then()
                .body(
                        "tenants.find { it.slug == '" + team.slug() + "' }.status",
                        equalTo("SUSPENDED"));

        as(admin, "platform-admin")
                .body(Map.of("status", "ACTIVE"))
                .patch("/api/v1/admin/tenants/{slug}", team.slug())
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));
        as(team.viewer())
                .get("/api/v1/tenants/{t}", team.slug())
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("memberCount", equalTo(4));
    }
}
