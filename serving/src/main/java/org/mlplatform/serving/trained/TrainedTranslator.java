package org.mlplatform.serving.trained;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.Batchifier;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns encoded samples into the network's input and its output into a {@link Prediction}: softmax
 * and argmax for classification, the label's scale restored for regression. Batches are formed by
 * the caller, so there is no batchifier.
 */
public final class TrainedTranslator implements Translator<TrainedTranslator.Batch, Prediction> {

    /** {@code count} encoded samples, flat. */
    public record Batch(float[] x, int count) {}

    private final Preprocessing preprocessing;

    public TrainedTranslator(Preprocessing preprocessing) {
        this.preprocessing = preprocessing;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, Batch input) {
        long[] sample = preprocessing.sampleShape();
        long[] dims = new long[sample.length + 1];
        dims[0] = input.count();
        System.arraycopy(sample, 0, dims, 1, sample.length);
        return new NDList(ctx.getNDManager().create(FloatBuffer.wrap(input.x()), new Shape(dims)));
    }

    @Override
    public Prediction processOutput(TranslatorContext ctx, NDList list) {
        NDArray output = list.singletonOrThrow();
        int count = (int) output.getShape().get(0);
        if (!preprocessing.classifies()) {
            float[] scaled = output.flatten().toFloatArray();
            float[] values = new float[count];
            for (int i = 0; i < count; i++) {
                values[i] = (float) preprocessing.unscaleLabel(scaled[i]);
            }
            return new Prediction(null, null, values);
        }
        int classes = preprocessing.classes().size();
        float[] flat = output.softmax(1).toFloatArray();
        float[][] probabilities = new float[count][classes];
        List<String> labels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            System.arraycopy(flat, i * classes, probabilities[i], 0, classes);
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (probabilities[i][c] > probabilities[i][best]) {
                    best = c;
                }
            }
            labels.add(preprocessing.classes().get(best));
        }
        return new Prediction(labels, probabilities, null);
    }

    @Override
    public Batchifier getBatchifier() {
        return null;
    }
}
