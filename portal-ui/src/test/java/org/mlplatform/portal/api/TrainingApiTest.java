package org.mlplatform.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.quota.SetQuotaRequest;
import org.mlplatform.contract.training.JobEventType;
import org.mlplatform.contract.training.TrainingJobEvent;
import org.mlplatform.contract.training.TrainingTask;

/** The background reader of a job's progress against a tiny HTTP server, and error mapping. */
class TrainingApiTest {

    private static final UUID JOB = new UUID(0, 1);

    private HttpServer server;
    private JobProgress progress;
    private final AtomicReference<Optional<String>> token =
            new AtomicReference<>(Optional.of("first"));
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/tenants/acme/training-jobs/" + JOB, this::answer);
        server.start();
        ApiHttp http = new ApiHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        progress = new TrainingApi(null, http).progress("acme", JOB, token::get);
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        seen.add(auth + " " + exchange.getRequestURI());
        int status = "Bearer expired".equals(auth) ? 401 : 200;
        String body =
                status == 401
                        ? "{\"title\":\"Unauthorized\",\"status\":401,"
                                + "\"detail\":\"The token has expired.\"}"
                        : exchange.getRequestURI().getPath().endsWith("/events")
                                ? """
                                  [{"seq":4,"at":"2025-03-01T10:00:00Z","type":"EPOCH","attempt":1,
                                    "metrics":{"epoch":2,"epochs":10,"trainLoss":0.5,
                                      "validationLoss":0.7,"trainAccuracy":0.8,
                                      "validationAccuracy":0.75,"epochSeconds":1.5,
                                      "samplesPerSecond":900.0},"somethingNew":true}]
                                  """
                                : """
                                  {"id":"%s","status":"RUNNING","dataset":"iris",
                                   "task":"image-classification","attempt":2,"maxAttempts":3,
                                   "createdAt":"2025-03-01T10:00:00Z","trainingSeconds":12}
                                  """
                                        .formatted(JOB);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void shouldReadTheJobAndNewEventsWithTheTokenItIsGivenAtEachCall() {
        assertThat(progress.job())
                .satisfies(
                        job -> {
                            assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
                            assertThat(job.task()).isEqualTo(TrainingTask.IMAGE_CLASSIFICATION);
                            assertThat(job.attempt()).isEqualTo(2);
                        });
        token.set(Optional.of("second"));

        List<TrainingJobEvent> events = progress.eventsAfter(3);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).type()).isEqualTo(JobEventType.EPOCH);
        assertThat(events.get(0).metrics().validationAccuracy()).isEqualTo(0.75);
        assertThat(seen)
                .containsExactly(
                        "Bearer first /api/v1/tenants/acme/training-jobs/" + JOB,
                        "Bearer second /api/v1/tenants/acme/training-jobs/"
                                + JOB
                                + "/events?after=3");
    }

    @Test
    void shouldTurnARefusalIntoItsReadableMessage() {
        token.set(Optional.of("expired"));

        assertThatThrownBy(() -> progress.job())
                .isInstanceOfSatisfying(
                        PlatformApiException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(401);
                            assertThat(e.getMessage()).isEqualTo("The token has expired.");
                        });
    }

    @Test
    void shouldSayThePlatformIsUnreachableWhenNothingListens() {
        JobProgress nowhere =
                new TrainingApi(null, new ApiHttp(URI.create("http://127.0.0.1:9")))
                        .progress("acme", JOB, Optional::empty);

        assertThatThrownBy(nowhere::job)
                .isInstanceOfSatisfying(
                        PlatformApiException.class, e -> assertThat(e.status()).isZero());
    }

    @Test
    void shouldTreatAConstraintTheClientCheckedLikeA400() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        var violations =
                validator.validate(new SetQuotaRequest(-1L, null, null, 2, null, null, null));

        assertThatThrownBy(
                        () ->
                                ApiCalls.call(
                                        () -> {
                                            throw new ConstraintViolationException(violations);
                                        }))
                .isInstanceOfSatisfying(
                        PlatformApiException.class,
                        e -> {
                            assertThat(e.status()).isEqualTo(400);
                            assertThat(e.fieldErrors()).containsOnlyKeys("maxStorageBytes");
                        });
    }
}
