package org.mlplatform.api.inference;

import java.util.List;
import org.mlplatform.api.deployment.ServedDeployment;
import org.mlplatform.contract.inference.Datatypes;
import org.mlplatform.contract.inference.ModelMetadataResponse;
import org.mlplatform.contract.inference.TensorMetadata;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelSignature;
import org.mlplatform.contract.model.TensorSpec;

/** Open Inference Protocol metadata of a deployed model, from its signature. */
final class ModelMetadata {

    private ModelMetadata() {}

    static ModelMetadataResponse of(ServedDeployment deployment, List<Integer> versions) {
        ModelSignature signature = deployment.signature();
        return new ModelMetadataResponse(
                deployment.model(),
                versions.stream().map(String::valueOf).toList(),
                platform(deployment.format()),
                tensors(signature == null ? null : signature.inputs()),
                tensors(signature == null ? null : signature.outputs()));
    }

    static String platform(ModelFormat format) {
        if (format == null) {
            return "djl_pytorch";
        }
        return switch (format) {
            case ONNX -> "onnxruntime_onnx";
            case TORCHSCRIPT -> "pytorch_torchscript";
            case DJL -> "djl_pytorch";
        };
    }

    private static List<TensorMetadata> tensors(List<TensorSpec> specs) {
        if (specs == null) {
            return List.of();
        }
        return specs.stream()
                .map(
                        s ->
                                new TensorMetadata(
                                        s.name(),
                                        Datatypes.fromDjl(s.dataType()).orElse("BYTES"),
                                        s.shape() == null ? List.of(-1L) : s.shape()))
                .toList();
    }
}
