package org.mlplatform.contract.job;

import java.util.List;
import org.mlplatform.contract.dataset.ColumnProfile;
import org.mlplatform.contract.dataset.DatasetFormat;
import org.mlplatform.contract.training.ArchitectureSpec;
import org.mlplatform.contract.training.Hyperparameters;
import org.mlplatform.contract.training.TrainingTask;

/**
 * What a TRAIN job trains, resolved by platform-api: defaults filled in, columns checked against
 * the dataset's profile. The worker fetches blobs from {@code /internal/v1/blobs/{sha256}}.
 *
 * @param dataset the dataset, fetched as a blob
 * @param columns the profiles of the feature and label columns (tabular tasks), in the order of
 *     {@code featureColumns} followed by the label
 * @param classes the classes when the profile knows them (categorical label, image folders),
 *     sorted; null when the worker must find them in the data (a numeric label)
 * @param warmStart the artifact of the version to start from; null for random weights
 * @param checkpoint the last checkpoint of an earlier attempt to resume from; null to start afresh
 * @param timeLimit how long this attempt may train before it must fail with the limit's reason
 */
public record TrainSpec(
        String dataset,
        DatasetFormat datasetFormat,
        BlobPointer datasetBlob,
        TrainingTask task,
        String labelColumn,
        List<String> featureColumns,
        List<ColumnProfile> columns,
        List<String> classes,
        ArchitectureSpec architecture,
        Hyperparameters hyperparameters,
        String outputModel,
        BlobPointer warmStart,
        Checkpoint checkpoint,
        TimeLimit timeLimit) {

    /**
     * @param seconds worker seconds this attempt may still use
     * @param reason the failure reason when they run out, for a person to read
     */
    public record TimeLimit(long seconds, String reason) {}
}
