package org.mlplatform.worker.validation;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mlplatform.contract.model.TensorSpec;

/**
 * Reads an ONNX model's declared inputs and outputs (names, element types, shapes) from an ONNX
 * Runtime session. DJL's {@code Model.describeInput()} knows names and shapes but not the types,
 * and its ONNX block does not describe outputs, so the worker asks ONNX Runtime directly; the
 * short-lived session is closed before DJL loads the model for the trial inference.
 */
final class OnnxSignature {

    private OnnxSignature() {}

    /** Declared inputs and outputs, in the model's order. */
    record Declared(List<TensorSpec> inputs, List<TensorSpec> outputs) {}

    static Declared read(Path onnxFile) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(onnxFile.toString(), options)) {
            return new Declared(specs(session.getInputInfo()), specs(session.getOutputInfo()));
        }
    }

    private static List<TensorSpec> specs(Map<String, NodeInfo> nodes) {
        List<TensorSpec> specs = new ArrayList<>();
        for (NodeInfo node : nodes.values()) {
            if (node.getInfo() instanceof TensorInfo tensor) {
                List<Long> shape = Arrays.stream(tensor.getShape()).boxed().toList();
                specs.add(new TensorSpec(node.getName(), djlType(tensor.onnxType), shape));
            } else {
                // Sequences and maps: no tensor shape to report.
                specs.add(new TensorSpec(node.getName(), null, null));
            }
        }
        return specs;
    }

    /** DJL's name for an ONNX element type: float32, int64, boolean...; null when DJL has none. */
    static String djlType(TensorInfo.OnnxTensorType type) {
        String onnx = type.name().replace("ONNX_TENSOR_ELEMENT_DATA_TYPE_", "");
        return switch (onnx) {
            case "FLOAT" -> "float32";
            case "DOUBLE" -> "float64";
            case "FLOAT16" -> "float16";
            case "BFLOAT16" -> "bfloat16";
            case "BOOL" -> "boolean";
            case "STRING" -> "string";
            case "COMPLEX64" -> "complex64";
            case "INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64" ->
                    onnx.toLowerCase(java.util.Locale.ROOT);
            default -> null;
        };
    }
}
