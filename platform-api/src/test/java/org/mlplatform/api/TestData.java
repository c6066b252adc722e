package org.mlplatform.api;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Builds unique users and tenants through the API, so tests do not depend on each other. */
public final class TestData {

    private TestData() {}

    /** A slug-safe unique name such as {@code acme-3f9a1c2b}. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A request as the given user, with JSON body. */
    public static RequestSpecification as(String username, String... roles) {
        return given().auth()
                .oauth2(Tokens.user(username, roles))
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON);
    }

    /** A request as the worker service account. */
    public static RequestSpecification asWorker() {
        return as("service-account-platform-worker", "worker");
    }

    /** A new platform admin who has signed in. */
    public static String platformAdmin() {
        String admin = unique("padmin");
        signIn(admin, "platform-admin");
        return admin;
    }

    /** A new user who has signed in once, so the platform knows them. */
    public static String user(String prefix) {
        String username = unique(prefix);
        signIn(username);
        return username;
    }

    public static void signIn(String username, String... roles) {
        as(username, roles).get("/api/v1/me").then().statusCode(200);
    }

    /** Creates a tenant owned by {@code owner}, as a new platform admin. */
    public static String tenant(String owner) {
        String slug = unique("t");
        as(platformAdmin(), "platform-admin")
                .body(Map.of("slug", slug, "name", "Tenant " + slug, "ownerUsername", owner))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(201);
        return slug;
    }

    public static void addMember(String slug, String actor, String username, String role) {
        as(actor)
                .body(Map.of("username", username, "role", role))
                .post("/api/v1/tenants/{tenant}/members", slug)
                .then()
                .statusCode(201);
    }

    /** A tenant with one user in each role, plus an outsider who owns another tenant. */
    public record Team(
            String slug,
            String owner,
            String admin,
            String member,
            String viewer,
            String outsider,
            String otherSlug) {}

    public static Team team() {
        String owner = user("owner");
        String slug = tenant(owner);
        String admin = user("admin");
        String member = user("member");
        String viewer = user("viewer");
        addMember(slug, owner, admin, "ADMIN");
        addMember(slug, owner, member, "MEMBER");
        addMember(slug, owner, viewer, "VIEWER");
        String outsider = user("outsider");
        String otherSlug = tenant(outsider);
        return new Team(slug, owner, admin, member, viewer, outsider, otherSlug);
    }

    /** A condition that may throw while it is checked. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls until the condition holds; fails after 10 seconds. */
    public static void await(String what, Condition condition) throws Exception {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        while (!condition.holds()) {
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
