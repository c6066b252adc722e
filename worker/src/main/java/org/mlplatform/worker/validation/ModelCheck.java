package org.mlplatform.worker.validation;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mlplatform.contract.job.ModelValidationResult;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelSignature;
import org.mlplatform.contract.model.TensorSpec;
import org.mlplatform.serving.artifact.FailureReasons;

/**
 * Loads one model with a DJL engine, describes its inputs and outputs, and, when every input shape
 * is known, runs one inference on zeros ({@code -1} dimensions become 1). Every DJL resource is
 * closed before {@link #run} returns.
 */
final class ModelCheck {

    static final String PYTORCH = "PyTorch";
    static final String ONNX_RUNTIME = "OnnxRuntime";

    private final ModelFormat format;
    private final String engine;
    private final Device device;

    /**
     * @param format the declared format, for the wording of failure reasons
     * @param engine {@value #PYTORCH} or {@value #ONNX_RUNTIME}
     * @param device where PyTorch models run; ONNX Runtime (CPU build) ignores it
     */
    ModelCheck(ModelFormat format, String engine, Device device) {
        this.format = format;
        this.engine = engine;
        this.device = device;
    }

    /**
     * @param modelPath the model file, or the directory holding it
     * @param modelName the file name without extension inside a directory; null for a file
     * @param declaredInputs inputs known before loading (ONNX, serving.properties); empty if none
     * @param declaredOutputs outputs known before loading; empty if none
     */
    ModelValidationResult run(
            Path modelPath,
            String modelName,
            List<TensorSpec> declaredInputs,
            List<TensorSpec> declaredOutputs) {
        Criteria.Builder<NDList, NDList> builder =
                Criteria.builder()
                        .setTypes(NDList.class, NDList.class)
                        .optModelPath(modelPath)
                        .optEngine(engine)
                        .optTranslator(new NoopTranslator());
        if (modelName != null) {
            builder.optModelName(modelName);
        }
        if (PYTORCH.equals(engine)) {
            // A model saved on a GPU machine still loads on this worker's device.
            builder.optDevice(device).optOption("mapLocation", "true");
        }
        long start = System.nanoTime();
        try (ZooModel<NDList, NDList> model = builder.build().loadModel()) {
            long loadMillis = millisSince(start);
            List<TensorSpec> inputs =
                    declaredInputs.isEmpty() ? describeInputs(model) : declaredInputs;
            if (!runnable(inputs)) {
                return new ModelValidationResult(
                        true,
                        null,
                        new ModelSignature(inputs, declaredOutputs),
                        engine,
                        loadMillis,
                        null);
            }
            return trial(model, inputs, declaredOutputs, loadMillis);
        } catch (Exception | UnsatisfiedLinkError e) {
            return invalid(FailureReasons.loadFailed(format, engine, e), millisSince(start));
        }
    }

    private ModelValidationResult trial(
            ZooModel<NDList, NDList> model,
            List<TensorSpec> inputs,
            List<TensorSpec> declaredOutputs,
            long loadMillis) {
        long start = System.nanoTime();
        try (NDManager manager = model.getNDManager().newSubManager();
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDList zeros = new NDList();
            for (TensorSpec input : inputs) {
                long[] dims = input.shape().stream().mapToLong(d -> d < 0 ? 1 : d).toArray();
                NDArray array = manager.zeros(new Shape(dims), dataType(input.dataType()));
                array.setName(input.name());
                zeros.add(array);
            }
            NDList outputs = predictor.predict(zeros);
            long inferenceMillis = millisSince(start);
            List<TensorSpec> observed = new ArrayList<>();
            for (int i = 0; i < outputs.size(); i++) {
                NDArray out = outputs.get(i);
                String name = out.getName() == null ? "output" + i : out.getName();
                observed.add(
                        new TensorSpec(
                                name,
                                out.getDataType().toString(),
                                Arrays.stream(out.getShape().getShape()).boxed().toList()));
            }
            outputs.close();
            List<TensorSpec> reported = declaredOutputs.isEmpty() ? observed : declaredOutputs;
            return new ModelValidationResult(
                    true,
                    null,
                    new ModelSignature(inputs, reported),
                    engine,
                    loadMillis,
                    inferenceMillis);
        } catch (Exception e) {
            return invalid(FailureReasons.inferenceFailed(engine, e), loadMillis);
        }
    }

    /** Input names from DJL, shapes only when the engine knows them (TorchScript does not). */
    private static List<TensorSpec> describeInputs(ZooModel<NDList, NDList> model) {
        PairList<String, Shape> described;
        try {
            described = model.describeInput();
        } catch (RuntimeException e) {
            described = null;
        }
        if (described == null || described.isEmpty()) {
            return List.of(new TensorSpec("input0", null, null));
        }
        List<TensorSpec> inputs = new ArrayList<>();
        int i = 0;
        for (Pair<String, Shape> pair : described) {
            String name = pair.getKey() == null ? "input" + i : pair.getKey();
            Shape shape = pair.getValue();
            List<Long> dims =
                    shape == null || shape.isScalar() && shape.dimension() == 0
                            ? null
                            : Arrays.stream(shape.getShape()).boxed().toList();
            inputs.add(new TensorSpec(name, null, dims));
            i++;
        }
        return inputs;
    }

    private static boolean runnable(List<TensorSpec> inputs) {
        return !inputs.isEmpty()
                && inputs.stream()
                        .allMatch(
                                i ->
                                        i.shape() != null
                                                && i.shape().stream().allMatch(d -> d >= -1)
                                                && dataType(i.dataType()) != DataType.UNKNOWN);
    }

    static DataType dataType(String name) {
        if (name == null) {
            return DataType.FLOAT32;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "float32" -> DataType.FLOAT32;
            case "float64" -> DataType.FLOAT64;
            case "float16" -> DataType.FLOAT16;
            case "int8" -> DataType.INT8;
            case "int32" -> DataType.INT32;
            case "int64" -> DataType.INT64;
            case "uint8" -> DataType.UINT8;
            case "boolean" -> DataType.BOOLEAN;
            default -> DataType.UNKNOWN;
        };
    }

    private ModelValidationResult invalid(String reason, long loadMillis) {
        return new ModelValidationResult(false, reason, null, engine, loadMillis, null);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
