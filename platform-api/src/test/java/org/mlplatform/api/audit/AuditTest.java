package org.mlplatform.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;

@QuarkusTest
class AuditTest {

    @Test
    void shouldRecordEveryChangeWithActorTargetAndDetails() {
        Team team = TestData.team();
        as(team.owner())
                .body(Map.of("role", "ADMIN"))
                .patch("/api/v1/tenants/{t}/members/{u}", team.slug(), team.member())
                .then()
                .statusCode(200);
        as(team.admin())
                .delete("/api/v1/tenants/{t}/members/{u}", team.slug(), team.viewer())
                .then()
                .statusCode(204);
        String admin = TestData.platformAdmin();
        for (Map<String, String> change :
                List.of(
                        Map.of("name", "Renamed"),
                        Map.of("status", "SUSPENDED"),
                        Map.of("status", "ACTIVE"))) {
            as(admin, "platform-admin")
                    .body(change)
                    .patch("/api/v1/admin/tenants/{slug}", team.slug())
                    .then()
                    .statusCode(200);
        }

        JsonPath events =
                as(team.owner())
                        .get("/api/v1/tenants/{t}/audit-events", team.slug())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(events.getList("items.action", String.class))
                .containsExactly(
                        "tenant.reactivated",
                        "tenant.suspended",
                        "tenant.renamed",
                        "member.removed",
                        "member.role_changed",
                        "member.added",
                        "member.added",
                        "member.added",
                        "tenant.created");
        assertThat(events.getList("items.tenant", String.class)).containsOnly(team.slug());
        Map<String, Object> roleChange = events.getMap("items[4]");
        assertThat(roleChange)
                .containsEntry("actor", team.owner())
                .containsEntry("targetType", "member")
                .containsEntry("target", team.member())
                .containsEntry("details", Map.of("from", "MEMBER", "to", "ADMIN"));
        assertThat(events.getString("items[3].actor")).isEqualTo(team.admin());
        assertThat(events.getString("items[0].actor")).isEqualTo(admin);
        assertThat(events.getMap("items[2].details"))
                .containsEntry("to", "Renamed")
                .containsKey("from");
        assertThat(events.getString("items[0].occurredAt")).isNotBlank();
        assertThat(events.getLong("items[0].id")).isGreaterThan(events.getLong("items[1].id"));
    }

    @Test
    void shouldShowOnlyTheTenantsOwnEvents() {
        Team team = TestData.team();
        JsonPath events =
                as(team.outsider())
                        .get("/api/v1/tenants/{t}/audit-events", team.otherSlug())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(events.getList("items.tenant", String.class)).containsOnly(team.otherSlug());
        assertThat(events.getList("items.target", String.class))
                .doesNotContain(team.slug(), team.admin(), team.member());
        assertThat(events.getLong("total")).isEqualTo(1);
    }

    @Test
    void shouldFilterAdminAuditByTenantAndAction() {
        Team team = TestData.team();
        String admin = TestData.platformAdmin();
        JsonPath added =
                as(admin, "platform-admin")
                        .queryParam("tenant", team.slug())
                        .queryParam("action", "member.added")
                        .get("/api/v1/admin/audit-events")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
        assertThat(added.getLong("total")).isEqualTo(3);
        assertThat(added.getList("items.target", String.class))
                .containsExactlyInAnyOrder(team.admin(), team.member(), team.viewer());
        JsonPath created =
                as(admin, "platform-admin")
                        .queryParam("action", "tenant.created")
                        .queryParam("size", 100)
                        .get("/api/v1/admin/audit-events")
                        .then()
                        .extract()
                        .jsonPath();
        assertThat(created.getList("items.action", String.class)).containsOnly("tenant.created");
        assertThat(created.getList("items.tenant", String.class)).contains(team.slug());
    }
}
