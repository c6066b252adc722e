package org.mlplatform.api.inference;

import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.mlplatform.api.apikey.CachedKey;
import org.mlplatform.api.deployment.DeploymentDirectory;
import org.mlplatform.api.deployment.ServedDeployment;
import org.mlplatform.api.inference.InferenceRouter.NoWorkerException;
import org.mlplatform.api.ratelimit.RateLimitedException;
import org.mlplatform.api.ratelimit.RateLimits;
import org.mlplatform.api.ratelimit.RateLimits.Limit;
import org.mlplatform.api.ratelimit.RateLimits.Verdict;
import org.mlplatform.api.usage.UsageMeter;
import org.mlplatform.contract.concurrent.Futures;

/**
 * The one inference path, for API keys and for signed-in members: rate limits, monthly quotas, the
 * key's allow-list, the deployment, the worker; every call metered. Never blocks: limits and
 * lookups answer from memory, and the rare database read runs on a worker thread.
 */
@ApplicationScoped
public class GatewayService {

    private final DeploymentDirectory directory;
    private final InferenceRouter router;
    private final RateLimits rateLimits;
    private final UsageMeter meter;
    private final GatewayMetrics metrics;

    public GatewayService(
            DeploymentDirectory directory,
            InferenceRouter router,
            RateLimits rateLimits,
            UsageMeter meter,
            GatewayMetrics metrics) {
        this.directory = directory;
        this.router = router;
        this.rateLimits = rateLimits;
        this.meter = meter;
        this.metrics = metrics;
    }

    /**
     * Infers; fails with {@link RateLimitedException} (429 problem) over a limit or quota. What is
     * in memory (limits, quotas, deployments) is checked on the calling thread, without hand-offs.
     */
    public CompletionStage<GatewayAnswer> infer(
            InferenceCaller caller, String model, Integer version, Buffer body) {
        long start = System.nanoTime();
        String meteredModel = model.length() > 100 ? model.substring(0, 100) : model;
        Integer[] served = {null};
        int[] items = {0};
        return rateLimits
                .check(limits(caller))
                .thenCompose(verdict -> admitted(caller, verdict))
                .thenCompose(
                        headers -> forward(caller, model, version, body, headers, served, items))
                .whenComplete(
                        (answer, failure) -> {
                            boolean limited =
                                    failure != null
                                            && Futures.cause(failure)
                                                    instanceof RateLimitedException;
                            int status = answer != null ? answer.status() : limited ? 429 : 500;
                            double ms = (System.nanoTime() - start) / 1e6;
                            meter.record(
                                    caller.tenantId(),
                                    caller.key() == null ? null : caller.key().id(),
                                    meteredModel,
                                    served[0],
                                    status,
                                    limited,
                                    items[0],
                                    ms);
                            metrics.record(
                                    GatewayMetrics.outcome(status), System.nanoTime() - start);
                        });
    }

    private CompletionStage<GatewayAnswer> forward(
            InferenceCaller caller,
            String model,
            Integer version,
            Buffer body,
            Map<String, String> headers,
            Integer[] served,
            int[] items) {
        Optional<ServedDeployment> deployment =
                caller.sees(model)
                        ? directory.find(caller.tenantId(), model, version)
                        : Optional.empty();
        if (deployment.isEmpty()) {
            return CompletableFuture.completedFuture(
                    GatewayAnswer.error(404, notFound(model, version), headers));
        }
        served[0] = deployment.get().version();
        return router.infer(deployment.get(), body)
                .handle(
                        (answer, failure) -> {
                            if (failure != null) {
                                if (Futures.cause(failure) instanceof NoWorkerException) {
                                    return GatewayAnswer.error(
                                                    503,
                                                    "no inference worker is available for model '"
                                                            + model
                                                            + "'; try again shortly",
                                                    headers)
                                            .withHeader("Retry-After", "1");
                                }
                                throw new CompletionException(Futures.cause(failure));
                            }
                            items[0] = answer.batchItems();
                            GatewayAnswer out =
                                    new GatewayAnswer(answer.status(), answer.body(), headers);
                            return answer.retryAfter() != null
                                    ? out.withHeader("Retry-After", answer.retryAfter())
                                    : answer.status() == 503
                                            ? out.withHeader("Retry-After", "1")
                                            : out;
                        });
    }

    /** After the rate limits: the monthly quotas of the tenant and of the key. */
    private CompletionStage<Map<String, String>> admitted(InferenceCaller caller, Verdict verdict) {
        Map<String, String> headers = new LinkedHashMap<>(verdict.headers());
        if (!verdict.allowed()) {
            headers.put("Retry-After", Long.toString(verdict.retryAfterSeconds()));
            return CompletableFuture.failedFuture(
                    new RateLimitedException(
                            "rate-limited",
                            "Too many requests",
                            "Over the rate limit; retry after "
                                    + verdict.retryAfterSeconds()
                                    + " s.",
                            headers));
        }
        Long tenantLimit = caller.tenant().monthlyInferenceRequests();
        CachedKey key = caller.key();
        Long keyLimit = key == null ? null : key.monthlyRequestLimit();
        CompletionStage<Boolean> tenantSpent =
                tenantLimit == null
                        ? CompletableFuture.completedFuture(false)
                        : meter.monthUsed(caller.tenantId()).thenApply(used -> used >= tenantLimit);
        return tenantSpent
                .thenCompose(
                        spent ->
                                spent || keyLimit == null
                                        ? CompletableFuture.completedFuture(spent)
                                        : meter.monthUsed(key.id())
                                                .thenApply(used -> used >= keyLimit))
                .thenCompose(
                        spent -> {
                            if (!spent) {
                                return CompletableFuture.completedFuture(headers);
                            }
                            headers.put("Retry-After", Long.toString(secondsToNextMonth()));
                            return CompletableFuture.failedFuture(
                                    new RateLimitedException(
                                            "quota-exhausted",
                                            "Monthly quota exhausted",
                                            (tenantLimit != null && keyLimit == null
                                                            ? "The tenant's"
                                                            : "The")
                                                    + " monthly inference quota is used"
                                                    + " up; it renews at the start of the"
                                                    + " next month (UTC).",
                                            headers));
                        });
    }

    private static List<Limit> limits(InferenceCaller caller) {
        List<Limit> limits = new ArrayList<>();
        CachedKey key = caller.key();
        if (key != null && key.rateRps() != null) {
            limits.add(Limit.ofKey(key.id(), key.rateRps(), key.rateBurst()));
        }
        Integer tenantRate = caller.tenant().maxRequestsPerSecond();
        if (tenantRate != null) {
            limits.add(Limit.ofTenant(caller.tenantId(), tenantRate));
        }
        return limits;
    }

    static String notFound(String model, Integer version) {
        return version == null
                ? "model '" + model + "' is not found or not deployed"
                : "model '" + model + "' version " + version + " is not found or not deployed";
    }

    private static long secondsToNextMonth() {
        Instant next =
                LocalDate.now(ZoneOffset.UTC)
                        .withDayOfMonth(1)
                        .plusMonths(1)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
        return Math.max(1, Duration.between(Instant.now(), next).toSeconds() + 1);
    }
}
