package org.mlplatform.api.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Profiles a CSV in the same pass that stages it. {@link #stream()} wraps the upload: every chunk
 * the blob store reads from it is also handed, through a queue of at most {@link #QUEUED_CHUNKS}
 * chunks, to a {@link CsvProfiler} running on another thread. So the upload is read once, and the
 * memory is bounded by the queue (the blob store reads 64 KiB chunks) plus the profiler's limits.
 *
 * <p>When the profiler rejects the content, the next read of {@link #stream()} fails with {@link
 * Rejected}, so staging stops early and the store removes the partial blob; {@link #result()} then
 * throws the profiler's {@link DatasetFormatException}. Close the tee (try-with-resources) so a
 * profiler still waiting for bytes of an aborted upload is stopped.
 */
final class CsvTee implements AutoCloseable {

    /** Chunks queued for the profiler before the upload waits for it. */
    static final int QUEUED_CHUNKS = 16;

    private static final byte[] END = new byte[0];

    /** Reading the upload stopped because the profiler rejected the content. */
    static final class Rejected extends IOException {
        Rejected() {
            super("the dataset's content was rejected");
        }
    }

    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
    private final InputStream source;
    private final Future<CsvProfiler.Result> profiling;
    private volatile boolean profilerDone;
    private boolean ended;

    CsvTee(InputStream source, CsvProfiler profiler, ExecutorService executor) {
        this.source = source;
        this.profiling =
                executor.submit(
                        () -> {
                            try {
                                return profiler.profile(new QueueReader());
                            } finally {
                                profilerDone = true;
                                queue.clear(); // wakes an upload waiting for room
                            }
                        });
    }

    /** The upload, to be staged; its bytes reach the profiler as they are read. */
    InputStream stream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = source.read(b, off, len);
                if (n > 0) {
                    hand(Arrays.copyOfRange(b, off, off + n));
                } else if (n < 0 && !ended) {
                    ended = true;
                    hand(END);
                }
                return n;
            }
        };
    }

    /**
     * The profile, once the upload has been read to its end.
     *
     * @throws DatasetFormatException when the profiler rejected the content
     */
    CsvProfiler.Result result() throws DatasetFormatException {
        try {
            return profiling.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DatasetFormatException invalid) {
                throw invalid;
            }
            if (e.getCause() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException("CSV profiling failed", e.getCause());
        }
    }

    @Override
    public void close() {
        profiling.cancel(true);
    }

    private void hand(byte[] chunk) throws IOException {
        if (profilerDone) {
            if (chunk == END) {
                return;
            }
            throw new Rejected();
        }
        try {
            queue.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while profiling");
        }
    }

    /** The profiler's side of the queue. */
    private final class QueueReader extends InputStream {
        private byte[] chunk = new byte[0];
        private int position;
        private boolean end;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == chunk.length) {
                if (end) {
                    return -1;
                }
                try {
                    chunk = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("profiling cancelled");
                }
                position = 0;
                end = chunk == END;
            }
            int n = Math.min(len, chunk.length - position);
            System.arraycopy(chunk, position, b, off, n);
            position += n;
            return n;
        }
    }
}
