package org.mlplatform.contract.job;

import java.util.List;
import java.util.Map;
import org.mlplatform.contract.model.ModelSignature;

/**
 * What a TRAIN job produced. platform-api registers the artifact as a new READY version (format
 * djl) of the job's output model.
 *
 * @param artifact the model archive uploaded with {@code POST /internal/v1/jobs/{id}/artifact}
 * @param signature inputs and outputs of the trained model, as the worker loaded it back
 * @param metrics final metrics (validation loss, accuracy or MAE/RMSE, ...)
 * @param classes the classes in output order (classification)
 * @param epochs epochs trained, fewer than planned when early stopping ended the job
 */
public record TrainingResult(
        BlobPointer artifact,
        ModelSignature signature,
        Map<String, Double> metrics,
        List<String> classes,
        int epochs) {}
