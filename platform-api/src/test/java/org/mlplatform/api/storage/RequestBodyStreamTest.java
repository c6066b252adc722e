package org.mlplatform.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The body stream on a real Vert.x server, read on a worker thread as the upload endpoints do. */
class RequestBodyStreamTest {

    private final ExecutorService workers = Executors.newCachedThreadPool();
    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        server =
                vertx.createHttpServer()
                        .requestHandler(this::digest)
                        .listen(0)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopServer() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        workers.shutdownNow();
    }

    /** Answers "<sha256> <bytes>" of the body, read in 8 KiB steps on a worker. */
    private void digest(HttpServerRequest request) {
        RequestBodyStream body = new RequestBodyStream(request, request::resume);
        workers.execute(
                () -> {
                    try (InputStream in = body) {
                        MessageDigest sha = MessageDigest.getInstance("SHA-256");
                        byte[] buffer = new byte[8192];
                        long size = 0;
                        int n;
                        while ((n = in.read(buffer)) != -1) {
                            sha.update(buffer, 0, n);
                            size += n;
                        }
                        request.response().end(HexFormat.of().formatHex(sha.digest()) + " " + size);
                    } catch (Exception e) {
                        request.response().setStatusCode(500).end(e.toString());
                    }
                });
    }

    @Test
    void shouldDeliverABodyManyTimesTheQueueLimitIntact() throws Exception {
        byte[] body = new byte[8 * RequestBodyStream.HIGH_WATER + 12_345];
        new Random(7).nextBytes(body);

        String answer = post(body);

        String expected =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        assertThat(answer).isEqualTo(expected + " " + body.length);
    }

    @Test
    void shouldDeliverSmallAndEmptyBodies() throws Exception {
        assertThat(post(new byte[0])).endsWith(" 0");
        assertThat(post("hello".getBytes())).endsWith(" 5");
    }

    private String post(byte[] body) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://localhost:"
                                                                + server.actualPort()
                                                                + "/"))
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
