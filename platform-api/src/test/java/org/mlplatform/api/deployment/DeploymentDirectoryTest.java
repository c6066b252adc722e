package org.mlplatform.api.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.deployment.Deployments.deployed;
import static org.mlplatform.api.deployment.Deployments.readyVersion;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.model.Model;
import org.mlplatform.api.model.ModelVersion;
import org.mlplatform.api.model.Models;
import org.mlplatform.contract.deployment.DeploymentStatus;
import org.mlplatform.contract.model.ModelFormat;

@QuarkusTest
class DeploymentDirectoryTest {

    @Inject DeploymentDirectory directory;

    @Test
    void shouldFindANewDeploymentWithinASecondWithItsSignature() throws Exception {
        Team team = TestData.team();
        long tenant = Models.tenantId(team.slug());
        String model = Models.create(team.slug(), team.member());
        int version = readyVersion(team.slug(), team.member(), model);
        assertThat(directory.find(tenant, model, version)).isEmpty();

        String id = deployed(team.slug(), team.member(), model, version);
        TestData.await(
                "deployment in directory",
                () -> directory.find(tenant, model, version).isPresent());

        ServedDeployment served = directory.find(tenant, model, version).orElseThrow();
        assertThat(served.id()).isEqualTo(UUID.fromString(id));
        assertThat(served.tenantId()).isEqualTo(tenant);
        assertThat(served.model()).isEqualTo(model);
        assertThat(served.format()).isEqualTo(ModelFormat.ONNX);
        assertThat(served.status()).isEqualTo(DeploymentStatus.PENDING);
        assertThat(served.signature()).isEqualTo(Deployments.SIGNATURE);
        assertThat(served.replicas()).isEqualTo(1);
    }

    @Test
    void shouldAnswerUnversionedLookupsWithTheDefaultElseTheHighestDeployedVersion()
            throws Exception {
        Team team = TestData.team();
        long tenant = Models.tenantId(team.slug());
        String model = Models.create(team.slug(), team.member());
        deployed(
                team.slug(), team.member(), model, readyVersion(team.slug(), team.member(), model));
        readyVersion(team.slug(), team.member(), model);
        deployed(
                team.slug(), team.member(), model, readyVersion(team.slug(), team.member(), model));

        TestData.await(
                "both versions", () -> directory.deployedVersions(tenant, model).size() == 2);
        assertThat(directory.deployedVersions(tenant, model)).containsExactly(1, 3);
        assertThat(version(directory.find(tenant, model, null))).isEqualTo(3);
        assertThat(directory.find(tenant, model, 2)).isEmpty();

        as(team.member())
                .body(Map.of("defaultVersion", 1))
                .patch("/api/v1/tenants/{t}/models/{m}", team.slug(), model)
                .then()
                .statusCode(200);

        TestData.await(
                "default version 1", () -> version(directory.find(tenant, model, null)) == 1);
        assertThat(version(directory.find(tenant, model, 3))).isEqualTo(3);
    }

    @Test
    void shouldNeverMatchAnotherTenantsModelOfTheSameName() throws Exception {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        long mine = Models.tenantId(team.slug());
        long theirs = Models.tenantId(team.otherSlug());
        as(team.outsider())
                .body(Map.of("name", model, "task", "TABULAR_CLASSIFICATION"))
                .post("/api/v1/tenants/{t}/models", team.otherSlug())
                .then()
                .statusCode(201);
        deployed(
                team.otherSlug(),
                team.outsider(),
                model,
                readyVersion(team.otherSlug(), team.outsider(), model));
        TestData.await("their deployment", () -> directory.find(theirs, model, 1).isPresent());

        assertThat(directory.find(mine, model, 1)).isEmpty();
        assertThat(directory.find(mine, model, null)).isEmpty();
        assertThat(directory.deployedVersions(mine, model)).isEmpty();
    }

    @Test
    void shouldDropAnUndeployedVersion() throws Exception {
        Team team = TestData.team();
        long tenant = Models.tenantId(team.slug());
        String model = Models.create(team.slug(), team.member());
        String id =
                deployed(
                        team.slug(),
                        team.member(),
                        model,
                        readyVersion(team.slug(), team.member(), model));
        TestData.await("deployed", () -> directory.find(tenant, model, null).isPresent());

        as(team.member())
                .delete("/api/v1/tenants/{t}/deployments/{id}", team.slug(), id)
                .then()
                .statusCode(204);

        TestData.await("undeployed", () -> directory.find(tenant, model, null).isEmpty());
        assertThat(directory.deployedVersions(tenant, model)).isEmpty();
    }

    @Test
    void shouldPickUpADeploymentWrittenElsewhereByThePeriodicRefresh() throws Exception {
        Team team = TestData.team();
        long tenant = Models.tenantId(team.slug());
        String model = Models.create(team.slug(), team.member());
        int version = readyVersion(team.slug(), team.member(), model);

        // As another API replica would: a row in the database, no event in this process.
        QuarkusTransaction.requiringNew()
                .run(
                        () -> {
                            Model m = Model.findByName(tenant, model).orElseThrow();
                            Deployment d = new Deployment();
                            d.id = UUID.randomUUID();
                            d.tenantId = tenant;
                            d.model = m;
                            d.modelVersion = ModelVersion.find(m, version).orElseThrow();
                            d.version = version;
                            d.maxBatchSize = 8;
                            d.maxBatchDelayMs = 2;
                            d.replicas = 1;
                            d.createdBy = "elsewhere";
                            d.createdAt = Instant.now();
                            d.persist();
                        });

        TestData.await("periodic refresh", () -> directory.find(tenant, model, null).isPresent());
    }

    private static int version(Optional<ServedDeployment> served) {
        return served.map(ServedDeployment::version).orElse(-1);
    }
}
