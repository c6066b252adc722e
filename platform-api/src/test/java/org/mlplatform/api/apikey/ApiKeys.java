package org.mlplatform.api.apikey;

import static org.mlplatform.api.TestData.as;

import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Creates API keys through the API for tests. */
public final class ApiKeys {

    /** A created key: its id and the whole secret. */
    public record Created(String id, String secret) {}

    private ApiKeys() {}

    /** A key with both scopes and no limits. */
    public static Created create(String slug, String admin) {
        return create(slug, admin, Map.of());
    }

    /** A key with both scopes, overriding or adding the given fields. */
    public static Created create(String slug, String admin, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "key " + System.nanoTime());
        body.put("scopes", List.of("inference:invoke", "models:read"));
        body.putAll(fields);
        Response response =
                as(admin).body(body).post("/api/v1/tenants/{t}/api-keys", slug).andReturn();
        if (response.statusCode() != 201) {
            throw new AssertionError("key not created: " + response.asString());
        }
        return new Created(response.path("key.id"), response.path("secret"));
    }
}
