package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The download servlet's call to platform-api, against a real (tiny) HTTP server. */
class ArtifactDownloadTest {

    private static final int MIB = 1 << 20;

    private HttpServer server;
    private ApiHttp api;
    private final AtomicReference<String> authorization = new AtomicReference<>();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/api/v1/tenants/acme/models/iris/versions/2/artifact",
                exchange -> {
                    authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                    exchange.getResponseHeaders()
                            .set("Content-Disposition", "attachment; filename=\"iris-v2.onnx\"");
                    exchange.getResponseHeaders().set("ETag", "\"abc\"");
                    exchange.sendResponseHeaders(200, 20L * MIB);
                    try (OutputStream out = exchange.getResponseBody()) {
                        byte[] chunk = new byte[MIB];
                        for (int i = 0; i < 20; i++) {
                            out.write(chunk);
                        }
                    }
                });
        server.start();
        api = new ApiHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void shouldStreamTheArtifactWithTheUsersToken() throws Exception {
        HttpResponse<InputStream> artifact =
                ArtifactDownloadServlet.open(api, "acme", "iris", 2, Optional.of("tok"), null);

        assertThat(artifact.statusCode()).isEqualTo(200);
        assertThat(authorization.get()).isEqualTo("Bearer tok");
        assertThat(artifact.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"iris-v2.onnx\"");
        try (InputStream body = artifact.body()) {
            assertThat(body.transferTo(OutputStream.nullOutputStream())).isEqualTo(20L * MIB);
        }
    }

    @Test
    void shouldAcceptOnlyVersionPaths() {
        assertThat(ArtifactDownloadServlet.PATH.matcher("/t/acme/models/iris/versions/2").matches())
                .isTrue();
        assertThat(ArtifactDownloadServlet.PATH.matcher("/t/acme/models/../versions/2").matches())
                .isFalse();
        assertThat(ArtifactDownloadServlet.PATH.matcher("/t/acme/models/iris/versions/x").matches())
                .isFalse();
        assertThat(ArtifactDownloadServlet.path("acme", "iris", 2))
                .isEqualTo("/download/t/acme/models/iris/versions/2");
    }
}
