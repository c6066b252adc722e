package org.mlplatform.worker.validation;

import io.quarkus.oidc.client.OidcClient;
import io.quarkus.oidc.client.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mlplatform.serving.artifact.ArtifactException;
import org.mlplatform.serving.artifact.FailureReasons;
import org.mlplatform.serving.artifact.VerifiedCopy;

/**
 * Streams a blob from {@code GET /internal/v1/blobs/{sha256}} to a file through {@link
 * VerifiedCopy} (size and SHA-256 checked on the way). Uses the JDK HTTP client (a true stream)
 * with the worker's service-account token.
 */
@ApplicationScoped
public class ArtifactDownloader {

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
        VerifiedCopy.requireSha256(sha256);
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
                VerifiedCopy.copy(body, target, sha256, sizeBytes);
            }
        } catch (IOException e) {
            VerifiedCopy.deleteQuietly(target);
            throw new ArtifactException(
                    "Downloading blob " + sha256 + " failed: " + FailureReasons.message(e),
                    true,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            VerifiedCopy.deleteQuietly(target);
            throw new ArtifactException("Downloading blob " + sha256 + " interrupted", true, e);
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
}
