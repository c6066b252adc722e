package org.mlplatform.api.inference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.apikey.ApiKeys;
import org.mlplatform.api.deployment.ServedDeployment;
import org.mlplatform.api.model.Models;
import org.mlplatform.contract.deployment.DeploymentStatus;

@QuarkusTest
@TestProfile(GatewayTestProfile.class)
class GatewayTest {

    @Inject FakeDeploymentDirectory deployments;
    @Inject FakeInferenceRouter router;
    @Inject OpenInferenceRoutes routes;

    @Test
    void shouldAnswerHealthWithoutAKey() {
        given().get("/v2/health/live").then().statusCode(200);
        given().get("/v2/health/ready").then().statusCode(200);
    }

    @Test
    void shouldAnswer405WithAllowForAnotherMethodOnAProtocolPath() {
        given().put("/v2/models/anything/infer")
                .then()
                .statusCode(405)
                .header("Allow", "POST")
                .body("error", org.hamcrest.Matchers.equalTo("PUT is not allowed here; use POST"));
        given().delete("/v2/models/anything/versions/2")
                .then()
                .statusCode(405)
                .header("Allow", "GET");
        given().post("/v2/health/live").then().statusCode(405).header("Allow", "GET");
        given().post("/v2/models/anything/versions/2/ready")
                .then()
                .statusCode(405)
                .header("Allow", "GET");
    }

