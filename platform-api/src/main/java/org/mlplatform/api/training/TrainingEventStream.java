package org.mlplatform.api.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mlplatform.api.job.Job;
import org.mlplatform.api.job.JobEvents;
import org.mlplatform.contract.training.TrainingJobEvent;

/**
 * Sends a job's events as Server-Sent Events ({@code id} = seq, {@code data} = the event's JSON)
 * until the job has finished and every event was sent, or the client went away. It polls the
 * database (each poll is its own short transaction, so it sees new commits) on a thread of its own
 * while the stream is open.
 *
 * <p>The stream runs after the resource method has returned: the REST layer writes the stream's
 * status and headers once the method returns, so a stream that had already sent everything and
 * ended by then made that write fail ("Response has already been written").
 */
@ApplicationScoped
public class TrainingEventStream {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final int BATCH = 200;
    private static final ExecutorService STREAMS =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread thread = new Thread(r, "job-event-stream");
                        thread.setDaemon(true);
                        return thread;
                    });

    private final JobEvents events;
    private final ObjectMapper json;

    public TrainingEventStream(JobEvents events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    private record Batch(List<TrainingJobEvent> events, boolean finished) {}

    /** Starts sending the job's events with seq after {@code after} to {@code sink}; returns. */
    public void start(UUID jobId, long after, SseEventSink sink, Sse sse) {
        STREAMS.execute(() -> stream(jobId, after, sink, sse));
    }

    private void stream(UUID jobId, long after, SseEventSink sink, Sse sse) {
        long seq = after;
        try (sink) {
            while (!sink.isClosed()) {
                long from = seq;
                // The status is read first: a job's last events commit with its final status.
                Batch batch =
                        QuarkusTransaction.requiringNew()
                                .call(
                                        () -> {
                                            Job job = Job.findById(jobId);
                                            boolean done = job == null || job.finished();
                                            return new Batch(
                                                    events.after(jobId, from, BATCH), done);
                                        });
                for (TrainingJobEvent event : batch.events()) {
                    sink.send(
                                    sse.newEventBuilder()
                                            .id(Long.toString(event.seq()))
                                            .mediaType(MediaType.TEXT_PLAIN_TYPE)
                                            .data(String.class, write(event))
                                            .build())
                            .toCompletableFuture()
                            .join();
                    seq = event.seq();
                }
                if (batch.finished() && batch.events().size() < BATCH) {
                    return;
                }
                if (batch.events().isEmpty()) {
                    Thread.sleep(POLL.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // The client went away mid-send; nothing to tell anyone.
        }
    }

    private String write(TrainingJobEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
