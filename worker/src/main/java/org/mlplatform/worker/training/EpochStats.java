package org.mlplatform.worker.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.mlplatform.serving.trained.Preprocessing;

/** Sums over the batches of one split in one epoch: loss, correct answers or errors. */
final class EpochStats {

    private final boolean classifies;
    private final double labelStd;
    private double lossSum;
    private long correct;
    private double absoluteErrors;
    private double squaredErrors;
    private long samples;

    EpochStats(Preprocessing preprocessing) {
        this.classifies = preprocessing.classifies();
        this.labelStd = classifies ? 1 : preprocessing.labelStd();
    }

    /** Adds one batch: its mean loss, the network's output and the labels. */
    void add(float meanLoss, NDArray output, NDArray labels, int count) {
        lossSum += (double) meanLoss * count;
        samples += count;
        if (classifies) {
            correct +=
                    output.argMax(1)
                            .toType(DataType.FLOAT32, false)
                            .eq(labels)
                            .countNonzero()
                            .getLong();
        } else {
            NDArray diff = output.flatten().sub(labels.flatten()).mul(labelStd);
            absoluteErrors += diff.abs().sum().getFloat();
            squaredErrors += diff.square().sum().getFloat();
        }
    }

    boolean empty() {
        return samples == 0;
    }

    double loss() {
        return lossSum / samples;
    }

    Double accuracy() {
        return classifies && samples > 0 ? (double) correct / samples : null;
    }

    /** Mean absolute error in label units (regression). */
    Double mae() {
        return !classifies && samples > 0 ? absoluteErrors / samples : null;
    }

    /** Root mean squared error in label units (regression). */
    Double rmse() {
        return !classifies && samples > 0 ? Math.sqrt(squaredErrors / samples) : null;
    }
}
