package org.mlplatform.api.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus metrics of the gateway: {@code gateway_requests_total{outcome}} and the latency
 * histogram {@code gateway_request_duration_seconds{outcome}}. Tags hold only a handful of
 * outcomes, never model or tenant names, so their number stays bounded; per-model figures are in
 * the usage API.
 */
@ApplicationScoped
public class GatewayMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one answer: ok, client_error, server_error, rate_limited, not_found, no_worker. */
    public void record(String outcome, long nanos) {
        counters.computeIfAbsent(
                        outcome,
                        o ->
                                Counter.builder("gateway.requests")
                                        .description("Inference calls by outcome")
                                        .tag("outcome", o)
                                        .register(registry))
                .increment();
        timers.computeIfAbsent(
                        outcome,
                        o ->
                                Timer.builder("gateway.request.duration")
                                        .description("Gateway latency of inference calls")
                                        .tag("outcome", o)
                                        .publishPercentileHistogram()
                                        .minimumExpectedValue(Duration.ofMillis(1))
                                        .maximumExpectedValue(Duration.ofSeconds(30))
                                        .register(registry))
                .record(Duration.ofNanos(nanos));
    }

    static String outcome(int status) {
        if (status == 429) {
            return "rate_limited";
        }
        if (status == 404) {
            return "not_found";
        }
        return status >= 500 ? "server_error" : status >= 400 ? "client_error" : "ok";
    }
}
