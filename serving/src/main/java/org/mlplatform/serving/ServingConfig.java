package org.mlplatform.serving;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Typed configuration of the serving runtime, under {@code platform.serving}: the same keys in the
 * worker and in platform-api (which serves in-process when {@code platform.inference.local.enabled}
 * is set).
 */
@ConfigMapping(prefix = "platform.serving")
public interface ServingConfig {

    /** The DJL engine. */
    Engine engine();

    /** Limits on the model archives the runtime (and the worker's validation) unpacks. */
    Archive archive();

    /**
     * Where deployed models are downloaded and unpacked; each loaded deployment has a directory of
     * its own there, deleted when it is unloaded.
     */
    @WithDefault("${java.io.tmpdir}/mlplatform-serving")
    String workDir();

    /**
     * How often the runtime asks which deployments it should hold loaded (and unloads idle ones).
     */
    @WithDefault("2s")
    Duration pollInterval();

    /**
     * Memory the loaded models may take together, estimated as artifact size × {@code
     * footprint-factor}; the least recently used models are unloaded when a new one does not fit.
     */
    @WithDefault("2G")
    MemorySize memoryBudget();

    /**
     * A model's memory estimate per byte of its artifact: the weights once plus the engine's
     * working buffers (an estimate, not a measurement; raise it for models with large activations).
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
     * Threads (each with its own predictor) running forward passes per loaded model. With {@code
     * engine.threads=1} (one intra-op thread each) 2 keeps both cores of a small machine busy.
     */
    @WithDefault("2")
    int threadsPerModel();

    /** How long unloading waits for requests already queued or running to finish. */
    @WithDefault("10s")
    Duration drainTimeout();

    /**
     * The largest body of one {@code /infer} call to the runtime's own routes; larger is 413. As
     * large as the gateway's {@code platform.inference.max-request-size}, which forwards calls up
     * to that size.
     */
    @WithDefault("64M")
    MemorySize maxRequestSize();

    /**
     * The most pixels (width × height) of one PNG or JPEG given to an image model, checked from the
     * image's header before it is decoded (decoding takes 3 to 4 bytes of heap per pixel on a
     * serving thread); a larger image is 400. The default, 4096 × 4096, takes a phone's photo;
     * models see far fewer pixels (their input size), so a client may as well send it smaller.
     */
    @WithDefault("16777216")
    long maxImagePixels();

    /** DJL engine settings. */
    interface Engine {

        /** DJL engine name, as {@code Engine.getEngine(name)} knows it. */
        @WithDefault("PyTorch")
        String name();

        /** Device models run on: {@code cpu}, or {@code gpu} / {@code gpu(1)}. */
        @WithDefault("cpu")
        String device();

        /**
         * PyTorch's intra-op threads ({@code ai.djl.pytorch.num_threads}); 0 keeps PyTorch's
         * default of one per core. The small networks the platform trains step fastest on one
         * thread, and on a shared machine more threads spin against each other (measured: 16,000 vs
         * 1,000 samples/s on 2 busy cores).
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

    /** Limits of model archives. */
    interface Archive {

        /** Largest uncompressed size of a DJL archive (all entries together). */
        @WithDefault("2G")
        MemorySize maxUnpackedSize();

        /** Most entries a DJL archive may hold. */
        @WithDefault("10000")
        int maxEntries();
    }
}
