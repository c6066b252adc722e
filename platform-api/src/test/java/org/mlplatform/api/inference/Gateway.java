package org.mlplatform.api.inference;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Calls of the /v2 gateway for tests. */
public final class Gateway {

    public static final String BODY =
            "{\"id\":\"req-1\",\"inputs\":[{\"name\":\"input\",\"shape\":[2,4],"
                    + "\"datatype\":\"FP32\",\"data\":[1,2,3,4,5,6,7,8]}]}";

    private Gateway() {}

    public static Response infer(String key, String model) {
        return infer(key, model, BODY);
    }

    public static Response infer(String key, String model, String body) {
        return given().header("Authorization", "Bearer " + key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/v2/models/{m}/infer", model)
                .andReturn();
    }

    public static Response metadata(String key, String model) {
        return given().header("Authorization", "Bearer " + key)
                .get("/v2/models/{m}", model)
                .andReturn();
    }
}
