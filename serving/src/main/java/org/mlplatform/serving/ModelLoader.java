package org.mlplatform.serving;

import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mlplatform.contract.deployment.DeploymentAssignment;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.serving.artifact.ArtifactException;
import org.mlplatform.serving.artifact.FailureReasons;
import org.mlplatform.serving.artifact.ModelArchive;
import org.mlplatform.serving.artifact.ServingProperties;
import org.mlplatform.serving.engine.DjlEngine;
import org.mlplatform.serving.trained.TrainedModel;

/**
 * Fetches a deployment's artifact from the {@link DeploymentSource} (size and SHA-256 checked),
 * loads it with the engine of its format and warms it up with one inference on zeros when the input
 * shapes are known. Every failure is a {@link LoadException} whose message a person can act on.
 */
@ApplicationScoped
class ModelLoader {

    static final String PYTORCH = "PyTorch";
    static final String ONNX_RUNTIME = "OnnxRuntime";

    /** Loading failed; the message is the reason reported to platform-api. */
    static final class LoadException extends Exception {
        LoadException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final DeploymentSource platform;
    private final DjlEngine engine;
    private final ModelArchive archive;
    private final long maxImagePixels;

    ModelLoader(DeploymentSource platform, DjlEngine engine, ServingConfig config) {
        this.platform = platform;
        this.engine = engine;
        this.maxImagePixels = config.maxImagePixels();
        this.archive =
                new ModelArchive(
                        config.archive().maxUnpackedSize().asLongValue(),
                        config.archive().maxEntries());
    }

    /** Loads the deployment into {@code dir} (empty, deleted by the caller when unloaded). */
    ServableModel load(DeploymentAssignment a, Path dir) throws LoadException {
        Path artifact = dir.resolve("model" + extension(a.format(), a.trained()));
        try {
            Files.createDirectories(dir);
            platform.fetch(a.artifact(), artifact);
        } catch (ArtifactException e) {
            throw new LoadException(
                    "The model's artifact could not be fetched intact: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new LoadException(
                    "Cannot write to the serving work dir (platform.serving.work-dir): "
                            + e.getMessage(),
                    e);
        }
        ServableModel model = open(a, artifact, dir);
        try {
            warmUp(model);
            return model;
        } catch (LoadException e) {
            model.close();
            throw e;
        }
    }

    private ServableModel open(DeploymentAssignment a, Path artifact, Path dir)
            throws LoadException {
        String engineName = a.format() == ModelFormat.ONNX ? ONNX_RUNTIME : PYTORCH;
        try {
            if (a.trained()) {
                return new TrainedServable(
                        TrainedModel.loadArchive(
                                artifact, dir.resolve("unpacked"), engine.device()),
                        maxImagePixels);
            }
            return switch (a.format()) {
                case ONNX -> ndList(a, artifact, null, ONNX_RUNTIME, "onnxruntime_onnx");
                case TORCHSCRIPT -> ndList(a, artifact, null, PYTORCH, "pytorch_torchscript");
                case DJL -> djlArchive(a, artifact, dir);
            };
        } catch (LoadException e) {
            throw e;
        } catch (ModelArchive.UnsafeArchiveException e) {
            throw new LoadException(FailureReasons.badArchive(e.getMessage()), e);
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new LoadException(FailureReasons.loadFailed(a.format(), engineName, e), e);
        }
    }

    private ServableModel djlArchive(DeploymentAssignment a, Path zip, Path dir) throws Exception {
        Path unpacked = archive.unpack(zip, Files.createDirectories(dir.resolve("unpacked")));
        ServingProperties properties = ServingProperties.read(unpacked);
        String modelName = properties.modelName().orElse(null);
        boolean onnx =
                modelName != null
                        ? Files.exists(unpacked.resolve(modelName + ".onnx"))
                        : hasOnnx(unpacked);
        String engineName = properties.engine().orElse(onnx ? ONNX_RUNTIME : PYTORCH);
        String platform = ONNX_RUNTIME.equals(engineName) ? "djl_onnxruntime" : "djl_pytorch";
        return ndList(a, unpacked, modelName, engineName, platform);
    }

    private static boolean hasOnnx(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".onnx"));
        }
    }

    private ServableModel ndList(
            DeploymentAssignment a, Path path, String modelName, String engineName, String platform)
            throws Exception {
        Criteria.Builder<NDList, NDList> builder =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(path)
                        .optEngine(engineName)
                        .optTranslator(new NoopTranslator());
        if (modelName != null) {
            builder.optModelName(modelName);
        }
        if (PYTORCH.equals(engineName)) {
            builder.optDevice(engine.device()).optOption("mapLocation", "true");
        }
        ZooModel<NDList, NDList> model = builder.build().loadModel();
        return new NdListModel(model, platform, ONNX_RUNTIME.equals(engineName), a.signature());
    }

    private static void warmUp(ServableModel model) throws LoadException {
        var inputs = model.warmUpInputs();
        if (inputs.isEmpty()) {
            return;
        }
        try (ServableModel.Session session = model.newSession()) {
            session.run(inputs.get());
        } catch (Exception | LinkageError e) {
            throw new LoadException(FailureReasons.inferenceFailed(model.platform(), e), e);
        }
    }

    private static String extension(ModelFormat format, boolean trained) {
        if (trained) {
            return ".zip";
        }
        return switch (format) {
            case ONNX -> ".onnx";
            case TORCHSCRIPT -> ".pt";
            case DJL -> ".zip";
        };
    }
}
