package org.mlplatform.portal.inference;

import java.util.List;
import org.mlplatform.contract.model.ModelFormat;
import org.mlplatform.contract.model.ModelSignature;
import org.mlplatform.contract.model.ModelVersionResponse;
import org.mlplatform.contract.model.TensorSpec;
import org.mlplatform.contract.model.VersionSource;

/**
 * Which "Try it" form a version's signature calls for. Only models the platform trained decode rows
 * and images themselves (their model card holds the scaling and categories); uploaded ONNX and
 * TorchScript models take raw tensors, so they get the JSON editor.
 */
enum InputKind {
    /** One field per feature column: each input {@code [-1]}, float32 or string. */
    TABULAR,
    /** One image input {@code [-1, C, S, S]}: an uploaded PNG or JPEG, sent as BYTES. */
    IMAGE,
    /** An Open Inference Protocol request written as JSON. */
    RAW;

    static InputKind of(ModelVersionResponse version) {
        ModelSignature signature = version.signature();
        boolean trained =
                version.source() == VersionSource.TRAINING || version.format() == ModelFormat.DJL;
        if (!trained || signature == null || signature.inputs() == null) {
            return RAW;
        }
        List<TensorSpec> inputs = signature.inputs();
        if (inputs.size() == 1 && isImage(inputs.get(0))) {
            return IMAGE;
        }
        boolean columns =
                !inputs.isEmpty()
                        && inputs.stream()
                                .allMatch(
                                        i ->
                                                List.of(-1L).equals(i.shape())
                                                        && ("float32".equals(i.dataType())
                                                                || "string".equals(i.dataType())));
        return columns ? TABULAR : RAW;
    }

    /** {@code [-1, C, S, S]} with 1 or 3 channels. */
    static boolean isImage(TensorSpec input) {
        List<Long> shape = input.shape();
        return shape != null
                && shape.size() == 4
                && shape.get(0) == -1
                && (shape.get(1) == 1 || shape.get(1) == 3)
                && shape.get(2) > 0
                && shape.get(2).equals(shape.get(3));
    }
}
