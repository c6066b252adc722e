package org.mlplatform.worker.validation;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.mlplatform.contract.job.ModelValidationResult;
import org.mlplatform.contract.job.ValidateModelSpec;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.TensorSpec;
import org.mlplatform.serving.ServingConfig;
import org.mlplatform.serving.artifact.ArtifactException;
import org.mlplatform.serving.artifact.Directories;
import org.mlplatform.serving.artifact.FailureReasons;
import org.mlplatform.serving.artifact.FileKind;
import org.mlplatform.serving.artifact.ModelArchive;
import org.mlplatform.serving.artifact.ServingProperties;
import org.mlplatform.serving.engine.DjlEngine;
import org.mlplatform.worker.config.WorkerConfig;

/**
 * Validates an uploaded model version: downloads the artifact, loads it with the DJL engine of its
 * format (ONNX → OnnxRuntime, TorchScript → PyTorch, DJL archive → the engine its {@code
 * serving.properties} names), reports its signature and, when the input shapes are known, runs one
 * inference on zeros.
 *
 * <p>A model that does not load is a result ({@code valid=false} with a reason for the uploader),
 * not an error; only an artifact that cannot be fetched intact throws. Temporary files are deleted
 * before a method returns.
 */
@ApplicationScoped
public class ModelValidator {

    private static final Logger LOG = Logger.getLogger(ModelValidator.class);

    private final ArtifactDownloader downloader;
    private final DjlEngine engine;
    private final Path workDir;
    private final ModelArchive archive;

    public ModelValidator(
            ArtifactDownloader downloader,
            DjlEngine engine,
            WorkerConfig config,
            ServingConfig serving) {
        this.downloader = downloader;
        this.engine = engine;
        this.workDir = Path.of(config.workDir());
        this.archive =
                new ModelArchive(
                        serving.archive().maxUnpackedSize().asLongValue(),
                        serving.archive().maxEntries());
    }

    /**
     * Downloads and validates a model version.
     *
     * @throws ArtifactException when the artifact cannot be fetched intact
     */
    public ModelValidationResult validate(ValidateModelSpec spec) throws ArtifactException {
        Path jobDir = createJobDir();
        try {
            Path artifact = jobDir.resolve("model" + extension(spec.format()));
            downloader.download(spec.sha256(), spec.sizeBytes(), artifact);
            return logged(artifact, spec.format(), validateFile(artifact, spec.format(), jobDir));
        } finally {
            Directories.deleteRecursively(jobDir);
        }
    }

