package org.mlplatform.worker.training;

import java.util.List;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.serving.trained.Preprocessing;

/**
 * What a finished run produced.
 *
 * @param bestWeights the weights of the best epoch (the ones to ship)
 * @param best the figures of that epoch
 * @param epochsTrained the last epoch that ran (fewer than planned after early stopping)
 * @param history the epochs this run trained (a resumed run starts after its checkpoint)
 */
public record TrainingRun(
        byte[] bestWeights,
        EpochMetrics best,
        int epochsTrained,
        List<EpochMetrics> history,
        Preprocessing preprocessing) {}
