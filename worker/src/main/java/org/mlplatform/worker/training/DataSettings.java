package org.mlplatform.worker.training;

import java.util.List;
import java.util.Map;
import org.mlplatform.contract.dataset.ColumnType;
import org.mlplatform.contract.training.TrainingTask;

/**
 * What data preparation needs to know, taken from a job's spec or given by a direct run.
 *
 * @param featureColumns null: every column except the label
 * @param columnTypes the profiled type of each column; a column missing here is inferred from the
 *     training rows (NUMERIC when every non-empty value is a number, else CATEGORICAL)
 * @param classes null: the sorted distinct label values (folders for images)
 */
public record DataSettings(
        TrainingTask task,
        String labelColumn,
        List<String> featureColumns,
        Map<String, ColumnType> columnTypes,
        List<String> classes,
        double validationSplit,
        long seed,
        int inputSize,
        int channels) {

    /** Most categories one column keeps; rarer values go to the unknown bucket. */
    static final int MAX_CATEGORIES = 100;
}
