package org.mlplatform.api.member;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.mlplatform.api.TestData.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;

@QuarkusTest
class MembersTest {

    private static final String MEMBERS = "/api/v1/tenants/{tenant}/members";
    private static final String MEMBER = "/api/v1/tenants/{tenant}/members/{username}";

    @Test
    void shouldListMembersWithRoles() {
        Team team = TestData.team();
        as(team.viewer())
                .get(MEMBERS, team.slug())
                .then()
                .statusCode(200)
                .body("size()", equalTo(4))
                .body("find { it.username == '" + team.admin() + "' }.role", equalTo("ADMIN"))
                .body("username", not(hasItem(team.outsider())));
    }

    @Test
    void shouldHideOtherTenantsMembers() {
        Team team = TestData.team();
        as(team.owner()).get(MEMBERS, team.otherSlug()).then().statusCode(404);
    }

    @Test
    void shouldRefuseToRemoveOrDemoteTheLastOwner() {
        Team team = TestData.team();
        as(team.owner())
                .delete(MEMBER, team.slug(), team.owner())
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("last OWNER"));
        as(team.owner())
                .body(Map.of("role", "ADMIN"))
                .patch(MEMBER, team.slug(), team.owner())
                .then()
                .statusCode(409);
    }

    @Test
    void shouldLetAnOwnerStepDownWhenAnotherOwnerExists() {
        Team team = TestData.team();
        as(team.owner())
                .body(Map.of("role", "OWNER"))
                .patch(MEMBER, team.slug(), team.admin())
                .then()
                .statusCode(200)
                .body("role", equalTo("OWNER"));
        as(team.owner())
                .body(Map.of("role", "MEMBER"))
                .patch(MEMBER, team.slug(), team.owner())
                .then()
                .statusCode(200)
                .body("role", equalTo("MEMBER"));
    }

    @Test
    void shouldNotLetAnAdminMakeChangeOrRemoveOwners() {
        Team team = TestData.team();
        as(team.admin())
                .body(Map.of("role", "OWNER"))
                .patch(MEMBER, team.slug(), team.member())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        String newcomer = TestData.user("newcomer");
        as(team.admin())
                .body(Map.of("username", newcomer, "role", "OWNER"))
                .post(MEMBERS, team.slug())
                .then()
                .statusCode(403);
        as(team.admin()).delete(MEMBER, team.slug(), team.owner()).then().statusCode(403);
        as(team.admin())
                .body(Map.of("role", "VIEWER"))
                .patch(MEMBER, team.slug(), team.owner())
                .then()
                .statusCode(403);
    }

    @Test
    void shouldAddMemberWithLocation() {
        Team team = TestData.team();
        String newcomer = TestData.user("newcomer");
        as(team.admin())
                .body(Map.of("username", newcomer, "role", "VIEWER"))
                .post(MEMBERS, team.slug())
                .then()
                .statusCode(201)
                .header(
                        "Location",
                        endsWith("/api/v1/tenants/" + team.slug() + "/members/" + newcomer))
                .body("username", equalTo(newcomer))
                .body("email", equalTo(newcomer + "@example.test"))
                .body("role", equalTo("VIEWER"));
    }

    @Test
    void shouldRefuseDuplicateMember() {
        Team team = TestData.team();
        as(team.owner())
                .body(Map.of("username", team.member(), "role", "VIEWER"))
                .post(MEMBERS, team.slug())
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswer404ForUserWhoNeverSignedIn() {
        Team team = TestData.team();
        as(team.owner())
                .body(Map.of("username", TestData.unique("ghost"), "role", "VIEWER"))
                .post(MEMBERS, team.slug())
                .then()
                .statusCode(404)
                .body("type", endsWith("unknown-user"))
                .body("detail", containsString("sign in"));
        as(team.owner())
                .delete(MEMBER, team.slug(), TestData.unique("ghost"))
                .then()
                .statusCode(404);
    }

    @Test
    void shouldRejectInvalidMemberRequestsWithFieldErrors() {
        Team team = TestData.team();
        as(team.owner())
                .body(Map.of("username", "", "role", "BOSS"))
                .post(MEMBERS, team.slug())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("role"))
                .body("errors[0].message", containsString("OWNER"));
        as(team.owner())
                .body(Map.of("username", ""))
                .post(MEMBERS, team.slug())
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("username"))
                .body("errors.field", hasItem("role"));
        as(team.owner())
                .body("{\"role\": \"ADMIN\"")
                .patch(MEMBER, team.slug(), team.member())
                .then()
                .statusCode(400)
                .body("type", endsWith("malformed-json"));
        as(team.owner())
                .body("{}")
                .patch(MEMBER, team.slug(), team.member())
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("role"));
    }
}
