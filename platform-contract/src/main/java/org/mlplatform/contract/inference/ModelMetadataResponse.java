package org.mlplatform.contract.inference;

import java.util.List;

/**
 * Open Inference Protocol model metadata.
 *
 * @param versions the deployed versions
 * @param platform the runtime, such as {@code onnxruntime_onnx}, {@code pytorch_torchscript} or
 *     {@code djl_pytorch}
 */
public record ModelMetadataResponse(
        String name,
        List<String> versions,
        String platform,
        List<TensorMetadata> inputs,
        List<TensorMetadata> outputs) {}
