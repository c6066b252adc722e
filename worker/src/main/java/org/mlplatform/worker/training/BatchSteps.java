package org.mlplatform.worker.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import org.mlplatform.serving.trained.Preprocessing;

/** One optimizer step on a batch, and the evaluation of a split, for {@link TrainingLoop}. */
final class BatchSteps {

    private static final int EVAL_BATCH = 1024;

    private final Trainer trainer;
    private final Preprocessing preprocessing;

    BatchSteps(Trainer trainer, Preprocessing preprocessing) {
        this.trainer = trainer;
        this.preprocessing = preprocessing;
    }

    /** Trains on {@code count} samples ({@code x} flat) and adds the batch to {@code stats}. */
    void train(float[] x, float[] y, int count, EpochStats stats) {
        try (NDManager batch = trainer.getManager().newSubManager()) {
            NDArray input = batch.create(FloatBuffer.wrap(x), batchShape(preprocessing, count));
            NDArray labels = batch.create(FloatBuffer.wrap(y), labelShape(count));
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList output = trainer.forward(new NDList(input), new NDList(labels));
                NDArray value = trainer.getLoss().evaluate(new NDList(labels), output);
                collector.backward(value);
                stats.add(value.getFloat(), output.singletonOrThrow(), labels, count);
            }
            trainer.step();
            zeroGradients();
        }
    }

    /**
     * PyTorch adds every backward pass to the gradients and DJL does not reset them after a step:
     * without this each step would follow the sum of all earlier gradients, state no checkpoint
     * holds.
     */
    private void zeroGradients() {
        for (Pair<String, Parameter> p : trainer.getModel().getBlock().getParameters()) {
            NDArray weight = p.getValue().getArray();
            if (weight.hasGradient()) {
                try (NDArray gradient = weight.getGradient()) {
                    gradient.subi(gradient);
                }
            }
        }
    }

    EpochStats evaluate(Samples samples) {
        EpochStats stats = new EpochStats(preprocessing);
        int size = samples.sampleSize();
        for (int from = 0; from < samples.count(); from += EVAL_BATCH) {
            int count = Math.min(EVAL_BATCH, samples.count() - from);
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray input =
                        batch.create(
                                FloatBuffer.wrap(samples.x(), from * size, count * size).slice(),
                                batchShape(preprocessing, count));
                NDArray labels =
                        batch.create(
                                FloatBuffer.wrap(samples.y(), from, count).slice(),
                                labelShape(count));
                NDList output = trainer.evaluate(new NDList(input));
                NDArray value = trainer.getLoss().evaluate(new NDList(labels), output);
                stats.add(value.getFloat(), output.singletonOrThrow(), labels, count);
            }
        }
        return stats;
    }

    static Shape batchShape(Preprocessing preprocessing, long count) {
        long[] sample = preprocessing.sampleShape();
        long[] dims = new long[sample.length + 1];
        dims[0] = count;
        System.arraycopy(sample, 0, dims, 1, sample.length);
        return new Shape(dims);
    }

    private Shape labelShape(long count) {
        return preprocessing.classifies() ? new Shape(count) : new Shape(count, 1);
    }
}
