package org.mlplatform.api.storage;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;

/**
 * A request body read on a worker thread while the event loop keeps receiving it. Chunks queue up
 * to {@link #HIGH_WATER} bytes before the connection is paused, and a waiting reader is woken once
 * per {@link #WAKE_AT} bytes and then takes everything queued, rather than once per chunk.
 *
 * <p>Why not RESTEasy's own body stream: it asks Vert.x for one chunk at a time ({@code fetch(1)})
 * and only after the previous one was read, so every socket read (at most 64 KiB) is a round trip
 * between the event loop and the worker thread: a task for the event loop, a notify back. The two
 * threads take turns instead of working at the same time, and on two busy cores each wake-up also
 * waits for a time slice.
 *
 * <p>Nothing is received before the first {@code read}: a request refused on its headers (say a
 * {@code Content-Length} past the limit) is answered without reading the body or sending {@code 100
 * Continue}. The state is guarded by the connection's monitor, the lock Vert.x itself takes in
 * {@code pause} and {@code resume}, so pausing and resuming inside it cannot interleave wrongly.
 */
final class RequestBodyStream extends InputStream implements Handler<Buffer> {

    /** Queued bytes at which the connection stops reading; bounds the memory per upload. */
    static final int HIGH_WATER = 1024 * 1024;

    /** Queued bytes that wake a waiting reader before the body has ended. */
    static final int WAKE_AT = 256 * 1024;

    /** How long a reader waits for a byte before the connection counts as dead (as RESTEasy). */
    private static final long READ_TIMEOUT_MILLIS = 10_000;

    /** How long a reader waits for {@link #WAKE_AT} bytes before taking what has come. */
    private static final long TRICKLE_MILLIS = 20;

    private final HttpServerRequest request;
    private final Runnable startReading;
    private final Object lock;

    // Guarded by lock: filled on the event loop.
    private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
    private long queued;
    private boolean paused;
    private boolean ended;
    private boolean waiting;
    private Throwable failure;

    // The reader's own: chunks taken from the queue, the first one partly read.
    private final ArrayDeque<Buffer> taken = new ArrayDeque<>();
    private int position;
    private boolean started;
    private boolean closed;

    /**
     * @param startReading resumes the paused request, sending {@code 100 Continue} first when the
     *     client waits for it
     */
    RequestBodyStream(HttpServerRequest request, Runnable startReading) {
        this.request = request;
        this.startReading = startReading;
        this.lock = request.connection();
        request.pause();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("Stream is closed");
        }
        if (len == 0) {
            return 0;
        }
        if (taken.isEmpty() && !take()) {
            return -1;
        }
        int copied = 0;
        while (copied < len && !taken.isEmpty()) {
            Buffer chunk = taken.peek();
            int n = Math.min(len - copied, chunk.length() - position);
            chunk.getBytes(position, position + n, b, off + copied);
            position += n;
            copied += n;
            if (position == chunk.length()) {
                taken.poll();
                position = 0;
            }
        }
        return copied;
    }

    @Override
    public int available() {
        long bytes = -position;
        for (Buffer chunk : taken) {
            bytes += chunk.length();
        }
        synchronized (lock) {
            bytes += queued;
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /** Receives a chunk on the event loop. */
    @Override
    public void handle(Buffer chunk) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            queue.add(chunk);
            queued += chunk.length();
            if (waiting && queued >= WAKE_AT) {
                lock.notifyAll();
            }
            if (!paused && queued >= HIGH_WATER) {
                paused = true;
                request.pause();
            }
        }
    }

    /**
     * Stops reading; what was not received stays unread. Whoever answers the request decides what
     * becomes of the connection (Vert.x closes it after the answer when the body did not end).
     */
    @Override
    public void close() {
        taken.clear();
        synchronized (lock) {
            closed = true;
            queue.clear();
            queued = 0;
        }
    }

    /** Moves everything queued to the reader's side; false at the end of the body. */
    private boolean take() throws IOException {
        synchronized (lock) {
            start();
            awaitData();
            if (queued == 0) {
                return false;
            }
            taken.addAll(queue);
            queue.clear();
            queued = 0;
            if (paused) {
                paused = false;
                request.resume();
            }
            return true;
        }
    }

    private void start() {
        if (started) {
            return;
        }
        started = true;
        if (request.isEnded()) {
            ended = true;
            return;
        }
        request.handler(this);
        request.endHandler(this::ended);
        request.exceptionHandler(this::failed);
        startReading.run();
    }

    private void ended(Void ignored) {
        synchronized (lock) {
            ended = true;
            lock.notifyAll();
        }
    }

    private void failed(Throwable cause) {
        synchronized (lock) {
            failure = cause;
            lock.notifyAll();
        }
    }

    /** Waits until enough is queued, the body ended or failed, or a trickle waited long enough. */
    private void awaitData() throws IOException {
        if (Context.isOnEventLoopThread()) {
            throw new IOException("A blocking read of the request body on the event loop");
        }
        long start = System.currentTimeMillis();
        while (failure == null && !ended && queued < WAKE_AT) {
            long waited = System.currentTimeMillis() - start;
            if (queued > 0 && waited >= TRICKLE_MILLIS) {
                break;
            }
            if (waited >= READ_TIMEOUT_MILLIS) {
                request.connection().close();
                throw new IOException("Read timed out");
            }
            waiting = true;
            try {
                lock.wait(TRICKLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while reading the request body");
            } finally {
                waiting = false;
            }
        }
        if (failure != null && queued == 0) {
            throw new IOException("The request body failed", failure);
        }
    }
}
