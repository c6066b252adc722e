package org.mlplatform.worker.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.mlplatform.contract.worker.RegisterWorkerRequest;
import org.mlplatform.contract.worker.WorkerResponse;

/**
 * The worker's only way to platform-api: retries a failed call once (connect and read timeouts come
 * from {@code quarkus.rest-client.platform-api.*}), turns a 404 heartbeat into {@code false} and
 * every other failure into a {@link PlatformApiException} with a readable reason.
 */
@ApplicationScoped
public class PlatformApi {

    private static final Logger LOG = Logger.getLogger(PlatformApi.class);
    private static final int ATTEMPTS = 2;

    private final PlatformApiClient client;
    private final String url;

    public PlatformApi(
            @RestClient PlatformApiClient client,
            @ConfigProperty(name = "quarkus.rest-client.platform-api.url") String url) {
        this.client = client;
        this.url = url;
    }

    /** Registers this worker (or updates it by name) and returns the platform's record. */
    public WorkerResponse register(RegisterWorkerRequest request) {
        return withRetry("register", () -> client.register(request));
    }

    /** Sends a heartbeat: {@code true} when recorded, {@code false} when the id is unknown. */
    public boolean heartbeat(UUID workerId) {
        try {
            withRetry(
                    "heartbeat",
                    () -> {
                        client.heartbeat(workerId);
                        return null;
                    });
            return true;
        } catch (PlatformApiException e) {
            if (e.getCause() instanceof WebApplicationException wae
                    && wae.getResponse().getStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    private <T> T withRetry(String operation, Supplier<T> call) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return call.get();
            } catch (WebApplicationException e) {
                // An answer from platform-api: asking again would get the same one.
                throw new PlatformApiException(describe(operation, e), e);
            } catch (RuntimeException e) {
                last = e;
                LOG.debugf("%s attempt %d failed: %s", operation, attempt, e);
            }
        }
        throw new PlatformApiException(describe(operation, last), last);
    }

    private String describe(String operation, RuntimeException e) {
        if (e instanceof WebApplicationException wae) {
            Response.StatusType status = wae.getResponse().getStatusInfo();
            return "%s at %s answered %d %s"
                    .formatted(operation, url, status.getStatusCode(), status.getReasonPhrase());
        }
        return "%s at %s failed: %s".formatted(operation, url, rootMessage(e));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
