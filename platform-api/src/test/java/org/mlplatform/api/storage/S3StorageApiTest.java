package org.mlplatform.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.TestData.as;
import static org.mlplatform.api.model.Models.randomBytes;
import static org.mlplatform.api.model.Models.upload;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.model.Models;

/** The API's uploads and downloads with the S3 blob store, as docker-compose runs it (MinIO). */
@QuarkusTest
@TestProfile(S3StorageProfile.class)
class S3StorageApiTest {

    @Inject BlobStore store;

    @Test
    void shouldKeepUploadedVersionsInS3AndServeThemBack() throws Exception {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        byte[] bytes = randomBytes(700_000);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

        Response uploaded = upload(team.slug(), team.member(), model, bytes);

        assertThat(uploaded.statusCode()).as(uploaded.asString()).isEqualTo(202);
        assertThat(uploaded.<String>path("sha256")).isEqualTo(sha);
        assertThat(store).isInstanceOf(S3BlobStore.class);
        assertThat(store.exists(sha)).isTrue();
        byte[] downloaded =
                as(team.viewer())
                        .accept("application/octet-stream")
                        .get(
                                "/api/v1/tenants/{t}/models/{m}/versions/1/artifact",
                                team.slug(),
                                model)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        assertThat(downloaded).isEqualTo(bytes);

        as(team.member())
                .delete("/api/v1/tenants/{t}/models/{m}/versions/1", team.slug(), model)
                .then()
                .statusCode(204);
        TestData.await("the unreferenced blob to leave S3", () -> !store.exists(sha));
    }
}
