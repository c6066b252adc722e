package org.mlplatform.worker.job;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.mlplatform.contract.job.ClaimJobRequest;
import org.mlplatform.contract.job.JobAssignment;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.worker.WorkerRole;
import org.mlplatform.worker.common.Backoff;
import org.mlplatform.worker.config.WorkerConfig;
import org.mlplatform.worker.registration.PlatformApiException;
import org.mlplatform.worker.registration.WorkerRegistration;

/**
 * Claims jobs from platform-api and runs them: {@code platform.worker.jobs.concurrency} claim
 * loops, each on a thread of its own (never the Vert.x event loop), each running at most one job at
 * a time. A loop waits while the worker is not registered and backs off after failed claims.
 *
 * <p>On shutdown the loops stop claiming; an idle loop is interrupted out of its long poll, a
 * running job gets {@code shutdown-grace} to finish and is then abandoned: its lease expires and
 * platform-api queues it again.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    private static final Set<JobKind> SUPPORTED_KINDS =
            EnumSet.of(JobKind.VALIDATE_MODEL, JobKind.TRAIN);

    private final WorkerConfig.Jobs config;
    private final boolean jobsRole;
    private final WorkerRegistration registration;
    private final JobsApi api;
    private final JobExecution execution;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Loop> loops = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService heartbeats;

    public JobRunner(
            WorkerConfig config,
            WorkerRegistration registration,
            JobsApi api,
            JobExecution execution) {
        this.config = config.jobs();
        this.jobsRole = config.roles().contains(WorkerRole.JOBS);
        this.registration = registration;
        this.api = api;
        this.execution = execution;
    }

    void start(@Observes StartupEvent event) {
        if (!jobsRole || !config.enabled() || config.concurrency() < 1) {
            LOG.info("Job runner disabled (platform.worker.roles, platform.worker.jobs)");
            return;
        }
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "job-heartbeat"));
        for (int i = 0; i < config.concurrency(); i++) {
            Loop loop = new Loop();
            loops.add(loop);
            loop.thread = daemon(loop, "job-runner-" + i);
            loop.thread.start();
        }
        LOG.infof(
                "Job runner started: %d loop(s) claiming %s", config.concurrency(), config.kinds());
    }

    void stop(@Observes ShutdownEvent event) {
        if (loops.isEmpty()) {
            return;
        }
        stopped.countDown();
        api.cancelClaims();
        loops.stream().filter(l -> !l.busy.get()).forEach(l -> l.thread.interrupt());
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        int abandoned = 0;
        for (Loop loop : loops) {
            try {
                loop.thread.join(
                        Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (loop.thread.isAlive() && loop.busy.get()) {
                abandoned++;
            }
            loop.thread.interrupt();
        }
        heartbeats.shutdownNow();
        if (abandoned > 0) {
            LOG.infof(
                    "Abandoned %d running job(s); their leases expire and they run again",
                    abandoned);
        }
    }

    private List<JobKind> supportedKinds() {
        return config.kinds().stream().filter(SUPPORTED_KINDS::contains).distinct().toList();
    }

    private boolean stopping() {
        return stopped.getCount() == 0;
    }

    /** Waits for the delay or until shutdown, whichever comes first. */
    private void pause(Duration delay) {
        try {
            stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One claim loop. */
    private final class Loop implements Runnable {
        private final AtomicBoolean busy = new AtomicBoolean();
        private final Backoff backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        private volatile Thread thread;

        @Override
        public void run() {
            int waitSeconds = (int) Math.min(60, Math.max(0, config.claimWait().toSeconds()));
            while (!stopping() && !Thread.currentThread().isInterrupted()) {
                UUID workerId = registration.status().workerId();
                if (workerId == null) {
                    pause(config.initialBackoff());
                    continue;
                }
                Optional<JobAssignment> job;
                try {
                    job = api.claim(workerId, supportedKinds(), waitSeconds);
                    backoff.reset();
                } catch (PlatformApiException e) {
                    if (stopping()) {
                        return;
                    }
                    Duration delay = backoff.nextDelay();
                    LOG.warnf("Claiming a job failed, next try in %s: %s", delay, e.getMessage());
                    pause(delay);
                    continue;
                }
                busy.set(true);
                try {
                    // A finished job's completion claims the next one while there is work.
                    while (job.isPresent()) {
                        ClaimJobRequest next =
                                stopping()
                                        ? null
                                        : new ClaimJobRequest(workerId, supportedKinds(), 0);
                        job = execution.run(job.get(), heartbeats, next);
                    }
                } finally {
                    busy.set(false);
                }
            }
        }
    }
}
