package org.mlplatform.api.job;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Requeues jobs whose worker stopped renewing the lease. Safe on every replica at once. */
@ApplicationScoped
public class JobReaper {

    private static final Logger LOG = Logger.getLogger(JobReaper.class);

    private final JobService jobs;

    public JobReaper(JobService jobs) {
        this.jobs = jobs;
    }

    @Scheduled(
            every = "${platform.jobs.reaper-interval:5s}",
            concurrentExecution = ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void reap() {
        int expired = jobs.requeueExpired();
        if (expired > 0) {
            LOG.infof("Requeued or failed %d jobs with expired leases", expired);
        }
    }
}
