package org.mlplatform.api.training;

import java.util.List;
import org.mlplatform.contract.training.ArchitectureSpec;
import org.mlplatform.contract.training.Hyperparameters;
import org.mlplatform.contract.training.TrainingTask;
import org.mlplatform.contract.training.WarmStart;

/**
 * A TRAIN job's resolved spec as stored in {@code jobs.spec}: defaults filled in, columns checked.
 * The key {@code dataset} is what the dataset delete guard looks for.
 *
 * @param classes the label's values or the image classes, sorted; null when only the data knows
 * @param warmStartVersionId the database id of the warm-start version
 */
public record TrainingSpec(
        String dataset,
        TrainingTask task,
        String labelColumn,
        List<String> featureColumns,
        List<String> classes,
        ArchitectureSpec architecture,
        Hyperparameters hyperparameters,
        String outputModel,
        WarmStart warmStart,
        Long warmStartVersionId) {}
