package org.mlplatform.api.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Streams one upload into a new file, hashing and counting on the way, and makes it durable before
 * it returns: the bytes are on disk when the caller records the blob and answers.
 *
 * <p>Why the early flushes: the kernel would otherwise keep a whole upload as dirty pages (its
 * background writeback starts at a tenth of the memory) and write all of it in the final fsync,
 * after the last byte came in. Asking for a flush every {@link #FLUSH_EVERY} bytes on another
 * thread lets the disk write while the network is still sending, so the last fsync only waits for
 * the tail.
 */
final class StagedFileWriter {

    /**
     * Reads and writes of 256 KiB: few syscalls, while the buffer and its copies still fit the CPU
     * caches (1 MiB measured slower on these machines).
     */
    static final int BUFFER_SIZE = 256 * 1024;

    /** Written bytes between two background flushes. */
    static final long FLUSH_EVERY = 32L * 1024 * 1024;

    private final Executor flusher;

    StagedFileWriter(Executor flusher) {
        this.flusher = flusher;
    }

    /**
     * Writes {@code content} to {@code file}, which must not exist, and fsyncs it. On any failure,
     * including going past {@code maxBytes}, the file is removed again.
     */
    StagedBlob write(InputStream content, long maxBytes, Path file) throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        boolean complete = false;
        CompletableFuture<Void> flushing = CompletableFuture.completedFuture(null);
        try (FileChannel out =
                FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            long flushedAt = 0;
            int filled;
            while ((filled = fill(content, buffer, size, maxBytes)) > 0) {
                size += filled;
                digest.update(buffer, 0, filled);
                writeFully(out, ByteBuffer.wrap(buffer, 0, filled));
                if (size - flushedAt >= FLUSH_EVERY && flushing.isDone()) {
                    flushedAt = size;
                    flushing = CompletableFuture.runAsync(() -> force(out), flusher);
                }
            }
            await(flushing);
            out.force(false);
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
            }
        }
        return new StagedBlob(HexFormat.of().formatHex(digest.digest()), size, file.toString());
    }

    /**
     * Reads until the buffer is full or the stream ends; returns how many bytes it holds.
     *
     * @throws BlobTooLargeException as soon as {@code before} and the bytes read exceed {@code
     *     maxBytes}
     */
    private static int fill(InputStream content, byte[] buffer, long before, long maxBytes)
            throws IOException {
        int filled = 0;
        while (filled < buffer.length) {
            int n = content.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
            if (before + filled > maxBytes) {
                throw new BlobTooLargeException(maxBytes);
            }
        }
        return filled;
    }

    private static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    private static void force(FileChannel out) {
        try {
            out.force(false);
        } catch (IOException e) {
            // The final fsync reports it; this one only got the disk started early.
        }
    }

    private static void await(CompletableFuture<Void> flushing) throws IOException {
        try {
            flushing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while flushing", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
