package org.mlplatform.worker.training;

import ai.djl.Device;
import java.nio.file.Path;
import java.time.Duration;
import org.mlplatform.contract.training.ArchitectureSpec;
import org.mlplatform.contract.training.Hyperparameters;

/**
 * Everything one run of the training loop needs.
 *
 * @param architecture defaults filled in
 * @param hyperparameters defaults filled in
 * @param workDir where checkpoints are written before they are handed on
 * @param warmStart an unpacked trained model archive to start from; null for random weights
 * @param resumeFrom a checkpoint file to resume from; null to start afresh
 * @param timeLimit how long the run may train; null for no limit
 * @param timeLimitReason the failure message when the limit is reached
 */
public record TrainingPlan(
        ArchitectureSpec architecture,
        Hyperparameters hyperparameters,
        TrainingData data,
        Device device,
        Path workDir,
        Path warmStart,
        Path resumeFrom,
        Duration timeLimit,
        String timeLimitReason) {}
