package org.mlplatform.worker.registration;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.mlplatform.contract.worker.WorkerResponse;
import org.mlplatform.worker.common.Backoff;
import org.mlplatform.worker.config.WorkerConfig;

/**
 * Keeps this worker registered with platform-api.
 *
 * <p>platform-api may start after the worker or restart: registration is retried with exponential
 * backoff and never stops the application. Once registered, a heartbeat goes out every {@code
 * platform.worker.heartbeat-interval}; a 404 answer means platform-api forgot the worker, which
 * then registers again right away.
 */
@ApplicationScoped
public class WorkerRegistration {

    private static final Logger LOG = Logger.getLogger(WorkerRegistration.class);

    private final PlatformApi platformApi;
    private final WorkerDescription description;
    private final Backoff backoff;
    private final Clock clock = Clock.systemUTC();
    private final MeterRegistry meters;

    private volatile RegistrationStatus status =
            new RegistrationStatus(null, "not registered yet", null, Instant.EPOCH);

    public WorkerRegistration(
            PlatformApi platformApi,
            WorkerDescription description,
            WorkerConfig config,
            MeterRegistry meters) {
        this.platformApi = platformApi;
        this.description = description;
        this.backoff =
                new Backoff(
                        config.registration().initialBackoff(), config.registration().maxBackoff());
        this.meters = meters;
        meters.gauge("platform.worker.registered", this, r -> r.status().registered() ? 1 : 0);
    }

    /** The current registration state, for health checks. */
    public RegistrationStatus status() {
        return status;
    }

    /** Registers when not registered and the backoff since the last failure has passed. */
    @Scheduled(
            identity = "worker-registration",
            every = "${platform.worker.registration.initial-backoff}",
            concurrentExecution = ConcurrentExecution.SKIP)
    synchronized void registerWhenDue() {
        RegistrationStatus current = status;
        if (!current.registered() && !clock.instant().isBefore(current.nextAttemptAt())) {
            register();
        }
    }

    /** Sends a heartbeat when registered; registers again when platform-api forgot the id. */
    @Scheduled(
            identity = "worker-heartbeat",
            every = "${platform.worker.heartbeat-interval}",
            concurrentExecution = ConcurrentExecution.SKIP)
    synchronized void heartbeat() {
        RegistrationStatus current = status;
        if (!current.registered()) {
            return;
        }
        try {
            if (platformApi.heartbeat(current.workerId())) {
                count("ok");
                status = new RegistrationStatus(current.workerId(), null, clock.instant(), null);
                return;
            }
            count("unknown-worker");
            LOG.infof(
                    "platform-api no longer knows worker %s; registering again",
                    current.workerId());
            status =
                    new RegistrationStatus(
                            null,
                            "platform-api forgot worker " + current.workerId(),
                            null,
                            clock.instant());
            register();
        } catch (PlatformApiException e) {
            // Stay registered: the id is still valid, platform-api is only unreachable for now.
            count("failed");
            LOG.warnf("Heartbeat failed: %s", e.getMessage());
            status =
                    new RegistrationStatus(
                            current.workerId(), e.getMessage(), current.lastHeartbeatAt(), null);
        }
    }

    /**
     * Registers again because a call other than the heartbeat (the inference worker's assignment
     * poll) found that platform-api no longer knows {@code workerId}.
     */
    public synchronized void forgotten(java.util.UUID workerId) {
        RegistrationStatus current = status;
        if (!current.registered() || !current.workerId().equals(workerId)) {
            return; // already registered again
        }
        count("unknown-worker");
        LOG.infof("platform-api no longer knows worker %s; registering again", workerId);
        status =
                new RegistrationStatus(
                        null, "platform-api forgot worker " + workerId, null, clock.instant());
        register();
    }

    private void register() {
        try {
            WorkerResponse worker = platformApi.register(description.registerRequest());
            backoff.reset();
            status = new RegistrationStatus(worker.id(), null, null, null);
            LOG.infof("Registered with platform-api as %s (%s)", worker.name(), worker.id());
        } catch (PlatformApiException e) {
            Duration delay = backoff.nextDelay();
            status =
                    new RegistrationStatus(null, e.getMessage(), null, clock.instant().plus(delay));
            LOG.warnf(
                    "Not registered with platform-api, next try in %s: %s", delay, e.getMessage());
        }
    }

    private void count(String outcome) {
        meters.counter("platform.worker.heartbeats", "outcome", outcome).increment();
    }
}
