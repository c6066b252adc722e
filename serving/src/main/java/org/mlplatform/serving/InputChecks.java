package org.mlplatform.serving;

import java.util.Arrays;
import java.util.List;
import org.mlplatform.contract.inference.TensorMetadata;

/** Checks shared by the model kinds: datatypes, shapes against the signature, equal rows. */
final class InputChecks {

    private InputChecks() {}

    /** 400 unless the tensor has the datatype; {@code expected} null accepts any. */
    static void datatype(Tensor tensor, String expected) {
        if (expected != null && !expected.equals(tensor.datatype())) {
            throw InferenceException.badInput(
                    "Input '%s' has datatype %s; the model takes %s"
                            .formatted(tensor.name(), tensor.datatype(), expected));
        }
    }

    /** 400 unless the tensor's shape fits {@code expected} (-1 fits any size; null: any shape). */
    static void shape(Tensor tensor, List<Long> expected) {
        if (expected == null) {
            return;
        }
        long[] actual = tensor.shape();
        boolean fits = actual.length == expected.size();
        for (int i = 0; fits && i < actual.length; i++) {
            long want = expected.get(i);
            fits = want < 0 || i == 0 || want == actual[i];
        }
        if (!fits) {
            throw InferenceException.badInput(
                    "Input '%s' has shape %s; the model takes %s"
                            .formatted(tensor.name(), Arrays.toString(actual), expected));
        }
    }

    /** 400 unless every input has at least one dimension and they all have the same rows. */
    static void sameRows(List<Tensor> inputs) {
        Tensor first = inputs.get(0);
        for (Tensor t : inputs) {
            if (t.shape().length == 0) {
                throw InferenceException.badInput(
                        "Input '" + t.name() + "' is a scalar; the first dimension is the batch");
            }
            if (t.shape()[0] != first.shape()[0]) {
                throw InferenceException.badInput(
                        "Inputs '%s' and '%s' have %d and %d rows; every input needs the same"
                                .formatted(first.name(), t.name(), first.shape()[0], t.shape()[0]));
            }
        }
    }

    /** 400 for a name the model does not take. */
    static InferenceException unknown(String name, List<TensorMetadata> inputs) {
        return InferenceException.badInput(
                "Unknown input '%s'; the model takes %s"
                        .formatted(name, inputs.stream().map(TensorMetadata::name).toList()));
    }
}
