package org.mlplatform.worker.validation;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Streams a blob from {@code GET /internal/v1/blobs/{sha256}} to a file, checking its size and
 * SHA-256 on the way, so a model is never held whole in memory and never loaded when it is not the
 * uploaded one. Uses the JDK HTTP client (a true stream) with the worker's service-account token.
 */
@ApplicationScoped
public class ArtifactDownloader {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final OidcClient oidc;
    private final String baseUrl;
    private final Duration connectTimeout;
    private final HttpClient http;
    private volatile Tokens tokens;

    public ArtifactDownloader(
            OidcClient oidc,
            @ConfigProperty(name = "quarkus.rest-client.platform-api.url") String baseUrl,
            @ConfigProperty(
                            name = "quarkus.rest-client.platform-api.connect-timeout",
                            defaultValue = "2000")
                    long connectTimeoutMillis) {
        this.oidc = oidc;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.connectTimeout = Duration.ofMillis(connectTimeoutMillis);
        // HTTP/1.1: the JDK's default (HTTP/2 by cleartext upgrade) buys nothing for one large
        // stream, and platform-api serves HTTP/1.1 only (its application.properties says why).
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(connectTimeout)
                        .build();
    }

    /**
     * Downloads the blob to {@code target}.
     *
     * @throws ArtifactException retryable, when the blob cannot be fetched or its bytes do not
     *     match; the partial file is deleted
     */
    public void download(String sha256, long sizeBytes, Path target) throws ArtifactException {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new ArtifactException("Not a SHA-256 blob id: " + sha256, false, null);
        }
        try {
            HttpResponse<InputStream> response = send(sha256);
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new ArtifactException(
                            "GET /internal/v1/blobs/%s answered %d"
                                    .formatted(sha256, response.statusCode()),
                            true,
                            null);
                }
                copyVerified(body, target, sha256, sizeBytes);
            }
        } catch (IOException e) {
            deleteQuietly(target);
            throw new ArtifactException(
                    "Downloading blob " + sha256 + " failed: " + FailureReasons.message(e),
                    true,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteQuietly(target);
            throw new ArtifactException("Downloading blob " + sha256 + " interrupted", true, e);
        } catch (ArtifactException e) {
            deleteQuietly(target);
            throw e;
        }
    }

    private HttpResponse<InputStream> send(String sha256) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(baseUrl + "/internal/v1/blobs/" + sha256))
                        .header("Authorization", "Bearer " + accessToken())
                        .GET()
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    private static void copyVerified(InputStream body, Path target, String sha256, long size)
            throws IOException, ArtifactException {
        MessageDigest digest = sha256Digest();
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (DigestInputStream in = new DigestInputStream(body, digest);
                OutputStream out = Files.newOutputStream(target)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copied += n;
                if (copied > size) {
                    throw new ArtifactException(
                            "Blob %s is longer than the %d bytes recorded".formatted(sha256, size),
                            true,
                            null);
                }
                out.write(buffer, 0, n);
            }
        }
        if (copied != size) {
            throw new ArtifactException(
                    "Blob %s has %d bytes, %d recorded".formatted(sha256, copied, size),
                    true,
                    null);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(sha256)) {
            throw new ArtifactException(
                    "Blob %s arrived with SHA-256 %s".formatted(sha256, actual), true, null);
        }
    }

    private String accessToken() {
        Tokens current = tokens;
        if (current == null
                || current.isAccessTokenExpired()
                || current.isAccessTokenWithinRefreshInterval()) {
            current = oidc.getTokens().await().atMost(connectTimeout.plusSeconds(10));
            tokens = current;
        }
        return current.getAccessToken();
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The job's work dir is removed as a whole afterwards.
        }
    }
}
