package org.mlplatform.api.tenant;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.mlplatform.api.TestData.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;

@QuarkusTest
class AdminTenantsTest {

    @Test
    void shouldCreateTenantWithOwnerAndLocation() {
        String admin = TestData.platformAdmin();
        String owner = TestData.user("owner");
        String slug = TestData.unique("acme");
        as(admin, "platform-admin")
                .body(Map.of("slug", slug, "name", "Acme", "ownerUsername", owner))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/admin/tenants/" + slug))
                .body("slug", equalTo(slug))
                .body("status", equalTo("ACTIVE"))
                .body("memberCount", equalTo(1));
        as(owner)
                .get("/api/v1/me")
                .then()
                .body("tenants.find { it.slug == '" + slug + "' }.role", equalTo("OWNER"));
    }

    @Test
    void shouldRefuseDuplicateSlugAndUnknownOwner() {
        String admin = TestData.platformAdmin();
        String owner = TestData.user("owner");
        String slug = TestData.tenant(owner);
        as(admin, "platform-admin")
                .body(Map.of("slug", slug, "name", "Again", "ownerUsername", owner))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        as(admin, "platform-admin")
                .body(
                        Map.of(
                                "slug", TestData.unique("x"),
                                "name", "X",
                                "ownerUsername", TestData.unique("ghost")))
                .post("/api/v1/admin/tenants")
                .then()
                .statusCode(404)
                .body("detail", containsString("sign in once"));
    }

    @Test
    void shouldSearchPageAndFilterTenants() {
        String admin = TestData.platformAdmin();
        String owner = TestData.user("owner");
        String marker = TestData.unique("zz").replace("-", "");
        for (int i = 0; i < 3; i++) {
            as(admin, "platform-admin")
                    .body(
                            Map.of(
                                    "slug",
                                    TestData.unique("s"),
                                    "name",
                                    "Search " + marker.toUpperCase() + " " + i,
                                    "ownerUsername",
                                    owner))
                    .post("/api/v1/admin/tenants")
                    .then()
                    .statusCode(201);
        }
        as(admin, "platform-admin")
                .queryParam("q", marker)
                .queryParam("size", 2)
                .get("/api/v1/admin/tenants")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("size", equalTo(2))
                .body("items.size()", equalTo(2));
        as(admin, "platform-admin")
                .queryParam("q", marker)
                .queryParam("status", "SUSPENDED")
                .get("/api/v1/admin/tenants")
                .then()
                .body("total", equalTo(0));
        as(admin, "platform-admin")
                .queryParam("size", 1000)
                .get("/api/v1/admin/tenants")
                .then()
                .body("size", equalTo(100))
                .body("items.status", everyItem(org.hamcrest.Matchers.notNullValue()));
    }

    @Test
    void shouldRenameTenant() {
        String admin = TestData.platformAdmin();
        String slug = TestData.tenant(TestData.user("owner"));
        as(admin, "platform-admin")
                .body(Map.of("name", "New name"))
                .patch("/api/v1/admin/tenants/{slug}", slug)
                .then()
                .statusCode(200)
                .body("name", equalTo("New name"));
        as(admin, "platform-admin")
                .queryParam("q", "new name")
                .get("/api/v1/admin/tenants")
                .then()
                .body("items.slug", hasItem(slug));
    }

    @Test
    void shouldRejectBadStatusValueAndBlankName() {
        String admin = TestData.platformAdmin();
        String slug = TestData.tenant(TestData.user("owner"));
        as(admin, "platform-admin")
                .body(Map.of("status", "DELETED"))
                .patch("/api/v1/admin/tenants/{slug}", slug)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as(admin, "platform-admin")
                .body(Map.of("name", ""))
                .patch("/api/v1/admin/tenants/{slug}", slug)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        as(admin, "platform-admin")
                .get("/api/v1/admin/tenants/{slug}", TestData.unique("nope"))
                .then()
                .statusCode(404);
    }
}
