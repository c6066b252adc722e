package org.mlplatform.api.me;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.mlplatform.api.TestData.as;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.user.AppUser;

@QuarkusTest
class MeTest {

    @Test
    void shouldRecordUserOnFirstCallAndListTenantsWithRoles() {
        Team team = TestData.team();
        as(team.admin())
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo(team.admin()))
                .body("email", equalTo(team.admin() + "@example.test"))
                .body("name", equalTo("User " + team.admin()))
                .body("platformAdmin", equalTo(false))
                .body("tenants.size()", equalTo(1))
                .body("tenants[0].slug", equalTo(team.slug()))
                .body("tenants[0].role", equalTo("ADMIN"))
                .body("tenants[0].status", equalTo("ACTIVE"));
    }

    @Test
    void shouldReportPlatformAdminRole() {
        as(TestData.unique("boss"), "platform-admin")
                .get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("platformAdmin", equalTo(true))
                .body("tenants", empty());
    }

    @Test
    void shouldClaimSeededUserOnFirstSignIn() {
        String username = TestData.unique("seeded");
        long seededId =
                QuarkusTransaction.requiringNew()
                        .call(
                                () -> {
                                    AppUser user = new AppUser();
                                    user.username = username;
                                    user.email = username + "@example.com";
                                    user.createdAt = Instant.now();
                                    user.persist();
                                    return user.id;
                                });

        TestData.signIn(username);

        AppUser claimed =
                QuarkusTransaction.requiringNew()
                        .call(() -> AppUser.findByUsername(username).orElseThrow());
        assertThat(claimed.id).isEqualTo(seededId);
        assertThat(claimed.subject).isNotBlank();
        assertThat(claimed.lastSeenAt).isNotNull();
        assertThat(
                        QuarkusTransaction.requiringNew()
                                .call(() -> AppUser.count("username", username)))
                .isEqualTo(1);
    }

    @Test
    void shouldRecordUserOnAnyAuthenticatedCallNotOnlyMe() {
        Team team = TestData.team();
        String firstTimer = TestData.unique("first");
        as(firstTimer).get("/api/v1/tenants/{t}", team.slug()).then().statusCode(404);
        TestData.addMember(team.slug(), team.owner(), firstTimer, "VIEWER");
    }

    @Test
    @TestSecurity(user = "oidc-claims-user")
    @OidcSecurity(
            claims = {
                @Claim(key = "sub", value = "subject-oidc-claims-user"),
                @Claim(key = "email", value = "claims@example.org"),
                @Claim(key = "name", value = "Claire Claims")
            })
    void shouldReadSubjectEmailAndNameFromOidcIdentity() {
        RestAssured.get("/api/v1/me")
                .then()
                .statusCode(200)
                .body("username", equalTo("oidc-claims-user"))
                .body("email", equalTo("claims@example.org"))
                .body("name", equalTo("Claire Claims"));
        AppUser user =
                QuarkusTransaction.requiringNew()
                        .call(() -> AppUser.findByUsername("oidc-claims-user").orElseThrow());
        assertThat(user.subject).isEqualTo("subject-oidc-claims-user");
    }
}
