package org.mlplatform.api.training;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mlplatform.api.dataset.Dataset;
import org.mlplatform.api.job.Job;
import org.mlplatform.api.job.TrainAssignments;
import org.mlplatform.api.job.UnrunnableJobException;
import org.mlplatform.api.model.ModelVersion;
import org.mlplatform.api.quota.QuotaService;
import org.mlplatform.api.quota.TrainingMeter;
import org.mlplatform.contract.dataset.ColumnProfile;
import org.mlplatform.contract.job.BlobPointer;
import org.mlplatform.contract.job.TrainSpec;
import org.mlplatform.contract.job.TrainSpec.TimeLimit;
import org.mlplatform.contract.model.ModelVersionStatus;

/**
 * What a worker gets for a claimed TRAIN job: the stored spec with the dataset's blob and column
 * profiles, the warm-start artifact, the latest checkpoint and the time this attempt may use (the
 * smaller of what is left of the job's wall-time limit and of the tenant's monthly training time).
 */
@ApplicationScoped
public class TrainSpecBuilder implements TrainAssignments {

    private final TrainingSpecs specs;
    private final TrainingConfig config;
    private final QuotaService quotas;
    private final TrainingMeter meter;

    public TrainSpecBuilder(
            TrainingSpecs specs, TrainingConfig config, QuotaService quotas, TrainingMeter meter) {
        this.specs = specs;
        this.config = config;
        this.quotas = quotas;
        this.meter = meter;
    }

    @Override
    public TrainSpec build(Job job) {
        TrainingSpec spec = read(job);
        Dataset dataset =
                Dataset.findByName(job.tenantId, spec.dataset())
                        .orElseThrow(
                                () ->
                                        new UnrunnableJobException(
                                                "The dataset '"
                                                        + spec.dataset()
                                                        + "' no longer exists."));
        return new TrainSpec(
                spec.dataset(),
                dataset.format,
                new BlobPointer(dataset.sha256, dataset.sizeBytes),
                spec.task(),
                spec.labelColumn(),
                spec.featureColumns(),
                columns(dataset, spec),
                spec.classes(),
                spec.architecture(),
                spec.hyperparameters(),
                spec.outputModel(),
                warmStart(spec),
                job.checkpoint,
                timeLimit(job));
    }

    /** The time this attempt may train; fails the job when none is left. */
    TimeLimit timeLimit(Job job) {
        long wallLeft = config.maxWallTime().toSeconds() - job.trainingMillis / 1000;
        String wallReason =
                "The job used up the maximum training time per job ("
                        + config.maxWallTime().toSeconds()
                        + " s, platform.training.max-wall-time).";
        Long monthly = quotas.limits(job.tenantId).monthlyTrainingSeconds();
        if (monthly != null) {
            long tenantLeft = (monthly * 1000 - meter.usedMillis(job.tenantId)) / 1000;
            if (tenantLeft < wallLeft) {
                String reason =
                        "The tenant used up its monthly training time (monthlyTrainingSeconds = "
                                + monthly
                                + ").";
                if (tenantLeft <= 0) {
                    throw new UnrunnableJobException(reason);
                }
                return new TimeLimit(tenantLeft, reason);
            }
        }
        if (wallLeft <= 0) {
            throw new UnrunnableJobException(wallReason);
        }
        return new TimeLimit(wallLeft, wallReason);
    }

    private TrainingSpec read(Job job) {
        try {
            TrainingSpec spec = specs.read(job.spec);
            if (spec.dataset() == null || spec.task() == null || spec.architecture() == null) {
                throw new IllegalArgumentException("incomplete");
            }
            return spec;
        } catch (IllegalArgumentException e) {
            throw new UnrunnableJobException("The job's spec is incomplete.");
        }
    }

    private static List<ColumnProfile> columns(Dataset dataset, TrainingSpec spec) {
        if (dataset.profile.csv() == null || spec.labelColumn() == null) {
            return null;
        }
        Map<String, ColumnProfile> byName =
                dataset.profile.csv().columns().stream()
                        .collect(Collectors.toMap(ColumnProfile::name, Function.identity()));
        List<ColumnProfile> columns = new ArrayList<>();
        spec.featureColumns().forEach(name -> columns.add(byName.get(name)));
        columns.add(byName.get(spec.labelColumn()));
        return columns;
    }

    private static BlobPointer warmStart(TrainingSpec spec) {
        if (spec.warmStartVersionId() == null) {
            return null;
        }
        ModelVersion version = ModelVersion.findById(spec.warmStartVersionId());
        if (version == null || version.status != ModelVersionStatus.READY) {
            throw new UnrunnableJobException(
                    "The warm-start version " + spec.warmStart() + " no longer exists.");
        }
        return new BlobPointer(version.sha256, version.sizeBytes);
    }
}
