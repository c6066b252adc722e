package org.mlplatform.api.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Blobs as files under one root: {@code blobs/ab/cd/<sha256>} for permanent blobs and {@code tmp/}
 * for staged ones. Both live on the same file system, so promoting is an atomic rename and a reader
 * never sees a half-written blob.
 */
public class FileSystemBlobStore implements BlobStore {

    private static final Logger LOG = Logger.getLogger(FileSystemBlobStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Runs the background flushes of staged files; threads end when idle. */
    private static final Executor FLUSHER =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread thread = new Thread(r, "blob-flusher");
                        thread.setDaemon(true);
                        return thread;
                    });

    private final Path blobs;
    private final Path tmp;
    private final StagedFileWriter writer = new StagedFileWriter(FLUSHER);

    public FileSystemBlobStore(Path root) {
        try {
            Path absolute = root.toAbsolutePath().normalize();
            this.blobs = Files.createDirectories(absolute.resolve("blobs"));
            this.tmp = Files.createDirectories(absolute.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob store under " + root, e);
        }
    }

    /** Removes staged files older than {@code age}: left by a crash, never to be promoted. */
    public int removeStaleStagedFiles(Duration age) {
        Instant cutoff = Instant.now().minus(age);
        int removed = 0;
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path file : files.toList()) {
                FileTime modified = Files.getLastModifiedTime(file);
                if (modified.toInstant().isBefore(cutoff) && Files.deleteIfExists(file)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warnf(e, "Could not clean %s", tmp);
        }
        return removed;
    }

    @Override
    public StagedBlob stage(InputStream content, long maxBytes) throws IOException {
        return writer.write(content, maxBytes, tmp.resolve(UUID.randomUUID() + ".part"));
    }

    @Override
    public void promote(StagedBlob staged) throws IOException {
        Path source = Path.of(staged.location());
        Path target = path(staged.sha256());
        if (Files.exists(target)) {
            Files.deleteIfExists(source);
            return;
        }
        Path dir = target.getParent();
        Path created = createDirectories(dir);
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(source);
            return;
        }
        // The bytes were fsynced when staged; the new names must be durable too before the
        // caller commits a row saying the blob exists: the file's name in its directory, and the
        // name of each directory just created in its parent.
        Path last = created == null ? dir : created.getParent();
        for (; !dir.equals(last); dir = dir.getParent()) {
            syncDirectory(dir);
        }
        syncDirectory(last);
    }

    /** Creates what is missing of {@code dir}; returns the topmost directory created, or null. */
    private static Path createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return null;
        }
        Path top = dir;
        while (!Files.isDirectory(top.getParent())) {
            top = top.getParent();
        }
        Files.createDirectories(dir);
        return top;
    }

    private static void syncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    @Override
    public InputStream openStaged(StagedBlob staged) throws IOException {
        return Files.newInputStream(Path.of(staged.location()));
    }

    @Override
    public void discard(StagedBlob staged) {
        try {
            Files.deleteIfExists(Path.of(staged.location()));
        } catch (IOException e) {
            LOG.warnf(e, "Could not remove staged blob %s", staged.location());
        }
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    @Override
    public Optional<BlobContent> open(String sha256) throws IOException {
        Path file = path(sha256);
        try {
            InputStream in = Files.newInputStream(file);
            return Optional.of(new BlobContent(Files.size(file), in));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
    }

    /** {@code blobs/ab/cd/<sha256>}; refuses anything but a lowercase hex SHA-256. */
    Path path(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return blobs.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }
}