    @Test
    void shouldAnswer404InTheProtocolsFormForAPathThatNamesNothing() {
        for (String path :
                List.of(
                        "/v2/models/m/versions",
                        "/v2/models/m/predict",
                        "/v2/models/m/versions//infer",
                        "/v2/models/m/versions/1/infer/more",
                        "/v2/models/m/ready/x")) {
            given().header("Authorization", "Bearer whatever")
                    .post(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/json")
                    .body("error", org.hamcrest.Matchers.startsWith("Nothing is at /v2/models/m"));
        }
    }

    @Test
    void shouldPassTheWorkersAnswerThroughWithRateLimitHeaders() {
        Team team = TestData.team();
        String model = TestData.unique("m");
        deployments.deploy(Models.tenantId(team.slug()), model, 1);
        deployments.deploy(Models.tenantId(team.slug()), model, 2);
        String key = ApiKeys.create(team.slug(), team.admin()).secret();
        Response response = Gateway.infer(key, model);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) response.path("model_name")).isEqualTo(model);
        assertThat((String) response.path("model_version")).isEqualTo("2");
        assertThat((String) response.path("id")).isEqualTo("req-1");
        assertThat(response.header("RateLimit-Policy")).contains("\"tenant\";q=1000;w=1");
        assertThat(response.header("RateLimit")).matches("\"tenant\";r=\\d+;t=\\d+");
        Response v1 =
                given().header("Authorization", "Bearer " + key)
                        .contentType(ContentType.JSON)
                        .body(Gateway.BODY)
                        .post("/v2/models/{m}/versions/1/infer", model);
        assertThat((String) v1.path("model_version")).isEqualTo("1");
    }

    @Test
    void shouldDescribeTheModelInTheProtocolsTerms() {
        Team team = TestData.team();
        String model = TestData.unique("m");
        deployments.deploy(Models.tenantId(team.slug()), model, 1);
        deployments.deploy(Models.tenantId(team.slug()), model, 3);
        String key = ApiKeys.create(team.slug(), team.admin()).secret();
        Response meta = Gateway.metadata(key, model);
        assertThat(meta.statusCode()).isEqualTo(200);
        assertThat((String) meta.path("name")).isEqualTo(model);
        assertThat((List<String>) meta.path("versions")).containsExactly("1", "3");
        assertThat((String) meta.path("platform")).isEqualTo("onnxruntime_onnx");
        assertThat((String) meta.path("inputs[0].datatype")).isEqualTo("FP32");
        assertThat((List<Integer>) meta.path("inputs[0].shape")).containsExactly(-1, 4);
        given().header("Authorization", "Bearer " + key)
                .get("/v2/models/{m}/versions/3", model)
                .then()
                .statusCode(200);
        given().header("Authorization", "Bearer " + key)
                .get("/v2/models/{m}/ready", model)
                .then()
                .statusCode(200);
    }

    @Test
    void shouldAnswerUnknownModelsAndVersionsInTheProtocolsForm() {
        Team team = TestData.team();
        String model = TestData.unique("m");
        deployments.deploy(Models.tenantId(team.slug()), model, 1);
        deployments.deploy(Models.tenantId(team.slug()), model + "-p", 1, DeploymentStatus.PENDING);
        String key = ApiKeys.create(team.slug(), team.admin()).secret();
        Response unknown = Gateway.infer(key, "nope-" + model);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat((String) unknown.path("error")).contains("not found");
        given().header("Authorization", "Bearer " + key)
                .get("/v2/models/{m}/versions/9", model)
                .then()
                .statusCode(404);
        given().header("Authorization", "Bearer " + key)
                .get("/v2/models/{m}/versions/x/ready", model)
                .then()
                .statusCode(404);
        given().header("Authorization", "Bearer " + key)
                .get("/v2/models/{m}/ready", model + "-p")
                .then()
                .statusCode(503);
    }

    @Test
    void shouldRefuseMissingAndMalformedKeysWithoutEchoingThem() {
        Response none =
                given().contentType(ContentType.JSON).body(Gateway.BODY).post("/v2/models/x/infer");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        String bad = "mlp_notakeyatall_secret";
        Response malformed = Gateway.infer(bad, "x");
        assertThat(malformed.statusCode()).isEqualTo(401);
        assertThat(malformed.asString()).doesNotContain(bad).contains("invalid-api-key");
        assertThat(Gateway.metadata(bad, "x").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldEnforceScopes() {
        Team team = TestData.team();
        String model = TestData.unique("m");
        deployments.deploy(Models.tenantId(team.slug()), model, 1);
        String reader =
                ApiKeys.create(team.slug(), team.admin(), Map.of("scopes", List.of("models:read")))
                        .secret();
        String invoker =
                ApiKeys.create(
                                team.slug(),
                                team.admin(),
                                Map.of("scopes", List.of("inference:invoke")))
                        .secret();
        Response refused = Gateway.infer(reader, model);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Gateway.metadata(reader, model).statusCode()).isEqualTo(200);
        assertThat(Gateway.metadata(invoker, model).statusCode()).isEqualTo(403);
        assertThat(Gateway.infer(invoker, model).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldHideModelsOutsideTheKeysAllowList() {
        Team team = TestData.team();
        String allowed = TestData.unique("m");
        String other = TestData.unique("m");
        deployments.deploy(Models.tenantId(team.slug()), allowed, 1);
        deployments.deploy(Models.tenantId(team.slug()), other, 1);
        String key =
                ApiKeys.create(team.slug(), team.admin(), Map.of("models", List.of(allowed)))
                        .secret();
        Response first = Gateway.infer(key, allowed);
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
        assertThat(Gateway.infer(key, other).statusCode()).isEqualTo(404);
        assertThat(Gateway.metadata(key, other).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldNeverRouteOneTenantsKeyToAnotherTenantsModelOfTheSameName() {
        Team a = TestData.team();
        Team b = TestData.team();
        String model = TestData.unique("same");
        ServedDeployment da = deployments.deploy(Models.tenantId(a.slug()), model, 1);
        ServedDeployment db = deployments.deploy(Models.tenantId(b.slug()), model, 1);
        String keyA = ApiKeys.create(a.slug(), a.admin()).secret();
        String keyB = ApiKeys.create(b.slug(), b.admin()).secret();
        for (int i = 0; i < 5; i++) {
            assertThat(((Number) Gateway.infer(keyA, model).path("outputs[0].data[0]")).longValue())
                    .isEqualTo(da.tenantId());
            assertThat(((Number) Gateway.infer(keyB, model).path("outputs[0].data[0]")).longValue())
                    .isEqualTo(db.tenantId());
        }
        String onlyInB = TestData.unique("b");
        deployments.deploy(Models.tenantId(b.slug()), onlyInB, 1);
        assertThat(Gateway.infer(keyA, onlyInB).statusCode()).isEqualTo(404);
        assertThat(router.routed()).filteredOn(d -> d.model().equals(onlyInB)).isEmpty();
    }

    @Test
    void shouldAnswer503WithRetryAfterWhenWorkersShedLoadOrNoneIsLive() {
        Team team = TestData.team();
        String shed = TestData.unique("m");
        String none = TestData.unique("m");
        String broken = TestData.unique("m");
        long tenantId = Models.tenantId(team.slug());
        router.program(
                deployments.deploy(tenantId, shed, 1).id(), FakeInferenceRouter.shedding("3"));
        router.program(deployments.deploy(tenantId, none, 1).id(), FakeInferenceRouter.noWorker());
        router.program(
                deployments.deploy(tenantId, broken, 1).id(),
                FakeInferenceRouter.error(400, "bad input"));
        String key = ApiKeys.create(team.slug(), team.admin()).secret();
        Response shedding = Gateway.infer(key, shed);
        assertThat(shedding.statusCode()).isEqualTo(503);
        assertThat(shedding.header("Retry-After")).isEqualTo("3");
        Response noWorker = Gateway.infer(key, none);
        assertThat(noWorker.statusCode()).isEqualTo(503);
        assertThat(noWorker.header("Retry-After")).isEqualTo("1");
        assertThat((String) noWorker.path("error")).isNotBlank();
        Response badInput = Gateway.infer(key, broken);
        assertThat(badInput.statusCode()).isEqualTo(400);
        assertThat((String) badInput.path("error")).isEqualTo("bad input");
    }

    @Test
    void shouldRefuseABodyOverTheLimitWithoutRoutingIt() {
        Team team = TestData.team();
        String model = TestData.unique("m");
        deployments.deploy(Models.tenantId(team.slug()), model, 1);
        String key = ApiKeys.create(team.slug(), team.admin()).secret();
        String huge = "{\"inputs\":[{\"name\":\"x\",\"data\":[" + "0,".repeat(40_000) + "0]}]}";
        Response refused =
                given().header("Authorization", "Bearer " + key)
                        .contentType(ContentType.JSON)
                        .body(huge)
                        .post("/v2/models/{m}/infer", model)
                        .andReturn();
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat((String) refused.path("error")).contains("larger than 65536 bytes");
        assertThat(router.routed()).filteredOn(d -> d.model().equals(model)).isEmpty();
        assertThat(Gateway.infer(key, model).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseACallWithoutAUsableKeyBeforeItsBodyArrivesAndHoldNothing() throws Exception {
        Team team = TestData.team();
        String model = TestData.unique("m");
        deployments.deploy(Models.tenantId(team.slug()), model, 1);
        String readOnly =
                ApiKeys.create(team.slug(), team.admin(), Map.of("scopes", List.of("models:read")))
                        .secret();
        String path = "/v2/models/" + model + "/infer";

        // A megabyte announced, one byte sent: the answer comes without waiting for the rest.
        for (String key : new String[] {null, "mlp_not-a-key", readOnly}) {
            try (RawHttp call = new RawHttp()) {
                RawHttp.Answer answer = call.send(RawHttp.post(path, key, 1_000_000) + "{").read();

                assertThat(answer.status()).as(key).isEqualTo(key == readOnly ? 403 : 401);
                assertThat(answer.headers()).containsEntry("connection", "close");
                assertThat(answer.body()).doesNotContain("mlp_not-a-key");
                assertThat(call.closedByServer()).isTrue();
            }
        }
        assertThat(routes.bufferedBodyBytes()).isZero();
        assertThat(router.routed()).filteredOn(d -> d.model().equals(model)).isEmpty();
    }

    @Test
    void shouldKeepTheConnectionWhenRefusingAShortBodyWithoutAKey() throws Exception {
        try (RawHttp call = new RawHttp()) {
            String head = RawHttp.post("/v2/models/m/infer", "mlp_bad", Gateway.BODY.length());

            assertThat(call.send(head + Gateway.BODY).read().status()).isEqualTo(401);
            assertThat(call.send(head + Gateway.BODY).read().status()).isEqualTo(401);
        }
    }

    @Test
    void shouldRefuseBodiesBeyondATenantsShareOrTheGatewaysBufferWith503AndLetGoOfEveryByte()
            throws Exception {
        List<Caller> tenants = List.of(caller(), caller(), caller());
        String almostAll = "[" + " ".repeat(59_998);
        List<RawHttp> slow = new java.util.ArrayList<>();
        try {
            // Bodies of 60,000 bytes, each one byte short: a tenant's half of the 256 KiB buffer
            // holds two of them, and two tenants' fill it but for 22,148 bytes.
            for (Caller tenant : tenants.subList(0, 2)) {
                for (int i = 1; i <= 2; i++) {
                    slow.add(new RawHttp().send(tenant.head(60_000) + almostAll));
                    long expected = i * 59_999L;
                    TestData.await(
                            "the gateway to hold " + expected + " bytes of " + tenant,
                            () -> routes.bufferedBodyBytes(tenant.id()) == expected);
                }
                RawHttp.Answer third = refused(tenant.head(60_000) + almostAll);
                assertThat(third.status()).isEqualTo(503);
                assertThat(third.headers()).containsEntry("retry-after", "1");
                assertThat(third.body())
                        .contains("this tenant's request bodies")
                        .contains("131072 bytes, platform.inference.tenant-request-buffer-share");
                assertThat(routes.bufferedBodyBytes(tenant.id())).isEqualTo(2 * 59_999L);
            }
            // A third tenant's first body does not fit in what is left of the whole.
            RawHttp.Answer answer = refused(tenants.get(2).head(60_000) + almostAll);

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.headers()).containsEntry("retry-after", "1");
            assertThat(answer.body())
                    .contains("262144 bytes, platform.inference.request-buffer-size");
            assertThat(routes.bufferedBodyBytes()).isEqualTo(4 * 59_999L);
            assertThat(routes.bufferedBodyBytes(tenants.get(2).id())).isZero();
        } finally {
            for (RawHttp call : slow) {
                call.close();
            }
        }
        // Connections closed half way let go of their bytes; a call after them holds nothing.
        TestData.await("the gateway to hold nothing", () -> routes.bufferedBodyBytes() == 0);
        for (Caller tenant : tenants) {
            assertThat(routes.bufferedBodyBytes(tenant.id())).isZero();
            assertThat(Gateway.infer(tenant.key(), tenant.model()).statusCode()).isEqualTo(200);
        }
        assertThat(routes.bufferedBodyBytes()).isZero();
    }

    /** A tenant with a deployed model and a key for it. */
    private record Caller(long id, String model, String key) {
        String head(int length) {
            return RawHttp.post("/v2/models/" + model + "/infer", key, length);
        }
    }

    private Caller caller() {
        Team team = TestData.team();
        String model = TestData.unique("m");
        long tenantId = Models.tenantId(team.slug());
        deployments.deploy(tenantId, model, 1);
        return new Caller(tenantId, model, ApiKeys.create(team.slug(), team.admin()).secret());
    }

    private static RawHttp.Answer refused(String request) throws Exception {
        try (RawHttp call = new RawHttp()) {
            return call.send(request).read();
        }
    }

    @Test
    void shouldLetMembersTryAModelWithoutAKey() {
        Team team = TestData.team();
        String model = TestData.unique("m");
        String broken = TestData.unique("m");
        long tenantId = Models.tenantId(team.slug());
        deployments.deploy(tenantId, model, 1);
        router.program(
                deployments.deploy(tenantId, broken, 1).id(),
                FakeInferenceRouter.error(400, "bad input"));
        Response ok =
                as(team.viewer())
                        .body(Gateway.BODY)
                        .post("/api/v1/tenants/{t}/models/{m}/infer", team.slug(), model);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat((String) ok.path("model_name")).isEqualTo(model);
        Response failed =
                as(team.viewer())
                        .body(Gateway.BODY)
                        .post("/api/v1/tenants/{t}/models/{m}/infer", team.slug(), broken);
        assertThat(failed.statusCode()).isEqualTo(400);
        assertThat(failed.contentType()).startsWith("application/problem+json");
        assertThat((String) failed.path("detail")).isEqualTo("bad input");
        as(team.viewer())
                .body(Gateway.BODY)
                .post("/api/v1/tenants/{t}/models/{m}/infer?version=7", team.slug(), model)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldHideTryItFromOutsidersAndRefuseItWithoutAToken() {
        Team team = TestData.team();
        String model = TestData.unique("m");
        deployments.deploy(Models.tenantId(team.slug()), model, 1);
        as(team.outsider())
                .body(Gateway.BODY)
                .post("/api/v1/tenants/{t}/models/{m}/infer", team.slug(), model)
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Gateway.BODY)
                .post("/api/v1/tenants/{t}/models/{m}/infer", team.slug(), model)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }
}
