package org.mlplatform.api.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
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
    private static final int BUFFER_SIZE = 64 * 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path blobs;
    private final Path tmp;

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
        Path file = tmp.resolve(UUID.randomUUID() + ".part");
        MessageDigest digest = sha256();
        long size = 0;
        boolean complete = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER_SIZE];
            int read;
            while ((read = content.read(buffer)) != -1) {
                size += read;
                if (size > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                digest.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
            complete = true;
        } finally {
            if (!complete) {
                Files.deleteIfExists(file);
            }
        }
        return new StagedBlob(HexFormat.of().formatHex(digest.digest()), size, file.toString());
    }

    @Override
    public void promote(StagedBlob staged) throws IOException {
        Path source = Path.of(staged.location());
        Path target = path(staged.sha256());
        if (Files.exists(target)) {
            Files.deleteIfExists(source);
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(source);
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
