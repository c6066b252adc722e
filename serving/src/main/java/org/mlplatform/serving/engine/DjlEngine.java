package org.mlplatform.serving.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.mlplatform.serving.ServingConfig;

/**
 * Loads DJL's engines once, on first use, without network access.
 *
 * <p>DJL reads {@code ai.djl.offline} and {@code DJL_CACHE_DIR} when it is first touched, so both
 * are set here before any DJL class runs. Offline mode means the native libraries come from the
 * {@code pytorch-native-cpu} jar and are only extracted to the cache dir, never downloaded. The
 * engine loads when this bean is first used: the worker uses it at start-up (and fails to start
 * without it), platform-api only when it serves models in-process.
 *
 * <p>The natives can be loaded by one class loader per JVM only, so dev-mode live reload needs a
 * restart, and all {@code @QuarkusTest}s that serve models in one module share one application.
 */
@Singleton
public class DjlEngine {

    /** System property that forbids DJL to download anything. */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";

    /** Environment variable or system property naming DJL's cache dir. */
    public static final String CACHE_DIR_PROPERTY = "DJL_CACHE_DIR";

    /** System property PyTorch's engine reads for its intra-op threads when it loads. */
    public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

    private static final Logger LOG = Logger.getLogger(DjlEngine.class);

    private final ServingConfig.Engine config;
    private volatile EngineInfo info;
    private volatile List<EngineInfo> engines = List.of();
    private volatile Device device;

    public DjlEngine(ServingConfig config) {
        this.config = config.engine();
    }

    private synchronized void load() {
        if (info != null) {
            return;
        }
        System.setProperty(OFFLINE_PROPERTY, "true");
        if (config.threads() > 0 && System.getProperty(THREADS_PROPERTY) == null) {
            System.setProperty(THREADS_PROPERTY, Integer.toString(config.threads()));
        }
        config.cacheDir()
                .map(dir -> Path.of(dir).toAbsolutePath().toString())
                .ifPresent(dir -> System.setProperty(CACHE_DIR_PROPERTY, dir));
        Engine engine = loadEngine(config.name());
        device = selectDevice(engine);
        List<EngineInfo> loaded =
                new ArrayList<>(
                        List.of(
                                new EngineInfo(
                                        engine.getEngineName(),
                                        engine.getVersion(),
                                        device.toString())));
        for (String name : config.additional()) {
            if (!name.isBlank() && !name.equals(config.name())) {
                Engine extra = loadEngine(name.trim());
                // ONNX Runtime's CPU build has no GPU device: additional engines run on CPU.
                loaded.add(new EngineInfo(extra.getEngineName(), extra.getVersion(), "cpu()"));
            }
        }
        engines = List.copyOf(loaded);
        engines.forEach(
                e -> LOG.infof("Loaded DJL engine %s %s on %s", e.name(), e.version(), e.device()));
        info = engines.get(0);
    }

    private Engine loadEngine(String name) {
        try {
            return Engine.getEngine(name);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            LOG.errorf(
                    e,
                    "Cannot load the DJL %s engine offline (%s=%s): %s. The engine's native jars"
                            + " must be on the class path; nothing is downloaded.",
                    name,
                    CACHE_DIR_PROPERTY,
                    System.getProperty(CACHE_DIR_PROPERTY, "~/.djl.ai"),
                    e.getMessage());
            throw new IllegalStateException("DJL engine " + name + " failed to load", e);
        }
    }

    private Device selectDevice(Engine engine) {
        Device selected = Device.fromName(config.device(), engine);
        if (selected.isGpu() && selected.getDeviceId() >= engine.getGpuCount()) {
            throw new IllegalStateException(
                    "device "
                            + config.device()
                            + " requested but the engine sees "
                            + engine.getGpuCount()
                            + " GPU(s)");
        }
        return selected;
    }

    /** The engine's name, version and device; loads the engines on the first call. */
    public EngineInfo info() {
        if (info == null) {
            load();
        }
        return info;
    }

    /** Every loaded engine, the main one first. */
    public List<EngineInfo> engines() {
        info();
        return engines;
    }

    /** The device models are loaded on. */
    public Device device() {
        info();
        return device;
    }
}
