package org.mlplatform.worker.config;

import io.quarkus.runtime.configuration.MemorySize;
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

    /** The DJL engine. */
    Engine engine();

    /** Serving deployed model versions (the {@code INFERENCE} role). */
    Inference inference();

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

    /** Inference serving settings. */
    interface Inference {

        /** How often the worker asks platform-api which deployments it should hold loaded. */
        @WithDefault("2s")
        Duration pollInterval();

        /**
         * Memory the loaded models may take together, estimated as artifact size × {@code
         * footprint-factor}; the least recently used models are unloaded when a new one does not
         * fit.
         */
        @WithDefault("2G")
        MemorySize memoryBudget();

        /**
         * A model's memory estimate per byte of its artifact: the weights once plus the engine's
         * working buffers (an estimate, not a measurement; raise it for models with large
         * activations).
         */
        @WithDefault("2.0")
        double footprintFactor();

        /** A loaded model not called for this long is unloaded (loaded again on the next call). */
        @WithDefault("30m")
        Duration idleUnload();

        /** Requests waiting per loaded model; a full queue answers 503 with Retry-After. */
        @WithDefault("256")
        int queueSize();

        /**
         * Threads (each with its own predictor) running forward passes per loaded model. With
         * {@code engine.threads=1} (one intra-op thread each) 2 keeps both cores of a small machine
         * busy.
         */
        @WithDefault("2")
        int threadsPerModel();

        /** How long unloading waits for requests already queued or running to finish. */
        @WithDefault("10s")
        Duration drainTimeout();

        /**
         * The largest body of one {@code /infer} call; larger is 413. As large as the gateway's
         * {@code platform.inference.max-request-size}, which forwards calls up to that size.
         */
        @WithDefault("64M")
        MemorySize maxRequestSize();
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
