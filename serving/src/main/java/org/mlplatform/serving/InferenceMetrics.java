package org.mlplatform.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus meters per deployment: {@code platform_inference_requests_total} (by status class),
 * {@code platform_inference_latency_seconds} and {@code platform_inference_queue_seconds}
 * (histograms), {@code platform_inference_batch_size} (rows per forward pass).
 */
@ApplicationScoped
public class InferenceMetrics {

    private final MeterRegistry registry;

    public InferenceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The meters of one deployment; {@link Meters#remove()} when it is unloaded. */
    Meters forDeployment(UUID deployment, String tenant, String model) {
        return new Meters(
                Tags.of(
                        "deployment", deployment.toString(),
                        "tenant", String.valueOf(tenant),
                        "model", String.valueOf(model)));
    }

    /** One deployment's meters. */
    final class Meters {
        private final Tags tags;
        private final Timer latency;
        private final Timer queueTime;
        private final DistributionSummary batchSize;
        private final List<Meter> created = new ArrayList<>();
        private final Counter[] requests = new Counter[4];

        private Meters(Tags tags) {
            this.tags = tags;
            this.latency =
                    keep(
                            Timer.builder("platform.inference.latency")
                                    .description("Time from request to answer on the worker")
                                    .tags(tags)
                                    .publishPercentileHistogram()
                                    .minimumExpectedValue(Duration.ofMillis(1))
                                    .maximumExpectedValue(Duration.ofSeconds(10))
                                    .register(registry));
            this.queueTime =
                    keep(
                            Timer.builder("platform.inference.queue")
                                    .description("Time a request waited for its forward pass")
                                    .tags(tags)
                                    .publishPercentileHistogram()
                                    .minimumExpectedValue(Duration.ofMillis(1))
                                    .maximumExpectedValue(Duration.ofSeconds(10))
                                    .register(registry));
            this.batchSize =
                    keep(
                            DistributionSummary.builder("platform.inference.batch.size")
                                    .description("Rows per forward pass")
                                    .tags(tags)
                                    .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
                                    .register(registry));
            for (int c = 2; c <= 5; c++) {
                requests[c - 2] =
                        keep(
                                Counter.builder("platform.inference.requests")
                                        .description("Inference requests by status class")
                                        .tags(tags)
                                        .tag("status", c + "xx")
                                        .register(registry));
            }
        }

        private <M extends Meter> M keep(M meter) {
            created.add(meter);
            return meter;
        }

        void request(int status, long startNanos) {
            latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
            int statusClass = Math.min(5, Math.max(2, status / 100));
            requests[statusClass - 2].increment();
        }

        void queued(long nanos) {
            queueTime.record(nanos, TimeUnit.NANOSECONDS);
        }

        void batch(int rows) {
            batchSize.record(rows);
        }

        void remove() {
            created.forEach(registry::remove);
        }
    }
}
