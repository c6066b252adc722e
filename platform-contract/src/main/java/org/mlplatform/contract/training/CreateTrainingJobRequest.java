package org.mlplatform.contract.training;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Queues a training job. The spec is checked against the dataset's profile before anything is
 * queued: an unknown or unusable column is a 400 naming the field.
 *
 * @param dataset the dataset's name
 * @param labelColumn the column to predict (tabular tasks); ignored for image-classification
 * @param featureColumns the columns to learn from; null means every other column except TEXT ones
 * @param outputModel the model the result is registered under as a new version; created (with the
 *     matching task) when it does not exist yet
 * @param warmStart optional weights to start from
 */
public record CreateTrainingJobRequest(
        @NotBlank String dataset,
        @NotNull TrainingTask task,
        String labelColumn,
        @Size(max = 1000) List<String> featureColumns,
        @NotNull @Valid ArchitectureSpec architecture,
        @Valid Hyperparameters hyperparameters,
        @NotBlank String outputModel,
        @Valid WarmStart warmStart) {}
