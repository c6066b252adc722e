package org.mlplatform.serving;

import java.util.ArrayList;
import java.util.List;
import org.mlplatform.contract.inference.TensorMetadata;

/** The protocol's optional {@code outputs}: only the named outputs are answered, in that order. */
final class OutputFilter {

    private OutputFilter() {}

    /** 400 for a requested output the model does not have (when its outputs are known). */
    static void check(List<String> requested, List<TensorMetadata> known) {
        if (requested == null || known.isEmpty()) {
            return;
        }
        for (String name : requested) {
            if (known.stream().noneMatch(o -> o.name().equals(name))) {
                throw unknown(name, known.stream().map(TensorMetadata::name).toList());
            }
        }
    }

    static List<Tensor> apply(List<String> requested, List<Tensor> outputs) {
        if (requested == null || requested.isEmpty()) {
            return outputs;
        }
        List<Tensor> wanted = new ArrayList<>(requested.size());
        for (String name : requested) {
            wanted.add(
                    outputs.stream()
                            .filter(o -> o.name().equals(name))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            unknown(
                                                    name,
                                                    outputs.stream().map(Tensor::name).toList())));
        }
        return wanted;
    }

    private static InferenceException unknown(String name, List<String> names) {
        return InferenceException.badInput(
                "Unknown output '%s'; the model answers %s".formatted(name, names));
    }
}
