package org.mlplatform.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The checker itself: it must flag what the app does not read, or the compose test proves nothing.
 */
class ComposeChecksTest {

    private static final String PROPERTIES =
            """
            quarkus.http.port=8080
            %prod.quarkus.datasource.jdbc.url=jdbc:postgresql://localhost:5432/platform
            quarkus.rest-client.platform-api.url=http://localhost:8080
            quarkus.oidc.credentials.secret=${PORTAL_OIDC_SECRET:portal-ui-secret}
            """;

    @Test
    void shouldNameTheVariableNoKeyReads() {
        ComposeFile compose =
                ComposeFile.parse(
                        """
                        services:
                          app:
                            environment:
                              QUARKUS_DATASOURCE_JDBC_URL: jdbc:postgresql://db/platform
                              QUARKUS_DATASOURCE_JDBC_URLL: typo
                        """);

        assertThat(
                        ComposeChecks.unknownEnvironment(
                                compose, "app", AppConfigKeys.fromProperties(PROPERTIES)))
                .singleElement()
                .asString()
                .contains("QUARKUS_DATASOURCE_JDBC_URLL")
                .doesNotContain("QUARKUS_DATASOURCE_JDBC_URL ");
    }

    @Test
    void shouldAcceptKeysProfileKeysAndReferencesInListForm() {
        ComposeFile compose =
                ComposeFile.parse(
                        """
                        services:
                          app:
                            environment:
                              - QUARKUS_HTTP_PORT=8081
                              - QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://db/platform
                              - QUARKUS_REST_CLIENT_PLATFORM_API_URL=http://api:8080
                              - PORTAL_OIDC_SECRET=s3cret
                        """);

        assertThat(
                        ComposeChecks.unknownEnvironment(
                                compose, "app", AppConfigKeys.fromProperties(PROPERTIES)))
                .isEmpty();
    }

    @Test
    void shouldMapPropertyNamesLikeMicroProfileConfig() {
        assertThat(AppConfigKeys.envName("quarkus.rest-client.platform-api.url"))
                .isEqualTo("QUARKUS_REST_CLIENT_PLATFORM_API_URL");
        assertThat(AppConfigKeys.envName("quarkus.rest-client.\"platform-api\".url"))
                .isEqualTo("QUARKUS_REST_CLIENT__PLATFORM_API__URL");
    }
}
