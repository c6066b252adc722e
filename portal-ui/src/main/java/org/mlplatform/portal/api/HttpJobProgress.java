package org.mlplatform.portal.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.mlplatform.contract.training.TrainingJobEvent;
import org.mlplatform.contract.training.TrainingJobResponse;

/**
 * {@link JobProgress} over plain HTTP with an explicit token: the REST clients take the token from
 * the current request, which a background thread does not have.
 */
final class HttpJobProgress implements JobProgress {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final ApiHttp api;
    private final String tenant;
    private final String id;
    private final Supplier<Optional<String>> token;

    HttpJobProgress(ApiHttp api, String tenant, UUID id, Supplier<Optional<String>> token) {
        this.api = api;
        this.tenant = tenant;
        this.id = id.toString();
        this.token = token;
    }

    @Override
    public TrainingJobResponse job() {
        return get(api.tenantUri(tenant, null, "training-jobs", id), new TypeReference<>() {});
    }

    @Override
    public List<TrainingJobEvent> eventsAfter(long after) {
        return get(
                api.tenantUri(
                        tenant,
                        ApiHttp.query("after", String.valueOf(after)),
                        "training-jobs",
                        id,
                        "events"),
                new TypeReference<>() {});
    }

    private <T> T get(URI uri, TypeReference<T> type) {
        HttpResponse<String> response;
        try {
            response =
                    api.client()
                            .send(
                                    ApiHttp.request(uri, token.get())
                                            .timeout(TIMEOUT)
                                            .header("Accept", "application/json")
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable();
        }
        if (response.statusCode() != 200) {
            throw ProblemResponseMapper.fromBody(response.statusCode(), response.body());
        }
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new PlatformApiException(
                    502, "The platform sent an answer the portal cannot read.");
        }
    }

    private static PlatformApiException unreachable() {
        return new PlatformApiException(
                0, "The platform is not reachable right now. Try again in a moment.");
    }
}
