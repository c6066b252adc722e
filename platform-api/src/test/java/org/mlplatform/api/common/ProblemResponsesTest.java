package org.mlplatform.api.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.mlplatform.api.TestData.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.Tokens;

@QuarkusTest
class ProblemResponsesTest {

    @Test
    void shouldAnswer401ProblemWithoutToken() {
        given().get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("type", endsWith("unauthorized"))
                .body("instance", equalTo("/api/v1/me"));
    }

    @Test
    void shouldAnswer401ProblemForBadSignature() {
        String token = Tokens.user("mallory") + "x";
        given().auth()
                .oauth2(token)
                .get("/api/v1/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void shouldAnswer401ProblemForTokenWithoutPlatformAudience() {
        String token =
                Tokens.sign(
                        Map.of(
                                "sub", "x-1",
                                "preferred_username", "eve",
                                "aud", "someone-else",
                                "realm_access", Map.of("roles", List.of("platform-admin"))));
        given().auth()
                .oauth2(token)
                .get("/api/v1/admin/tenants")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldAnswer401ProblemForExpiredToken() {
        long past = java.time.Instant.now().getEpochSecond() - 3600;
        String token =
                Tokens.sign(
                        Map.of(
                                "sub", "x-2",
                                "preferred_username", "late",
                                "aud", "platform-api",
                                "iat", past - 300,
                                "exp", past));
        given().auth().oauth2(token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void shouldAnswer404ProblemForUnknownPath() {
        as("someone")
                .get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/no/such/path").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer405ProblemForWrongMethod() {
        as("someone")
                .delete("/api/v1/me")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("status", equalTo(405));
    }

    @Test
    void shouldAnswer400ProblemForMalformedJson() {
        as("padmin-json", "platform-admin")
                .body("{\"slug\": ")
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("malformed-json"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void shouldAnswer400WithFieldErrorsForInvalidTenant() {
        as("padmin-val", "platform-admin")
                .contentType(ContentType.JSON)
                .body(Map.of("slug", "Bad Slug!", "ownerUsername", "x"))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("validation"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("slug", "name"));
    }

    @Test
    void shouldAnswer400NamingAQueryParameterThatDoesNotParse() {
        String owner = TestData.user("owner");
        String slug = TestData.tenant(owner);
        // parameter, path, what the field error says
        List<List<String>> cases =
                List.of(
                        List.of("from", "/api/v1/tenants/{t}/usage?from=yesterday", "instant"),
                        List.of(
                                "to",
                                "/api/v1/tenants/{t}/usage?to=2026-13-01T00:00:00Z",
                                "instant"),
                        List.of("page", "/api/v1/tenants/{t}/models?page=abc", "integer"),
                        List.of("size", "/api/v1/tenants/{t}/api-keys?size=99999999999", "integer"),
                        List.of(
                                "status",
                                "/api/v1/tenants/{t}/training-jobs?status=bogus",
                                "must be one of QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED"),
                        List.of(
                                "granularity",
                                "/api/v1/tenants/{t}/usage?granularity=week",
                                "must be one of minute, hour, day"));
        for (List<String> c : cases) {
            as(owner)
                    .get(c.get(1), slug)
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", endsWith("validation"))
                    .body("errors[0].field", equalTo(c.get(0)))
                    .body("errors[0].message", containsString(c.get(2)));
        }
        as("padmin-query", "platform-admin")
                .get("/api/v1/admin/tenants?status=GONE")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must be one of ACTIVE, SUSPENDED"));
        // A path that names nothing stays a 404, and says why.
        as(owner)
                .post("/api/v1/tenants/{t}/api-keys/not-a-uuid/rotate", slug)
                .then()
                .statusCode(404)
                .body("type", endsWith("not-found"))
                .body("detail", equalTo("Nothing is at this path: 'not-a-uuid' must be a UUID."));
        as(owner)
                .get("/api/v1/tenants/{t}/models/m/versions/abc", slug)
                .then()
                .statusCode(404)
                .body("detail", equalTo("Nothing is at this path: 'abc' must be an integer."));
    }

    @Test
    void shouldServeOpenApiHealthAndMetrics() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/me"));
        given().get("/q/health").then().statusCode(200).body(containsString("Database"));
        given().get("/q/metrics").then().statusCode(200);
    }
}
