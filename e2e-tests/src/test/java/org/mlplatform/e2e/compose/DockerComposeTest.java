package org.mlplatform.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks docker-compose.yml without Docker: the services exist, the apps' Dockerfiles exist, and
 * every environment variable given to an app is one that app reads. Runs in the normal build.
 */
class DockerComposeTest {

    private static final Path ROOT = repositoryRoot();
    private static final ComposeFile COMPOSE =
            ComposeFile.parse(read(ROOT.resolve("docker-compose.yml")));

    @Test
    void shouldDefineEveryService() {
        assertThat(COMPOSE.services())
                .contains("postgres", "keycloak", "minio", "platform-api", "worker", "portal-ui");
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform-api", "worker", "portal-ui", "keycloak"})
    void shouldBuildFromAnExistingDockerfile(String service) {
        ComposeFile.Build build = COMPOSE.build(service).orElseThrow();
        Path context = ROOT.resolve(build.context()).normalize();
        assertThat(context).as(service + " build context").isDirectory();
        assertThat(context.resolve(build.dockerfile()).normalize())
                .as(service + " Dockerfile")
                .isRegularFile();
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform-api", "worker", "portal-ui"})
    void shouldPassOnlyEnvironmentVariablesTheAppReads(String service) {
        Path properties =
                ROOT.resolve(service).resolve("src/main/resources/application.properties");
        assertThat(properties).as(service + " application.properties").isRegularFile();

        AppConfigKeys keys = AppConfigKeys.fromProperties(read(properties));

        assertThat(ComposeChecks.unknownEnvironment(COMPOSE, service, keys)).isEmpty();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "no docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
