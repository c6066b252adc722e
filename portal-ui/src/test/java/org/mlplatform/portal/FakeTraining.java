package org.mlplatform.portal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;
import org.mlplatform.contract.common.PageResponse;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.training.ArchitectureSpec;
import org.mlplatform.contract.training.ArchitectureType;
import org.mlplatform.contract.training.CreateTrainingJobRequest;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.Hyperparameters;
import org.mlplatform.contract.training.JobEventType;
import org.mlplatform.contract.training.TrainingJobEvent;
import org.mlplatform.contract.training.TrainingJobResponse;
import org.mlplatform.contract.training.TrainingJobsApi;
import org.mlplatform.contract.training.TrainingTask;
import org.mlplatform.portal.api.PlatformApiException;

/** In-memory training jobs and their events; jobs are listed newest (last added) first. */
public class FakeTraining implements TrainingJobsApi {

    private final FakePlatform platform;
    public final Map<UUID, String> tenantOf = new LinkedHashMap<>();
    public final Map<UUID, TrainingJobResponse> jobs = new LinkedHashMap<>();
    public final Map<UUID, List<TrainingJobEvent>> events = new LinkedHashMap<>();
    public final List<UUID> cancelled = new ArrayList<>();

    /** When set, reading a job fails with it, as an expired token or a down platform would. */
    public PlatformApiException failReads;

    FakeTraining(FakePlatform platform) {
        this.platform = platform;
    }

    /** Adds a job of {@code tenant}; its createdAt is T0 plus {@code minutes}. */
    public TrainingJobResponse job(
            String tenant, JobStatus status, TrainingTask task, int minutes, EpochMetrics latest) {
        UUID id = new UUID(0, jobs.size() + 1);
        Instant created = FakePlatform.T0.plusSeconds(60L * minutes);
        boolean started = status != JobStatus.QUEUED;
        boolean finished = status != JobStatus.QUEUED && status != JobStatus.RUNNING;
        TrainingJobResponse job =
                new TrainingJobResponse(
                        id,
                        status,
                        "iris",
                        task,
                        task == TrainingTask.IMAGE_CLASSIFICATION ? null : "species",
                        List.of("sepal_length", "sepal_width"),
                        switch (task) {
                            case CLASSIFICATION -> List.of("setosa", "versicolor", "virginica");
                            case IMAGE_CLASSIFICATION -> List.of("cat", "dog");
                            default -> List.of();
                        },
                        new ArchitectureSpec(
                                        task == TrainingTask.IMAGE_CLASSIFICATION
                                                ? ArchitectureType.CNN
                                                : ArchitectureType.MLP,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)
                                .withDefaults(),
                        new Hyperparameters(null, null, null, null, null, null, null, null)
                                .withDefaults(),
                        "iris-mlp",
                        null,
                        1,
                        3,
                        status == JobStatus.RUNNING ? new UUID(7, 7) : null,
                        false,
                        created,
                        started ? created.plusSeconds(5) : null,
                        finished ? created.plusSeconds(185) : null,
                        status == JobStatus.FAILED ? "The dataset has no rows." : null,
                        latest,
                        finished ? 180 : 0,
                        status == JobStatus.SUCCEEDED ? 3 : null);
        put(tenant, job);
        events.put(id, new ArrayList<>());
        return job;
    }

    public void put(String tenant, TrainingJobResponse job) {
        tenantOf.put(job.id(), tenant);
        jobs.put(job.id(), job);
    }

    /** Appends an event with the next seq. */
    public TrainingJobEvent event(
            UUID id, JobEventType type, String message, JobStatus status, EpochMetrics metrics) {
        List<TrainingJobEvent> list = events.get(id);
        TrainingJobEvent event =
                new TrainingJobEvent(
                        list.size() + 1,
                        FakePlatform.T0.plusSeconds(list.size()),
                        type,
                        1,
                        type == JobEventType.LOG ? "INFO" : null,
                        message,
                        status,
                        metrics);
        list.add(event);
        return event;
    }

    /** A classification epoch with round figures. */
    public static EpochMetrics epoch(int epoch, double trainLoss, double validationLoss) {
        return new EpochMetrics(
                epoch,
                10,
                trainLoss,
                validationLoss,
                1 - trainLoss / 2,
                1 - validationLoss / 2,
                null,
                null,
                null,
                null,
                1.5,
                1000);
    }

    private TrainingJobResponse found(String tenant, UUID id) {
        if (failReads != null) {
            throw failReads;
        }
        TrainingJobResponse job = jobs.get(id);
        if (job == null || !tenant.equals(tenantOf.get(id))) {
            throw new PlatformApiException(404, "Not found.");
        }
        return job;
    }

    @Override
    public RestResponse<TrainingJobResponse> create(
            String tenant, CreateTrainingJobRequest request) {
        platform.write(request);
        TrainingJobResponse job = job(tenant, JobStatus.QUEUED, request.task(), 0, null);
        return RestResponse.status(RestResponse.Status.CREATED, job);
    }

    @Override
    public PageResponse<TrainingJobResponse> list(
            String tenant, JobStatus status, Integer page, Integer size) {
        List<TrainingJobResponse> matching =
                new ArrayList<>(
                        jobs.values().stream()
                                .filter(j -> tenant.equals(tenantOf.get(j.id())))
                                .filter(j -> status == null || j.status() == status)
                                .toList());
        java.util.Collections.reverse(matching);
        return FakePlatform.page(matching, page, size);
    }

    @Override
    public TrainingJobResponse get(String tenant, UUID id) {
        return found(tenant, id);
    }

    @Override
    public List<TrainingJobEvent> events(String tenant, UUID id, Long after, Integer limit) {
        found(tenant, id);
        long from = after == null ? 0 : after;
        return events.get(id).stream().filter(e -> e.seq() > from).toList();
    }

    @Override
    public TrainingJobResponse cancel(String tenant, UUID id) {
        TrainingJobResponse job = found(tenant, id);
        platform.write("cancel " + id);
        cancelled.add(id);
        if (job.status() != JobStatus.QUEUED && job.status() != JobStatus.RUNNING) {
            throw new PlatformApiException(409, "The job has already finished.");
        }
        TrainingJobResponse now = withStatus(job, JobStatus.CANCELLED);
        jobs.put(id, now);
        return now;
    }

    /** The job with another status (and a finish time when it has finished). */
    public TrainingJobResponse setStatus(UUID id, JobStatus status) {
        TrainingJobResponse now = withStatus(jobs.get(id), status);
        jobs.put(id, now);
        return now;
    }

    private static TrainingJobResponse withStatus(TrainingJobResponse j, JobStatus status) {
        boolean finished = status != JobStatus.QUEUED && status != JobStatus.RUNNING;
        return new TrainingJobResponse(
                j.id(),
                status,
                j.dataset(),
                j.task(),
                j.labelColumn(),
                j.featureColumns(),
                j.classes(),
                j.architecture(),
                j.hyperparameters(),
                j.outputModel(),
                j.warmStart(),
                j.attempt(),
                j.maxAttempts(),
                finished ? null : j.workerId(),
                j.cancelRequested(),
                j.createdAt(),
                j.startedAt(),
                finished ? j.createdAt().plusSeconds(185) : null,
                j.error(),
                j.latestMetrics(),
                j.trainingSeconds(),
                status == JobStatus.SUCCEEDED ? Integer.valueOf(3) : j.resultVersion());
    }
}
