package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.dataset.DatasetResponse;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelVersionResponse;
import org.mlplatform.contract.model.ModelVersionStatus;

/** The streaming upload against a real (tiny) HTTP server standing in for platform-api. */
class StreamingUploadTest {

    private static final int MIB = 1 << 20;

    private HttpServer server;
    private Uploads uploads;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicReference<String> query = new AtomicReference<>();
    private final AtomicReference<String> receivedSha = new AtomicReference<>();
    private final AtomicLong receivedBytes = new AtomicLong();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/v1/tenants/acme/models/iris/versions", this::acceptVersion);
        server.createContext("/api/v1/tenants/acme/datasets", this::refuseOverQuota);
        server.start();
        uploads =
                new Uploads(
                        new ApiHttp(
                                URI.create("http://127.0.0.1:" + server.getAddress().getPort())));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** Reads the whole body, hashes it and answers 202 with the version. */
    private void acceptVersion(HttpExchange exchange) throws IOException {
        authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
        contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
        query.set(exchange.getRequestURI().getRawQuery());
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(exchange.getRequestBody(), sha)) {
            receivedBytes.set(in.transferTo(OutputStream.nullOutputStream()));
        }
        receivedSha.set(HexFormat.of().formatHex(sha.digest()));
        respond(
                exchange,
                202,
                "application/json",
                """
                {"model":"iris","version":3,"status":"VALIDATING","format":"ONNX",
                 "sizeBytes":%d,"sha256":"%s","source":"UPLOAD",
                 "createdAt":"2025-03-01T10:00:00Z"}
                """
                        .formatted(receivedBytes.get(), receivedSha.get()));
    }

    /** Reads 1 MiB, then refuses with a problem document, the way a quota check does. */
    private void refuseOverQuota(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readNBytes(MIB);
        respond(
                exchange,
                413,
                "application/problem+json",
                """
                {"type":"urn:problem:quota","title":"Quota exceeded","status":413,
                 "detail":"The upload would exceed acme's storage quota of 10 MB."}
                """);
        exchange.close();
    }

    private static void respond(HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void shouldStream50MiBIntactWithTheUsersToken() throws Exception {
        StreamingUpload<ModelVersionResponse> upload =
                uploads.modelVersion("acme", "iris", () -> ModelFormat.ONNX);
        MessageDigest sent = sha256();
        Random random = new Random(42);
        byte[] chunk = new byte[64 * 1024];

        try (OutputStream out =
                upload.start(upload.target().get(), Optional.of("token-of-alice"))) {
            for (int i = 0; i < 50 * MIB / chunk.length; i++) {
                random.nextBytes(chunk);
                sent.update(chunk);
                out.write(chunk);
            }
        }

        assertThat(receivedBytes.get()).isEqualTo(50L * MIB);
        assertThat(receivedSha.get()).isEqualTo(HexFormat.of().formatHex(sent.digest()));
        assertThat(authorization.get()).isEqualTo("Bearer token-of-alice");
        assertThat(contentType.get()).isEqualTo("application/octet-stream");
        assertThat(query.get()).isEqualTo("format=onnx");
        assertThat(upload.result().version()).isEqualTo(3);
        assertThat(upload.result().status()).isEqualTo(ModelVersionStatus.VALIDATING);
        assertThat(upload.result().sha256()).isEqualTo(receivedSha.get());
    }

    @Test
    void shouldFailFastWithTheApisProblemWhenItRefusesEarly() throws Exception {
        StreamingUpload<DatasetResponse> upload =
                uploads.dataset("acme", () -> "big", () -> DatasetFormat.CSV);
        byte[] chunk = new byte[64 * 1024];
        long written = 0;

        OutputStream out = upload.start(upload.target().get(), Optional.of("t"));
        IOException broken = null;
        try {
            while (written < 200L * MIB) {
                out.write(chunk);
                written += chunk.length;
            }
            out.close();
        } catch (IOException e) {
            broken = e;
        }

        System.out.printf("413 broke the transfer off after %d MiB%n", written / MIB);
        assertThat(broken).as("the transfer must break off").isNotNull();
        assertThat(written).as("bytes written before it broke off").isLessThan(20L * MIB);
        assertThat(upload.result()).isNull();
        // The JDK HttpClient usually hands over the early 413 and its problem document; sometimes
        // it reports the same early answer as a failed exchange instead (a known race, see the
        // issue note), and the user then reads the generic message.
        assertThat(upload.failure())
                .isInstanceOf(PlatformApiException.class)
                .extracting(Throwable::getMessage)
                .isIn(
                        "The upload would exceed acme's storage quota of 10 MB.",
                        "The platform is not reachable right now. Try again.");
    }

    @Test
    void shouldRefuseToStartWithoutAName() {
        StreamingUpload<DatasetResponse> upload =
                uploads.dataset("acme", () -> " ", () -> DatasetFormat.CSV);

        OutputStream out = upload.receiveUpload("x.csv", "text/csv");

        assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class);
        assertThat(upload.failure()).hasMessage("Choose a name before uploading.");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
