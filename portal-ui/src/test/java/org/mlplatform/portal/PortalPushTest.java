package org.mlplatform.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.training.JobEventType;

/**
 * Server push in the assembled app: {@code @Push} on the shell, the websocket endpoint behind the
 * sign-in, and the job page's background refresh reaching the browser without a request of its own.
 * The browser is played by a websocket client speaking Atmosphere's protocol.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeApiServer.class, restrictToAnnotatedClass = true)
class PortalPushTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI root;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    private JsonNode init(String location) throws Exception {
        HttpResponse<String> init =
                http.send(
                        HttpRequest.newBuilder(
                                        root.resolve(
                                                "/?v-r=init&location="
                                                        + URLEncoder.encode(
                                                                location, StandardCharsets.UTF_8)))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(init.statusCode()).isEqualTo(200);
        return JSON.readTree(init.body());
    }

    @Test
    @TestSecurity(user = "alice")
    void shouldStartUisWithPushOverLongPolling() throws Exception {
        JsonNode init = init("t/acme/dashboard");

        assertThat(init.path("pushScript").asText()).startsWith("VAADIN/static/push/");
        String changes = init.path("appConfig").path("uidl").path("changes").toString();
        assertThat(changes).contains("\"key\":\"pushMode\",\"feat\":5,\"value\":\"AUTOMATIC\"");
        assertThat(changes).contains("\"key\":\"transport\",\"feat\":6,\"value\":\"long-polling\"");
    }

    @Test
    @TestSecurity(user = "alice")
    void shouldPushNewJobEventsToAnOpenJobPage() throws Exception {
        String route = "t/acme/training/" + FakeApiServer.JOB;
        JsonNode uidl = init(route).path("appConfig").path("uidl");
        assertThat(navigate(uidl, route)).contains("Waiting for the first epoch");
        StringBuffer received = new StringBuffer();
        WebSocket socket = connectPush(uidl.path("Vaadin-Push-ID").asText(), received);
        try {
            synchronized (FakeApiServer.TRAINING) {
                FakeApiServer.TRAINING.event(
                        FakeApiServer.JOB, JobEventType.LOG, "pushed-line-42", null, null);
            }

            Instant deadline = Instant.now().plusSeconds(20);
            while (!received.toString().contains("pushed-line-42")
                    && Instant.now().isBefore(deadline)) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            assertThat(received.toString()).contains("pushed-line-42");
        } finally {
            socket.abort();
        }
    }

    @Test
    @TestSecurity(user = "alice")
    void shouldHaveTheBrowserLoadTheChartModuleOnAJobPage() throws Exception {
        String route = "t/acme/training/" + FakeApiServer.JOB;
        String page = navigate(init(route).path("appConfig").path("uidl"), route);

        // The charts' element is not in Vaadin's bundle; the answer names the module to load.
        assertThat(page).contains("mlp-line-chart").contains("charts/mlp-line-chart.js");
    }

    /** What the browser does after the init request: asks the UI to show {@code route}. */
    private String navigate(JsonNode uidl, String route) throws Exception {
        String body =
                JSON.writeValueAsString(
                        java.util.Map.of(
                                "csrfToken",
                                uidl.path("Vaadin-Security-Key").asText(),
                                "rpc",
                                java.util.List.of(
                                        java.util.Map.of(
                                                "type",
                                                "event",
                                                "node",
                                                1,
                                                "event",
                                                "ui-navigate",
                                                "data",
                                                java.util.Map.of(
                                                        "route", route,
                                                        "query", "",
                                                        "appShellTitle", "",
                                                        "historyState", java.util.Map.of("idx", 0),
                                                        "trigger", ""))),
                                "syncId",
                                0,
                                "clientId",
                                0));
        HttpResponse<String> answer =
                http.send(
                        HttpRequest.newBuilder(root.resolve("/?v-r=uidl&v-uiId=0"))
                                .header("Content-Type", "application/json; charset=UTF-8")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }

    private WebSocket connectPush(String pushId, StringBuffer received) throws Exception {
        URI push =
                URI.create(
                        root.toString().replaceFirst("^http", "ws")
                                + "VAADIN/push?v-r=push&v-uiId=0&v-pushId="
                                + pushId
                                + "&X-Atmosphere-tracking-id=0"
                                + "&X-Atmosphere-Framework=3.1.5-javascript"
                                + "&X-Atmosphere-Transport=websocket"
                                + "&X-Atmosphere-TrackMessageSize=true"
                                + "&X-atmo-protocol=true");
        String cookie =
                String.join(
                        "; ",
                        cookies.getCookieStore().getCookies().stream()
                                .map(c -> c.getName() + "=" + c.getValue())
                                .toList());
        return http.newWebSocketBuilder()
                .header("Cookie", cookie)
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(
                        push,
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(
                                    WebSocket ws, CharSequence data, boolean last) {
                                received.append(data);
                                ws.request(1);
                                return null;
                            }
                        })
                .get(10, TimeUnit.SECONDS);
    }
}
