package org.mlplatform.api.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mlplatform.contract.job.JobKind;
import org.mlplatform.contract.job.JobStatus;
import org.mlplatform.contract.job.NewJobEvent;
import org.mlplatform.contract.training.EpochMetrics;
import org.mlplatform.contract.training.JobEventType;
import org.mlplatform.contract.training.TrainingJobEvent;

/**
 * A TRAIN job's event log. Events are numbered from the job's {@code event_seq} while the job's row
 * is locked (every writer holds it), so numbers never clash or skip. Other kinds of job write no
 * events: nobody reads them, and the queue benchmark's NOOP jobs must stay cheap.
 */
@ApplicationScoped
public class JobEvents {

    /** Records a status change of the job; call after changing {@code job.status}. */
    @Transactional(TxType.MANDATORY)
    public void status(Job job, String message) {
        append(job, JobEventType.STATUS, "INFO", message, job.status, null);
    }

    /** Records a worker's event; an EPOCH event becomes the job's latest metrics. */
    @Transactional(TxType.MANDATORY)
    public void worker(Job job, NewJobEvent event) {
        String level = event.level() == null ? "INFO" : event.level();
        append(job, event.type(), level, event.message(), null, event.metrics());
        if (event.type() == JobEventType.EPOCH && event.metrics() != null) {
            job.latestMetrics = event.metrics();
        }
    }

    @Transactional(TxType.MANDATORY)
    public void append(
            Job job,
            JobEventType type,
            String level,
            String message,
            JobStatus status,
            EpochMetrics metrics) {
        if (job.kind != JobKind.TRAIN) {
            return;
        }
        JobEvent event = new JobEvent();
        event.jobId = job.id;
        event.seq = ++job.eventSeq;
        event.at = Instant.now();
        event.type = type;
        event.attempt = job.attempt;
        event.level = level;
        event.message = message == null ? null : truncate(message);
        event.status = status;
        event.metrics = metrics;
        event.persist();
    }

    /** Events with {@code seq > after}, oldest first. */
    public List<TrainingJobEvent> after(UUID jobId, long after, int limit) {
        return JobEvent.<JobEvent>find("jobId = ?1 and seq > ?2 order by seq", jobId, after)
                .page(0, limit)
                .list()
                .stream()
                .map(JobEvents::response)
                .toList();
    }

    private static TrainingJobEvent response(JobEvent e) {
        return new TrainingJobEvent(
                e.seq, e.at, e.type, e.attempt, e.level, e.message, e.status, e.metrics);
    }

    private static String truncate(String message) {
        return message.length() <= 4000 ? message : message.substring(0, 3997) + "...";
    }
}
