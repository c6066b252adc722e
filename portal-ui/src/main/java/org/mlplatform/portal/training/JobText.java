package org.mlplatform.portal.training;

import java.time.Duration;
import java.time.Instant;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.TrainingJobResponse;
import org.mlplatform.contract.training.TrainingTask;
import org.mlplatform.portal.layout.Formats;

/** How a job reads in lists and headers. */
final class JobText {

    private JobText() {}

    static boolean finished(JobStatus status) {
        return status != JobStatus.QUEUED && status != JobStatus.RUNNING;
    }

    /** {@code classification · mlp}. */
    static String taskAndArchitecture(TrainingJobResponse job) {
        String architecture =
                job.architecture() == null || job.architecture().type() == null
                        ? "?"
                        : job.architecture().type().name().toLowerCase(java.util.Locale.ROOT);
        return (job.task() == null ? "?" : job.task().wireName()) + " · " + architecture;
    }

    /** {@code iris-mlp v3} once it has produced a version, else the model's name. */
    static String outputModel(TrainingJobResponse job) {
        return job.resultVersion() == null
                ? job.outputModel()
                : job.outputModel() + " v" + job.resultVersion();
    }

    /** The validation figure people compare: accuracy, or RMSE for regression; "–" before any. */
    static String latestValidation(TrainingJobResponse job) {
        EpochMetrics m = job.latestMetrics();
        if (m == null) {
            return "–";
        }
        if (job.task() == TrainingTask.REGRESSION) {
            return m.validationRmse() == null ? "–" : "RMSE " + Formats.number(m.validationRmse());
        }
        return m.validationAccuracy() == null
                ? "–"
                : "accuracy " + Formats.number(m.validationAccuracy());
    }

    /** From start to finish, or to {@code now} while it runs; "–" before it starts. */
    static String duration(TrainingJobResponse job, Instant now) {
        if (job.startedAt() == null) {
            return "–";
        }
        Instant end = job.finishedAt() != null ? job.finishedAt() : now;
        return Formats.duration(Duration.between(job.startedAt(), end));
    }
}
