package org.mlplatform.contract.training;

/**
 * What one epoch achieved. Accuracy is set for classification, MAE and RMSE for regression; the
 * other pair is null.
 *
 * @param epoch 1-based
 * @param epochs the planned number of epochs
 * @param epochSeconds wall time of the epoch (training and validation)
 * @param samplesPerSecond training samples per second in this epoch
 */
public record EpochMetrics(
        int epoch,
        int epochs,
        double trainLoss,
        Double validationLoss,
        Double trainAccuracy,
        Double validationAccuracy,
        Double trainMae,
        Double validationMae,
        Double trainRmse,
        Double validationRmse,
        double epochSeconds,
        double samplesPerSecond) {}
