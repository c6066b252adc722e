package org.mlplatform.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The assembled app without Keycloak: the {@code %test} profile names the OIDC endpoints instead of
 * discovering them, which is all the redirect to the sign-in page needs.
 */
@QuarkusTest
class PortalAppTest {

    @TestHTTPResource("/")
    URI root;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(root.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldReportHealthWithoutSignIn() throws Exception {
        HttpResponse<String> health = get("/q/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\": \"UP\"");
    }

    @Test
    void shouldServeMetricsWithoutSignIn() throws Exception {
        HttpResponse<String> metrics = get("/q/metrics");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");
    }

    @Test
    void shouldServeTheChartModuleAndChartJsFromThePortal() throws Exception {
        HttpResponse<String> element = get("/charts/mlp-line-chart.js");
        HttpResponse<String> library = get("/charts/chart.umd.min.js");

        assertThat(element.statusCode()).isEqualTo(200);
        assertThat(element.body()).contains("customElements.define('mlp-line-chart'");
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).startsWith("/*!\n * Chart.js v");
    }

    @Test
    void shouldSendAnonymousVisitorsToKeycloak() throws Exception {
        HttpResponse<String> page = get("/t/acme/members");

        assertThat(page.statusCode()).isEqualTo(302);
        String location = page.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .startsWith("http://localhost:18180/realms/platform/protocol/openid-connect/auth")
                .contains("client_id=portal-ui")
                .contains("code_challenge_method=S256");
    }

    @Test
    void shouldProtectTheStartPage() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(302);
    }
}
