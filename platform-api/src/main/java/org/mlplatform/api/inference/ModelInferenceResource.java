package org.mlplatform.api.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mlplatform.api.quota.TenantLimits;
import org.mlplatform.api.quota.TenantLimitsCache;
import org.mlplatform.api.tenant.TenantAccess;
import org.mlplatform.contract.concurrent.Futures;
import org.mlplatform.contract.inference.InferRequest;
import org.mlplatform.contract.inference.InferResponse;
import org.mlplatform.contract.inference.ModelInferenceApi;
import org.mlplatform.contract.tenant.TenantRole;

/**
 * "Try it" for signed-in members (VIEWER and up): the gateway's own path, without a key, the
 * tenant's limits applied and the call metered; errors as problem+json.
 */
@Authenticated
public class ModelInferenceResource implements ModelInferenceApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final TenantAccess access;
    private final TenantLimitsCache tenants;
    private final GatewayService gateway;
    private final ObjectMapper json;

    public ModelInferenceResource(
            TenantAccess access,
            TenantLimitsCache tenants,
            GatewayService gateway,
            ObjectMapper json) {
        this.access = access;
        this.tenants = tenants;
        this.gateway = gateway;
        this.json = json;
    }

    @Override
    public InferResponse infer(String tenant, String model, Integer version, InferRequest request) {
        long tenantId = access.require(tenant, TenantRole.VIEWER).tenant.id;
        TenantLimits limits = await(tenants.get(tenantId));
        Buffer body;
        try {
            body = Buffer.buffer(json.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        GatewayAnswer answer =
                await(gateway.infer(new InferenceCaller(limits, null), model, version, body));
        try {
            if (answer.status() / 100 == 2) {
                return json.readValue(answer.body().getBytes(), InferResponse.class);
            }
            JsonNode error = json.readTree(answer.body().getBytes()).path("error");
            Map<String, String> headers = new HashMap<>(answer.headers());
            throw new InferenceFailedException(
                    answer.status(),
                    error.isTextual() ? error.asText() : "The worker answered " + answer.status(),
                    headers);
        } catch (IOException e) {
            throw new InferenceFailedException(
                    502, "The worker's answer is not valid JSON.", Map.of());
        }
    }

    /** Waits on this worker thread for what the gateway's path answers asynchronously. */
    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the inference", e);
        } catch (TimeoutException e) {
            throw new InferenceFailedException(
                    504,
                    "The inference did not answer within " + TIMEOUT.toSeconds() + " s.",
                    Map.of());
        } catch (ExecutionException e) {
            Throwable cause = Futures.cause(e);
            throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
    }
}
