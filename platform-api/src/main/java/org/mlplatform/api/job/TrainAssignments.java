package org.mlplatform.api.job;

import org.mlplatform.contract.job.TrainSpec;

/**
 * Builds what a worker needs to run a claimed TRAIN job from its stored spec; implemented by the
 * training feature, so the queue does not know how training specs look.
 */
public interface TrainAssignments {

    /**
     * @throws UnrunnableJobException when the job cannot run now, with the reason it fails with
     */
    TrainSpec build(Job job);
}
