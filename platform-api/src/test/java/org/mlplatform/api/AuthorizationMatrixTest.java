package org.mlplatform.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.TestData.asWorker;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.dataset.Datasets;
import org.mlplatform.api.deployment.Deployments;
import org.mlplatform.api.job.Job;
import org.mlplatform.api.model.Models;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.JobStatus;

/**
 * Every endpoint against every kind of caller: no token → 401, another tenant → 404, too weak a
 * role → 403, the weakest sufficient role → 2xx.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** Who may call an endpoint. */
    enum Access {
        ANY_USER,
        VIEWER,
        MEMBER,
        ADMIN,
        PLATFORM_ADMIN,
        WORKER
    }

    record Endpoint(
            String method,
            String path,
            String body,
            Access access,
            int success,
            ContentType contentType) {
        Endpoint(String method, String path, String body, Access access, int success) {
            this(method, path, body, access, success, ContentType.JSON);
        }

        boolean tenantScoped() {
            return access == Access.VIEWER || access == Access.MEMBER || access == Access.ADMIN;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("GET", "/api/v1/me", null, Access.ANY_USER, 200),
                new Endpoint("GET", "/api/v1/tenants/{tenant}", null, Access.VIEWER, 200),
                new Endpoint("GET", "/api/v1/tenants/{tenant}/members", null, Access.VIEWER, 200),
                new Endpoint(
                        "POST",
                        "/api/v1/tenants/{tenant}/members",
                        "{\"username\":\"{newUser}\",\"role\":\"MEMBER\"}",
                        Access.ADMIN,
                        201),
                new Endpoint(
                        "PATCH",
                        "/api/v1/tenants/{tenant}/members/{viewer}",
                        "{\"role\":\"MEMBER\"}",
                        Access.ADMIN,
                        200),
                new Endpoint(
                        "DELETE",
                        "/api/v1/tenants/{tenant}/members/{viewer}",
                        null,
                        Access.ADMIN,
                        204),
                new Endpoint(
                        "GET", "/api/v1/tenants/{tenant}/audit-events", null, Access.ADMIN, 200),
                new Endpoint(
                        "POST",
                        "/api/v1/admin/tenants",
                        "{\"slug\":\"{newSlug}\",\"name\":\"New\",\"ownerUsername\":\"{newUser}\"}",
                        Access.PLATFORM_ADMIN,
                        201),
                new Endpoint("GET", "/api/v1/admin/tenants", null, Access.PLATFORM_ADMIN, 200),
                new Endpoint(
                        "GET", "/api/v1/admin/tenants/{tenant}", null, Access.PLATFORM_ADMIN, 200),
                new Endpoint(
                        "PATCH",
                        "/api/v1/admin/tenants/{tenant}",
                        "{\"name\":\"Renamed\"}",
                        Access.PLATFORM_ADMIN,
                        200),
                new Endpoint("GET", "/api/v1/admin/audit-events", null, Access.PLATFORM_ADMIN, 200),
                new Endpoint("GET", "/api/v1/admin/workers", null, Access.PLATFORM_ADMIN, 200),
                new Endpoint(
                        "POST",
                        "/internal/v1/workers/register",
                        "{\"name\":\"{newWorker}\",\"url\":\"http://127.0.0.1:9\"}",
                        Access.WORKER,
                        200),
                new Endpoint(
                        "POST",
                        "/internal/v1/workers/{workerId}/heartbeat",
                        null,
                        Access.WORKER,
                        204),
                new Endpoint("GET", "/api/v1/tenants/{tenant}/quota", null, Access.VIEWER, 200),
                new Endpoint(
                        "GET",
                        "/api/v1/admin/tenants/{tenant}/quota",
                        null,
                        Access.PLATFORM_ADMIN,
                        200),
                new Endpoint(
                        "PUT",
                        "/api/v1/admin/tenants/{tenant}/quota",
                        "{\"maxStorageBytes\":1000000,\"maxModels\":5,\"maxDatasets\":5}",
                        Access.PLATFORM_ADMIN,
                        200),
                new Endpoint(
                        "POST",
                        "/api/v1/tenants/{tenant}/models",
                        "{\"name\":\"{newSlug}\",\"task\":\"OTHER\"}",
                        Access.MEMBER,
                        201),
                new Endpoint("GET", "/api/v1/tenants/{tenant}/models", null, Access.VIEWER, 200),
                new Endpoint(
                        "GET", "/api/v1/tenants/{tenant}/models/{model}", null, Access.VIEWER, 200),
                new Endpoint(
                        "PATCH",
                        "/api/v1/tenants/{tenant}/models/{model}",
                        "{\"description\":\"changed\"}",
                        Access.MEMBER,
                        200),
                new Endpoint(
                        "DELETE",
                        "/api/v1/tenants/{tenant}/models/{model}",
                        null,
                        Access.MEMBER,
                        204),
                new Endpoint(
                        "POST",
                        "/api/v1/tenants/{tenant}/models/{model}/versions?format=onnx",
                        "some model bytes",
                        Access.MEMBER,
                        202,
                        ContentType.BINARY),
                new Endpoint(
                        "GET",
                        "/api/v1/tenants/{tenant}/models/{model}/versions",
                        null,
                        Access.VIEWER,
                        200),
                new Endpoint(
                        "GET",
                        "/api/v1/tenants/{tenant}/models/{model}/versions/1",
                        null,
                        Access.VIEWER,
                        200),
                new Endpoint(
                        "GET",
                        "/api/v1/tenants/{tenant}/models/{model}/versions/1/artifact",
                        null,
                        Access.VIEWER,
                        200),
                new Endpoint(
                        "DELETE",
                        "/api/v1/tenants/{tenant}/models/{model}/versions/1",
                        null,
                        Access.MEMBER,
                        204),
                new Endpoint(
                        "POST",
                        "/internal/v1/jobs/claim",
                        "{\"workerId\":\"{workerId}\",\"kinds\":[\"NOOP\"],\"waitSeconds\":0}",
                        Access.WORKER,
                        204),
                new Endpoint(
                        "POST",
                        "/internal/v1/jobs/batch",
                        "{\"workerId\":\"{workerId}\",\"completed\":[],\"claim\":0}",
                        Access.WORKER,
                        200),
                new Endpoint(
                        "POST",
                        "/internal/v1/jobs/{jobId}/heartbeat",
                        "{\"leaseToken\":\"{leaseToken}\"}",
                        Access.WORKER,
                        200),
                new Endpoint(
                        "POST",
                        "/internal/v1/jobs/{noopJobId}/complete",
                        "{\"leaseToken\":\"{noopLeaseToken}\"}",
                        Access.WORKER,
                        204),
                new Endpoint(
                        "POST",
                        "/internal/v1/jobs/{jobId}/fail",
                        "{\"leaseToken\":\"{leaseToken}\",\"error\":\"x\",\"retryable\":false}",
                        Access.WORKER,
                        204),
                new Endpoint("GET", "/internal/v1/blobs/{sha}", null, Access.WORKER, 200),
                new Endpoint(
                        "POST",
                        "/internal/v1/jobs/{jobId}/events",
                        "{\"leaseToken\":\"{leaseToken}\",\"events\":[{\"type\":\"LOG\"}]}",
                        Access.WORKER,
                        204),
                new Endpoint(
                        "POST",
                        "/internal/v1/jobs/{jobId}/checkpoint?leaseToken={leaseToken}&epoch=1",
                        "checkpoint bytes",
                        Access.WORKER,
                        200,
                        ContentType.BINARY),
                new Endpoint(
                        "POST",
                        "/internal/v1/jobs/{jobId}/artifact?leaseToken={leaseToken}",
                        "model archive bytes",
                        Access.WORKER,
                        200,
                        ContentType.BINARY),
                new Endpoint(
                        "POST",
                        "/internal/v1/jobs/{jobId}/cancelled",
                        "{\"leaseToken\":\"{leaseToken}\"}",
                        Access.WORKER,
                        204),
                new Endpoint(
                        "POST",
                        "/api/v1/tenants/{tenant}/training-jobs",
                        "{\"dataset\":\"{dataset}\",\"task\":\"classification\","
                                + "\"labelColumn\":\"b\",\"architecture\":{\"type\":\"mlp\"},"
                                + "\"outputModel\":\"{newSlug}\"}",
                        Access.MEMBER,
                        201),
                new Endpoint(
                        "GET", "/api/v1/tenants/{tenant}/training-jobs", null, Access.VIEWER, 200),
                new Endpoint(
                        "GET",
                        "/api/v1/tenants/{tenant}/training-jobs/{trainingJob}",
                        null,
                        Access.VIEWER,
                        200),
                new Endpoint(
                        "GET",
                        "/api/v1/tenants/{tenant}/training-jobs/{trainingJob}/events",
                        null,
                        Access.VIEWER,
                        200),
                new Endpoint(
                        "GET",
                        "/api/v1/tenants/{tenant}/training-jobs/{finishedJob}/events/stream",
                        null,
                        Access.VIEWER,
                        200),
                new Endpoint(
                        "POST",
                        "/api/v1/tenants/{tenant}/training-jobs/{trainingJob}/cancel",
                        null,
                        Access.MEMBER,
                        200),
                new Endpoint(
                        "POST",
                        "/api/v1/tenants/{tenant}/datasets?name={newSlug}&format=csv",
                        "a,b\n1,2\n",
                        Access.MEMBER,
                        201,
                        ContentType.BINARY),
                new Endpoint("GET", "/api/v1/tenants/{tenant}/datasets", null, Access.VIEWER, 200),
                new Endpoint(
                        "POST",
                        "/api/v1/tenants/{tenant}/deployments",
                        "{\"model\":\"{deployedModel}\",\"version\":2}",
                        Access.MEMBER,
                        201),
                new Endpoint(
                        "GET", "/api/v1/tenants/{tenant}/deployments", null, Access.VIEWER, 200),
                new Endpoint(
                        "GET",
                        "/api/v1/tenants/{tenant}/deployments/{deployment}",
                        null,
                        Access.VIEWER,
                        200),
                new Endpoint(
                        "DELETE",
                        "/api/v1/tenants/{tenant}/deployments/{deployment}",
                        null,
                        Access.MEMBER,
                        204),
                new Endpoint(
                        "PATCH",
                        "/api/v1/tenants/{tenant}/models/{deployedModel}",
                        "{\"defaultVersion\":1}",
                        Access.MEMBER,
                        200),
                new Endpoint(
                        "GET",
                        "/internal/v1/workers/{workerId}/deployments",
                        null,
                        Access.WORKER,
                        200),
                new Endpoint(
                        "GET", "/internal/v1/deployments/{deployment}", null, Access.WORKER, 200),
                new Endpoint(
                        "PUT",
                        "/internal/v1/deployments/{deployment}/replicas/{workerId}",
                        "{\"status\":\"READY\",\"loadMillis\":10}",
                        Access.WORKER,
                        204),
                new Endpoint(
                        "GET",
                        "/api/v1/tenants/{tenant}/datasets/{dataset}",
                        null,
                        Access.VIEWER,
                        200),
                new Endpoint(
                        "GET",
                        "/api/v1/tenants/{tenant}/datasets/{dataset}/preview",
                        null,
                        Access.VIEWER,
                        200),
                new Endpoint(
                        "POST",
                        "/api/v1/tenants/{tenant}/api-keys",
                        "{\"name\":\"ci\",\"scopes\":[\"inference:invoke\"]}",
                        Access.ADMIN,
                        201),
                new Endpoint("GET", "/api/v1/tenants/{tenant}/api-keys", null, Access.VIEWER, 200),
                new Endpoint(
                        "GET",
                        "/api/v1/tenants/{tenant}/api-keys/{apiKey}",
                        null,
                        Access.VIEWER,
                        200),
                new Endpoint(
                        "POST",
                        "/api/v1/tenants/{tenant}/api-keys/{apiKey}/rotate",
                        "{\"gracePeriodSeconds\":60}",
                        Access.ADMIN,
                        200),
                new Endpoint(
                        "POST",
                        "/api/v1/tenants/{tenant}/api-keys/{apiKey}/revoke",
                        null,
                        Access.ADMIN,
                        200),
                new Endpoint("GET", "/api/v1/tenants/{tenant}/usage", null, Access.VIEWER, 200),
                new Endpoint("GET", "/api/v1/admin/usage", null, Access.PLATFORM_ADMIN, 200),
                new Endpoint(
                        "DELETE",
                        "/api/v1/tenants/{tenant}/datasets/{dataset}",
                        null,
                        Access.MEMBER,
                        204));
    }

    static Stream<Endpoint> tenantEndpoints() {
        return endpoints().filter(Endpoint::tenantScoped);
    }

    static Stream<Endpoint> endpointsWithWeakerRole() {
        return endpoints().filter(e -> e.access != Access.ANY_USER && e.access != Access.VIEWER);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldAnswer401ProblemWithoutToken(Endpoint endpoint) {
        Response response =
                call(given().contentType(ContentType.JSON), endpoint, fixture(endpoint, false));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tenantEndpoints")
    void shouldHideOtherTenantsFromMembersOfAnotherTenant(Endpoint endpoint) {
        Fixture f = fixture(endpoint, true);
        Response response = call(as(f.team.outsider()), endpoint, f);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tenantEndpoints")
    void shouldHideTenantFromPlatformAdminWhoIsNotAMember(Endpoint endpoint) {
        Fixture f = fixture(endpoint, true);
        Response response = call(as(f.platformAdmin, "platform-admin"), endpoint, f);
        assertThat(response.statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tenantEndpoints")
    void shouldAnswer404ForUnknownTenant(Endpoint endpoint) {
        Fixture f = fixture(endpoint, true);
        Fixture unknown = new Fixture(withSlug(f.team, TestData.unique("nope")), f);
        assertThat(call(as(f.team.owner()), endpoint, unknown).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpointsWithWeakerRole")
    void shouldAnswer403ProblemForTooWeakRole(Endpoint endpoint) {
        Fixture f = fixture(endpoint, true);
        RequestSpecification weaker =
                switch (endpoint.access) {
                    case MEMBER -> as(f.team.viewer());
                    case ADMIN -> as(f.team.member());
                    case PLATFORM_ADMIN -> as(f.team.owner());
                    case WORKER -> as(f.platformAdmin, "platform-admin");
                    default -> throw new IllegalArgumentException(endpoint.toString());
                };
        Response response = call(weaker, endpoint, f);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldSucceedWithWeakestSufficientRole(Endpoint endpoint) {
        Fixture f = fixture(endpoint, true);
        RequestSpecification caller =
                switch (endpoint.access) {
                    case ANY_USER -> as(f.team.outsider());
                    case VIEWER -> as(f.team.viewer());
                    case MEMBER -> as(f.team.member());
                    case ADMIN -> as(f.team.admin());
                    case PLATFORM_ADMIN -> as(f.platformAdmin, "platform-admin");
                    case WORKER -> asWorker();
                };
        Response response = call(caller, endpoint, f);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(endpoint.success);
    }

    /** The data an endpoint's path and body refer to. */
    record Fixture(
            Team team,
            String platformAdmin,
            String newUser,
            String workerId,
            String newSlug,
            String model,
            String sha,
            String jobId,
            String leaseToken,
            String dataset,
            String trainingJob,
            String finishedJob,
            String noopJobId,
            String noopLeaseToken,
            String deployedModel,
            String deployment,
            String apiKey) {
        Fixture(Team team, Fixture from) {
            this(
                    team,
                    from.platformAdmin,
                    from.newUser,
                    from.workerId,
                    from.newSlug,
                    from.model,
                    from.sha,
                    from.jobId,
                    from.leaseToken,
                    from.dataset,
                    from.trainingJob,
                    from.finishedJob,
                    from.noopJobId,
                    from.noopLeaseToken,
                    from.deployedModel,
                    from.deployment,
                    from.apiKey);
        }
    }

    private static Fixture fixture(Endpoint endpoint, boolean real) {
        if (!real) {
            Team fake = new Team("acme", "o", "a", "m", "v", "x", "globex");
            String zero = "00000000-0000-0000-0000-000000000000";
            return new Fixture(
                    fake,
                    "p",
                    "n",
                    zero,
                    "new",
                    "model",
                    "0".repeat(64),
                    zero,
                    zero,
                    "data",
                    zero,
                    zero,
                    zero,
                    zero,
                    "deployed",
                    zero,
                    zero);
        }
        Team team = TestData.team();
        String workerId =
                asWorker()
                        .body("{\"name\":\"" + TestData.unique("w") + "\",\"url\":\"http://w\"}")
                        .post("/internal/v1/workers/register")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("id");
        String model = Models.create(team.slug(), team.owner());
        String sha =
                Models.upload(team.slug(), team.owner(), model, Models.randomBytes(64))
                        .then()
                        .statusCode(202)
                        .extract()
                        .path("sha256");
        Job job = leasedJob(Models.tenantId(team.slug()), JobKind.TRAIN);
        Job noop = leasedJob(Models.tenantId(team.slug()), JobKind.NOOP);
        // The jobs use a dataset of their own, so that the fixture's dataset can be deleted.
        String jobsDataset = Datasets.create(team.slug(), team.owner());
        String trainingJob = trainingJob(team, jobsDataset);
        String finishedJob = trainingJob(team, jobsDataset);
        as(team.owner())
                .post("/api/v1/tenants/{t}/training-jobs/{id}/cancel", team.slug(), finishedJob)
                .then()
                .statusCode(200);
        // A model with v1 deployed and v2 READY, for the deployment endpoints.
        String deployedModel = Models.create(team.slug(), team.owner());
        Deployments.readyVersion(team.slug(), team.owner(), deployedModel);
        Deployments.readyVersion(team.slug(), team.owner(), deployedModel);
        String deployment = Deployments.deployed(team.slug(), team.owner(), deployedModel, 1);
        return new Fixture(
                team,
                TestData.platformAdmin(),
                TestData.user("new"),
                workerId,
                TestData.unique("n"),
                model,
                sha,
                job.id.toString(),
                job.leaseToken.toString(),
                Datasets.create(team.slug(), team.owner()),
                trainingJob,
                finishedJob,
                noop.id.toString(),
                noop.leaseToken.toString(),
                deployedModel,
                deployment,
                org.mlplatform.api.apikey.ApiKeys.create(team.slug(), team.owner()).id());
    }

    /** A queued training job on the fixture's dataset (columns a NUMERIC, b CATEGORICAL). */
    private static String trainingJob(Team team, String dataset) {
        return as(team.owner())
                .body(
                        Map.of(
                                "dataset",
                                dataset,
                                "task",
                                "classification",
                                "labelColumn",
                                "b",
                                "architecture",
                                Map.of("type", "mlp"),
                                "outputModel",
                                TestData.unique("out")))
                .post("/api/v1/tenants/{t}/training-jobs", team.slug())
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A job leased for an hour, so the job endpoints have something to act on. */
    private static Job leasedJob(long tenantId, JobKind kind) {
        Job job = new Job();
        job.id = UUID.randomUUID();
        job.tenantId = tenantId;
        job.kind = kind;
        job.spec = Map.of();
        job.status = JobStatus.RUNNING;
        job.attempt = 1;
        job.maxAttempts = 2;
        job.leaseToken = UUID.randomUUID();
        job.leaseExpiresAt = Instant.now().plusSeconds(3600);
        job.createdAt = Instant.now();
        job.notBefore = job.createdAt;
        QuarkusTransaction.requiringNew().run(job::persist);
        return job;
    }

    private static Team withSlug(Team t, String slug) {
        return new Team(
                slug, t.owner(), t.admin(), t.member(), t.viewer(), t.outsider(), t.otherSlug());
    }

    private static Response call(RequestSpecification request, Endpoint endpoint, Fixture f) {
        String path = fill(endpoint.path, f);
        if (endpoint.body != null) {
            String body = fill(endpoint.body, f);
            request =
                    endpoint.contentType == ContentType.BINARY
                            ? request.contentType(ContentType.BINARY)
                                    .body(body.getBytes(StandardCharsets.UTF_8))
                            : request.contentType(endpoint.contentType).body(body);
        }
        if (path.endsWith("/artifact") || path.contains("/blobs/")) {
            request = request.accept("*/*");
        }
        if (path.endsWith("/events/stream")) {
            request = request.accept("text/event-stream");
        }
        return request.request(endpoint.method, path);
    }

    private static String fill(String template, Fixture f) {
        return template.replace("{tenant}", f.team.slug())
                .replace("{viewer}", f.team.viewer())
                .replace("{newUser}", f.newUser)
                .replace("{newSlug}", f.newSlug)
                .replace("{newWorker}", TestData.unique("w"))
                .replace("{workerId}", f.workerId)
                .replace("{deployedModel}", f.deployedModel)
                .replace("{deployment}", f.deployment)
                .replace("{model}", f.model)
                .replace("{sha}", f.sha)
                .replace("{jobId}", f.jobId)
                .replace("{leaseToken}", f.leaseToken)
                .replace("{dataset}", f.dataset)
                .replace("{trainingJob}", f.trainingJob)
                .replace("{finishedJob}", f.finishedJob)
                .replace("{noopJobId}", f.noopJobId)
                .replace("{noopLeaseToken}", f.noopLeaseToken)
                .replace("{apiKey}", f.apiKey);
    }
}
