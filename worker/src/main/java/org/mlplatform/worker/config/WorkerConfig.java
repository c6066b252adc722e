package org.mlplatform.worker.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.mlplatform.contract.job.JobKind;

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

    /** The DJL engine. */
    Engine engine();

    /** Retries of the registration while platform-api is not reachable. */
    Registration registration();

    /** Claiming and running jobs from platform-api's queue. */
    Jobs jobs();

    /** Model validation (VALIDATE_MODEL jobs). */
    Validation validation();

    /**
     * Where the worker keeps downloaded artifacts and unpacked archives while it works on them;
     * every job cleans up after itself.
     */
    @WithDefault("${java.io.tmpdir}/mlplatform-worker")
    String workDir();

    /** DJL engine settings. */
    interface Engine {

        /** DJL engine name, as {@code Engine.getEngine(name)} knows it. */
        @WithDefault("PyTorch")
        String name();

        /** Device the worker computes on: {@code cpu}, or {@code gpu} / {@code gpu(1)}. */
        @WithDefault("cpu")
        String device();

        /**
         * PyTorch's intra-op threads ({@code ai.djl.pytorch.num_threads}); 0 keeps PyTorch's
         * default of one per core. The small networks the worker trains step fastest on one thread,
         * and on a shared machine more threads spin against each other (measured: 16,000 vs 1,000
         * samples/s on 2 busy cores).
         */
        @WithDefault("1")
        int threads();

        /**
         * Where DJL extracts the native libraries (sets {@code DJL_CACHE_DIR}); empty keeps DJL's
         * default {@code ~/.djl.ai}.
         */
        Optional<String> cacheDir();

        /**
         * Further DJL engines loaded at start, for model formats the main engine cannot run (ONNX
         * models need {@code OnnxRuntime}).
         */
        @WithDefault("OnnxRuntime")
        List<String> additional();
    }

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

    /** Limits of model validation. */
    interface Validation {

        /** Largest uncompressed size of a DJL archive (all entries together). */
        @WithDefault("2G")
        MemorySize maxUnpackedSize();

        /** Most entries a DJL archive may hold. */
        @WithDefault("10000")
        int maxArchiveEntries();
    }
}
