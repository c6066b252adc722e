package org.mlplatform.portal.api;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Plain HTTP to platform-api for what the REST clients cannot do without buffering: streaming
 * uploads and downloads of large files. Uses the same base URL as the REST clients.
 */
@Singleton
public class ApiHttp {

    private final URI base;
    private final HttpClient client;

    @Inject
    ApiHttp(@ConfigProperty(name = "quarkus.rest-client.platform-api.url") String baseUrl) {
        this(URI.create(baseUrl));
    }

    /** For tests: talks to {@code base}, such as a local test server. */
    public ApiHttp(URI base) {
        this.base = base;
        // Own daemon threads: they block on the upload pipe, which must not stall anyone else.
        ExecutorService executor =
                Executors.newCachedThreadPool(
                        r -> {
                            Thread thread = new Thread(r, "platform-api-stream");
                            thread.setDaemon(true);
                            return thread;
                        });
        this.client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .executor(executor)
                        .build();
    }

    HttpClient client() {
        return client;
    }

    /** {@code base/api/v1/tenants/{tenant}/...} with every segment encoded, plus a query. */
    URI tenantUri(String tenant, String query, String... segments) {
        StringBuilder path = new StringBuilder("/api/v1/tenants/").append(segment(tenant));
        for (String s : segments) {
            path.append('/').append(segment(s));
        }
        String root = base.toString().replaceAll("/+$", "");
        return URI.create(root + path + (query == null ? "" : "?" + query));
    }

    /** A request that carries the user's token, when there is one. */
    static HttpRequest.Builder request(URI uri, Optional<String> token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        token.ifPresent(t -> builder.header("Authorization", BearerTokenFilter.bearer(t)));
        return builder;
    }

    static String query(String name, String value) {
        return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