    /** Validates a local artifact; what it unpacks goes to a temporary dir deleted afterwards. */
    public ModelValidationResult validateFile(Path artifact, ModelFormat format) {
        Path scratch;
        try {
            scratch = createJobDir();
        } catch (ArtifactException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        try {
            return logged(artifact, format, validateFile(artifact, format, scratch));
        } finally {
            Directories.deleteRecursively(scratch);
        }
    }

    private ModelValidationResult validateFile(Path artifact, ModelFormat format, Path scratch) {
        FileKind kind;
        try {
            kind = FileKind.of(artifact);
        } catch (IOException e) {
            return invalid(format, "The file cannot be read: " + FailureReasons.message(e));
        }
        return switch (format) {
            case ONNX -> kind == FileKind.ZIP ? wrong(format, kind) : onnx(artifact, null);
            case TORCHSCRIPT -> kind == FileKind.ZIP ? torchScript(artifact) : wrong(format, kind);
            case DJL -> kind == FileKind.ZIP ? djlArchive(artifact, scratch) : wrong(format, kind);
        };
    }

    private static ModelValidationResult logged(
            Path artifact, ModelFormat format, ModelValidationResult result) {
        if (result.valid()) {
            LOG.infof(
                    "%s (%s) loaded with %s in %d ms: %s",
                    artifact.getFileName(),
                    format.wireName(),
                    result.engine(),
                    result.loadMillis(),
                    result.signature());
        } else {
            LOG.infof(
                    "%s (%s) is not valid: %s",
                    artifact.getFileName(), format.wireName(), result.failureReason());
        }
        return result;
    }

    private ModelValidationResult onnx(Path modelPath, String modelName) {
        Path file = modelName == null ? modelPath : modelPath.resolve(modelName + ".onnx");
        OnnxSignature.Declared declared;
        try {
            declared = OnnxSignature.read(file);
        } catch (Exception | UnsatisfiedLinkError e) {
            String reason = FailureReasons.loadFailed(ModelFormat.ONNX, ModelCheck.ONNX_RUNTIME, e);
            return invalid(ModelCheck.ONNX_RUNTIME, reason);
        }
        return new ModelCheck(ModelFormat.ONNX, ModelCheck.ONNX_RUNTIME, engine.device())
                .run(modelPath, modelName, declared.inputs(), declared.outputs());
    }

    private ModelValidationResult torchScript(Path file) {
        return new ModelCheck(ModelFormat.TORCHSCRIPT, ModelCheck.PYTORCH, engine.device())
                .run(file, null, List.of(), List.of());
    }

    private ModelValidationResult djlArchive(Path zip, Path scratch) {
        Path dir;
        ServingProperties properties;
        try {
            dir = archive.unpack(zip, Files.createDirectories(scratch.resolve("unpacked")));
            properties = ServingProperties.read(dir);
        } catch (IOException | IllegalArgumentException e) {
            return invalid(ModelFormat.DJL, FailureReasons.badArchive(FailureReasons.message(e)));
        }
        String modelName = properties.modelName().orElseGet(() -> singleModelName(dir));
        if (modelName == null) {
            return invalid(
                    ModelFormat.DJL,
                    FailureReasons.badArchive(
                            "it holds no single .pt or .onnx file and serving.properties names"
                                    + " no option.modelName."));
        }
        boolean onnxFile = Files.exists(dir.resolve(modelName + ".onnx"));
        String engineName =
                properties.engine().orElse(onnxFile ? ModelCheck.ONNX_RUNTIME : ModelCheck.PYTORCH);
        if (ModelCheck.ONNX_RUNTIME.equals(engineName)) {
            return onnx(dir, modelName);
        }
        if (!ModelCheck.PYTORCH.equals(engineName)) {
            return invalid(
                    ModelFormat.DJL,
                    FailureReasons.badArchive(
                            "serving.properties names engine="
                                    + engineName
                                    + "; this worker runs PyTorch and OnnxRuntime."));
        }
        return new ModelCheck(ModelFormat.DJL, ModelCheck.PYTORCH, engine.device())
                .run(dir, modelName, declaredInputs(properties), List.of());
    }

    private static List<TensorSpec> declaredInputs(ServingProperties properties) {
        List<List<Long>> shapes = properties.inputShapes();
        return java.util.stream.IntStream.range(0, shapes.size())
                .mapToObj(
                        i ->
                                new TensorSpec(
                                        i < properties.inputNames().size()
                                                ? properties.inputNames().get(i)
                                                : "input" + i,
                                        i < properties.inputDataTypes().size()
                                                ? properties.inputDataTypes().get(i)
                                                : "float32",
                                        shapes.get(i)))
                .toList();
    }

    private static String singleModelName(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> models =
                    files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".pt") || n.endsWith(".onnx"))
                            .toList();
            return models.size() == 1 ? models.get(0).replaceFirst("\\.(pt|onnx)$", "") : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static ModelValidationResult wrong(ModelFormat format, FileKind kind) {
        return invalid(format, FailureReasons.wrongFormat(format, kind));
    }

    private static ModelValidationResult invalid(ModelFormat format, String reason) {
        String engineName =
                format == ModelFormat.ONNX ? ModelCheck.ONNX_RUNTIME : ModelCheck.PYTORCH;
        return invalid(engineName, reason);
    }

    private static ModelValidationResult invalid(String engineName, String reason) {
        return new ModelValidationResult(false, reason, null, engineName, 0, null);
    }

    private static String extension(ModelFormat format) {
        return switch (format) {
            case ONNX -> ".onnx";
            case TORCHSCRIPT -> ".pt";
            case DJL -> ".zip";
        };
    }

    private Path createJobDir() throws ArtifactException {
        try {
            Files.createDirectories(workDir);
            return Files.createTempDirectory(workDir, "validate-");
        } catch (IOException e) {
            throw new ArtifactException(
                    "Cannot create a work dir in " + workDir + ": " + e.getMessage(), true, e);
        }
    }
}
