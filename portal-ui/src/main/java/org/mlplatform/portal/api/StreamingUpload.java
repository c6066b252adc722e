package org.mlplatform.portal.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.vaadin.flow.component.upload.Receiver;
import com.vaadin.flow.component.upload.Upload;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * A Vaadin {@link Receiver} that streams an uploaded file straight on to platform-api, so the
 * portal never holds the file: the bytes the browser sends go into a pipe whose other end is the
 * body of a POST to platform-api, sent by the JDK HTTP client on its own thread.
 *
 * <p>When the browser has sent everything, the receiver waits for platform-api's answer before the
 * browser's upload counts as done; a refusal (413 quota, 400 bad content, ...) fails the upload
 * with the API's message. When platform-api answers early, the next write fails, which ends the
 * browser's upload at once instead of sending the rest of the file for nothing. One upload at a
 * time (the {@link Upload} takes one file).
 */
public final class StreamingUpload<T> implements Receiver {

    /** How much of the file may be on its way between browser and platform-api. */
    static final int PIPE_BYTES = 1 << 20;

    private static final Logger LOG = Logger.getLogger(StreamingUpload.class);
    private static final long ANSWER_TIMEOUT_SECONDS = 300;
    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final HttpClient http;
    private final Supplier<URI> target;
    private final Class<T> type;
    private volatile Transfer transfer;
    private volatile T result;
    private volatile PlatformApiException failure;

    StreamingUpload(HttpClient http, Supplier<URI> target, Class<T> type) {
        this.http = http;
        this.target = target;
        this.type = type;
    }

    /**
     * Makes this the upload's receiver and reports its outcome: platform-api's answer on success,
     * its problem (or why the transfer broke) on failure.
     */
    public void attach(
            Upload upload, Consumer<T> onSuccess, Consumer<PlatformApiException> onFailure) {
        upload.setReceiver(this);
        upload.addSucceededListener(e -> onSuccess.accept(result));
        upload.addFailedListener(
                e -> {
                    abort();
                    onFailure.accept(failure());
                });
    }

    /** Called by Vaadin when the browser starts sending a file, in that HTTP request's thread. */
    @Override
    public OutputStream receiveUpload(String fileName, String mimeType) {
        result = null;
        failure = null;
        // Read once, here: the request context and the user's identity end with this request.
        Optional<String> token = AccessTokens.current();
        try {
            return start(target.get(), token);
        } catch (PlatformApiException e) {
            failure = e;
            return refusedStream(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the POST to {@code uri} and returns the stream the file's bytes go into. */
    OutputStream start(URI uri, Optional<String> token) throws IOException {
        PipedInputStream body = new PipedInputStream(PIPE_BYTES);
        PipedOutputStream sink = new PipedOutputStream(body);
        HttpRequest request =
                ApiHttp.request(uri, token)
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                        .build();
        CompletableFuture<HttpResponse<String>> answer =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        // An early answer closes the pipe, so that a writer blocked on a full pipe fails at once.
        answer.whenComplete((response, error) -> closeQuietly(body));
        Transfer started = new Transfer(sink, body, answer);
        transfer = started;
        return started;
    }

    /** A stream that fails at once, for an upload that must not start. */
    private static OutputStream refusedStream(PlatformApiException problem) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException(problem.getMessage(), problem);
            }

            @Override
            public void close() throws IOException {
                throw new IOException(problem.getMessage(), problem);
            }
        };
    }

    /** Where the file goes; asked when the browser starts sending. */
    Supplier<URI> target() {
        return target;
    }

    /** What platform-api answered to the last upload; null unless it succeeded. */
    public T result() {
        return result;
    }

    /** Why the last upload failed, for a person to read. */
    public PlatformApiException failure() {
        PlatformApiException known = failure;
        return known != null
                ? known
                : new PlatformApiException(0, "The upload was interrupted. Try again.");
    }

    /** Breaks off the transfer, so that platform-api does not take a partial file as complete. */
    void abort() {
        Transfer current = transfer;
        if (current != null) {
            current.aborted = true;
            closeQuietly(current.body);
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.debugf("Closing the upload pipe: %s", e.getMessage());
        }
    }

    /** The browser's end of one transfer. */
    private final class Transfer extends OutputStream {
        private final PipedOutputStream sink;
        private final PipedInputStream body;
        private final CompletableFuture<HttpResponse<String>> answer;
        private volatile boolean aborted;
        private boolean closed;

        Transfer(
                PipedOutputStream sink,
                PipedInputStream body,
                CompletableFuture<HttpResponse<String>> answer) {
            this.sink = sink;
            this.body = body;
            this.answer = answer;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (answer.isDone()) {
                throw refused();
            }
            try {
                sink.write(bytes, offset, length);
                sink.flush(); // wakes the reader now instead of after its 1 s poll
            } catch (IOException e) {
                throw aborted ? e : refused();
            }
        }

        /** The browser has sent everything: end the body and wait for platform-api's answer. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            if (aborted) {
                closeQuietly(body);
                return;
            }
            sink.close();
            HttpResponse<String> response = awaitAnswer();
            if (response.statusCode() / 100 != 2) {
                throw refused();
            }
            result = JSON.readValue(response.body(), type);
        }

        private HttpResponse<String> awaitAnswer() throws IOException {
            try {
                return answer.get(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail(new PlatformApiException(0, "The upload was interrupted."));
            } catch (TimeoutException e) {
                throw fail(
                        new PlatformApiException(
                                0, "The platform did not confirm the upload in time."));
            } catch (ExecutionException e) {
                LOG.warnf("Upload to platform-api failed: %s", e.getCause());
                throw fail(
                        new PlatformApiException(
                                0, "The platform is not reachable right now. Try again."));
            }
        }

        /** The upload failed because of platform-api's answer (or because there is none). */
        private IOException refused() throws IOException {
            HttpResponse<String> response = awaitAnswer();
            return fail(ProblemResponseMapper.fromBody(response.statusCode(), response.body()));
        }

        private IOException fail(PlatformApiException problem) {
            failure = problem;
            return new IOException(problem.getMessage(), problem);
        }
    }
}
