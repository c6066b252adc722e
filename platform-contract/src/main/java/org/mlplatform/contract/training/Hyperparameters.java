package org.mlplatform.contract.training;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/**
 * How to train. Null fields take the defaults; a job's response shows the values it ran with.
 *
 * @param epochs passes over the training split, default 10 (platform-api caps it by config)
 * @param batchSize samples per step, default 32
 * @param learningRate default 0.001 for adam, 0.01 for sgd
 * @param optimizer adam (default) or sgd
 * @param momentum sgd only, default 0.9
 * @param validationSplit the share of rows held out for validation, default 0.2
 * @param seed the random seed for the split, the shuffling and the initial weights; same seed and
 *     data give the same metrics. Default 42
 * @param earlyStoppingPatience stop after this many epochs without a better validation loss; null
 *     or 0 never stops early
 */
public record Hyperparameters(
        @Min(1) @Max(10_000) Integer epochs,
        @Min(1) @Max(4096) Integer batchSize,
        @Positive @DecimalMax("10") Double learningRate,
        OptimizerType optimizer,
        @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) Double momentum,
        @DecimalMin("0") @DecimalMax("0.9") Double validationSplit,
        Long seed,
        @Min(0) @Max(1000) Integer earlyStoppingPatience) {

    /** These hyperparameters with every null field set to its default. */
    public Hyperparameters withDefaults() {
        OptimizerType opt = optimizer == null ? OptimizerType.ADAM : optimizer;
        return new Hyperparameters(
                epochs == null ? 10 : epochs,
                batchSize == null ? 32 : batchSize,
                learningRate != null ? learningRate : opt == OptimizerType.SGD ? 0.01 : 0.001,
                opt,
                momentum == null ? 0.9 : momentum,
                validationSplit == null ? 0.2 : validationSplit,
                seed == null ? 42L : seed,
                earlyStoppingPatience == null ? 0 : earlyStoppingPatience);
    }
}
