package org.mlplatform.worker.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.worker.WorkerRole;

/** Typed configuration of the worker, under {@code platform.worker}. */
@ConfigMapping(prefix = "platform.worker")
public interface WorkerConfig {

    /** Stable worker name, unique among workers; default: host name and HTTP port. */
    Optional<String> name();

    /** URL where platform-api reaches this worker (env {@code WORKER_ADVERTISED_URL}). */
    @WithDefault("http://localhost:8082")
    String advertisedUrl();

    /** How often a registered worker sends a heartbeat to platform-api. */
    @WithDefault("10s")
    Duration heartbeatInterval();

    /**
     * What this worker does: {@code JOBS} (claims validation and training jobs), {@code INFERENCE}
     * (serves deployed model versions), or both. {@code platform.worker.jobs.enabled=false} still
     * turns job claiming off.
     */
    @WithDefault("JOBS,INFERENCE")
    List<WorkerRole> roles();

    /** Retries of the registration while platform-api is not reachable. */
    Registration registration();

    /** Claiming and running jobs from platform-api's queue. */
    Jobs jobs();

    /**
     * Where the worker keeps downloaded artifacts and unpacked archives while it works on them;
     * every job cleans up after itself.
     */
    @WithDefault("${java.io.tmpdir}/mlplatform-worker")
    String workDir();

    /** Registration retry settings. */
    interface Registration {

        /** First wait after a failed registration; doubles after each further failure. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Longest wait between two registration attempts. */
        @WithDefault("30s")
        Duration maxBackoff();
    }

    /** Job queue settings. */
    interface Jobs {

        /** Whether this worker claims jobs at all. */
        @WithDefault("true")
        boolean enabled();

        /** How many jobs this worker runs at once (one claim loop each). */
        @WithDefault("1")
        int concurrency();

        /** The kinds of job this worker claims. */
        @WithDefault("VALIDATE_MODEL,TRAIN")
        List<JobKind> kinds();

        /**
         * How long one claim call waits for a job (long poll, at most 60s); the read timeout of
         * {@code quarkus.rest-client.platform-jobs} must be longer.
         */
        @WithDefault("25s")
        Duration claimWait();

        /** First wait after a failed claim; doubles after each further failure. */
        @WithDefault("1s")
        Duration initialBackoff();

        /** Longest wait between two failed claims. */
        @WithDefault("30s")
        Duration maxBackoff();

        /** How long shutdown waits for running jobs before abandoning them to lease expiry. */
        @WithDefault("10s")
        Duration shutdownGrace();
    }
}
