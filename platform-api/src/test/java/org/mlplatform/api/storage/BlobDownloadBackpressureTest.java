package org.mlplatform.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlplatform.api.model.Models.randomBytes;
import static org.mlplatform.api.model.Models.upload;

import io.netty.util.internal.PlatformDependent;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlplatform.api.TestData;
import org.mlplatform.api.TestData.Team;
import org.mlplatform.api.Tokens;
import org.mlplatform.api.model.Models;

/**
 * Blob downloads must follow the client's pace: a slow reader must not make the API queue the rest
 * of the blob in (direct) memory. A regression guard: with Quarkus REST 3.33.2 the download code
 * before {@link BlobResponses} (a StreamingOutput with {@code transferTo}) also passes, since the
 * response stream already waits for Vert.x to drain; growth stays at a few MiB either way.
 */
@QuarkusTest
@TestProfile(BlobDownloadBackpressureTest.LargeUploads.class)
class BlobDownloadBackpressureTest {

    private static final int SIZE = 64 * 1024 * 1024;
    private static final int CHUNK = 64 * 1024;

    /**
     * A download that is not paced by its reader queues the whole blob: 61-77 MiB of growth for
     * this 64 MiB blob over HTTP/2. A paced one grows by 3-7 MiB on a quiet machine, and once by
     * 17.9 MB in CI, since this JVM's direct memory also holds the client's buffers and whatever
     * else the application is doing; half the blob tells the two apart without that noise.
     */
    private static final long MAX_DIRECT_GROWTH = SIZE / 2;

    /** The %test upload limit is 1 MiB; this class needs a 64 MiB blob. */
    public static class LargeUploads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.storage.max-upload-bytes", String.valueOf(128L * 1024 * 1024));
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Test
    void shouldStreamArtifactToSlowClientInBoundedMemory() throws Exception {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        byte[] bytes = randomBytes(SIZE);
        String sha = upload(team.slug(), team.member(), model, bytes).path("sha256");

        Download download =
                slowDownload(
                        "/api/v1/tenants/"
                                + team.slug()
                                + "/models/"
                                + model
                                + "/versions/1/artifact",
                        Tokens.user(team.member()));

        assertThat(download.status).isEqualTo(200);
        assertThat(download.headers).containsEntry("content-length", String.valueOf(SIZE));
        assertThat(download.headers).containsKey("etag");
        assertThat(download.headers.get("content-disposition")).startsWith("attachment;");
        assertThat(download.sha256).isEqualTo(sha);
        assertThat(download.maxDirectGrowth)
                .as("direct memory growth while the client reads slowly")
                .isLessThan(MAX_DIRECT_GROWTH);
    }

    @Test
    void shouldStreamBlobToSlowWorkerInBoundedMemory() throws Exception {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        byte[] bytes = randomBytes(SIZE);
        String sha = upload(team.slug(), team.member(), model, bytes).path("sha256");

        Download download =
                slowDownload(
                        "/internal/v1/blobs/" + sha,
                        Tokens.user("service-account-platform-worker", "worker"));

        assertThat(download.status).isEqualTo(200);
        assertThat(download.headers).containsEntry("content-length", String.valueOf(SIZE));
        assertThat(download.headers).containsEntry("etag", "\"" + sha + "\"");
        assertThat(download.sha256).isEqualTo(sha);
        assertThat(download.maxDirectGrowth)
                .as("direct memory growth while the client reads slowly")
                .isLessThan(MAX_DIRECT_GROWTH);
    }

    /**
     * The JDK's HttpClient (as the worker used it) asks for HTTP/2 by a cleartext upgrade; over
     * HTTP/2 the download was queued whole in direct memory (a 64 MiB blob: 61-77 MiB growth; 1
     * GiB: OutOfMemoryError). platform-api answers HTTP/1.1, whose downloads follow the reader.
     */
    @Test
    void shouldAnswerAnHttp2UpgradeWithHttp11AndStreamInBoundedMemory() throws Exception {
        Team team = TestData.team();
        String model = Models.create(team.slug(), team.member());
        String sha = upload(team.slug(), team.member(), model, randomBytes(SIZE)).path("sha256");
        System.gc();
        Thread.sleep(200);
        long baseline = directMemoryUsed();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();

        HttpResponse<InputStream> response =
                http.send(
                        HttpRequest.newBuilder(base.resolve("/internal/v1/blobs/" + sha))
                                .header(
                                        "Authorization",
                                        "Bearer "
                                                + Tokens.user(
                                                        "service-account-platform-worker",
                                                        "worker"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        long maxGrowth = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[CHUNK];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                maxGrowth = Math.max(maxGrowth, directMemoryUsed() - baseline);
            }
        }
        System.out.printf(
                "BLOB-DOWNLOAD (JDK client, %s): max direct growth %d B%n",
                response.version(), maxGrowth);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(sha);
        assertThat(maxGrowth)
                .as("direct memory growth during the download")
                .isLessThan(MAX_DIRECT_GROWTH);
    }

    record Download(int status, Map<String, String> headers, String sha256, long maxDirectGrowth) {}

    /**
     * GETs over a raw socket with a small receive buffer, reading 64 KiB then pausing for the first
     * part of the body (sampling the JVM's direct memory meanwhile), then reading the rest at full
     * speed.
     */
    private Download slowDownload(String path, String token) throws Exception {
        System.gc();
        Thread.sleep(200);
        long baseline = directMemoryUsed();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(CHUNK);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()));
            String request =
                    "GET "
                            + path
                            + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + token
                            + "\r\nAccept: */*\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            int status = Integer.parseInt(readLine(in).split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).trim().toLowerCase(),
                        line.substring(colon + 1).trim());
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[CHUNK];
            long read = 0;
            long maxGrowth = 0;
            // Slow phase: ~8 MiB at 64 KiB per 25 ms (about 2.5 MB/s).
            while (read < 8L * 1024 * 1024) {
                int n = in.readNBytes(buffer, 0, CHUNK);
                if (n <= 0) {
                    break;
                }
                digest.update(buffer, 0, n);
                read += n;
                maxGrowth = Math.max(maxGrowth, directMemoryUsed() - baseline);
                Thread.sleep(25);
            }
            // Fast phase: the rest.
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                read += n;
            }
            assertThat(read).isEqualTo(SIZE);
            System.out.printf(
                    "BLOB-DOWNLOAD %s: baseline %d B, max direct growth %d B during slow phase%n",
                    path, baseline, maxGrowth);
            return new Download(
                    status, headers, HexFormat.of().formatHex(digest.digest()), maxGrowth);
        }
    }

    /** Direct memory in use: the JDK's direct buffer pool plus Netty's own counter, if any. */
    private static long directMemoryUsed() {
        long jdk =
                ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                        .filter(pool -> pool.getName().equals("direct"))
                        .mapToLong(BufferPoolMXBean::getMemoryUsed)
                        .sum();
        long netty = Math.max(0, PlatformDependent.usedDirectMemory());
        return jdk + netty;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed in the headers");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
