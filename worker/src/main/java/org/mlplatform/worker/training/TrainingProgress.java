package org.mlplatform.worker.training;

import java.nio.file.Path;
import java.util.Optional;
import org.mlplatform.contract.training.EpochMetrics;

/**
 * Where the training loop reports to and hears from: the platform for a job, nothing for a direct
 * run. The loop calls {@link #stopRequested()} between batches, so an implementation must answer
 * quickly (from flags, not from the network).
 */
public interface TrainingProgress {

    /** A progress that reports nowhere and never stops the loop. */
    TrainingProgress NONE =
            new TrainingProgress() {
                @Override
                public void log(String level, String message) {}

                @Override
                public void epochEnded(EpochMetrics metrics) {}

                @Override
                public void checkpointSaved(int epoch, Path checkpoint) {}

                @Override
                public Optional<TrainingStoppedException.Reason> stopRequested() {
                    return Optional.empty();
                }
            };

    /** A log line ({@code INFO}, {@code WARN} or {@code ERROR}) for the person watching. */
    void log(String level, String message);

    /** An epoch ended with these figures. */
    void epochEnded(EpochMetrics metrics);

    /**
     * The state after {@code epoch} was written to {@code checkpoint}; the file is deleted after
     * this returns.
     */
    void checkpointSaved(int epoch, Path checkpoint) throws TrainingException;

    /** Why the loop must stop now, or empty to go on. */
    Optional<TrainingStoppedException.Reason> stopRequested();
}
