package org.mlplatform.contract.job;

import org.mlplatform.contract.model.ModelSignature;

/**
 * What a worker found when it loaded a model version. An unloadable model is a valid outcome of the
 * job (the version becomes FAILED with the reason), not a failure of the job.
 *
 * @param valid whether the model loaded (and, when its shapes are known, ran on zeros)
 * @param failureReason why not, for a person to act on: corrupt file, wrong format, unsupported
 *     operator
 * @param signature the inputs and outputs, when valid
 * @param engine the DJL engine that loaded it, such as {@code OnnxRuntime} or {@code PyTorch}
 * @param loadMillis how long loading took
 * @param inferenceMillis how long the trial inference took; null when it did not run
 */
public record ModelValidationResult(
        boolean valid,
        String failureReason,
        ModelSignature signature,
        String engine,
        long loadMillis,
        Long inferenceMillis) {}
