package org.mlplatform.serving.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a DJL model archive without trusting it: entries that leave the target directory ({@code
 * ..}, absolute paths) are refused, and the number of entries and the bytes actually written (not
 * the sizes the zip claims) are capped, so a zip bomb stops early.
 */
public final class ModelArchive {

    /** The archive breaks a rule; the message says which, for the uploader. */
    public static final class UnsafeArchiveException extends IOException {
        UnsafeArchiveException(String message) {
            super(message);
        }
    }

    private final long maxBytes;
    private final int maxEntries;

    public ModelArchive(long maxBytes, int maxEntries) {
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    /**
     * Unpacks {@code zip} into the empty directory {@code target} and returns the model directory:
     * {@code target}, or its only sub-directory when the archive wraps everything in one folder.
     */
    public Path unpack(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        long written = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > maxEntries) {
                    throw new UnsafeArchiveException(
                            "The archive has more than " + maxEntries + " entries.");
                }
                Path destination = resolve(root, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    written += copy(in, destination, maxBytes - written);
                }
            }
        }
        if (entries == 0) {
            throw new UnsafeArchiveException("The archive is empty or not a zip file.");
        }
        return modelDirectory(root);
    }

    private static Path resolve(Path root, String name) throws UnsafeArchiveException {
        String normalized = name.replace('\\', '/');
        if (normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*")) {
            throw new UnsafeArchiveException("The archive has an absolute path entry: " + name);
        }
        Path destination = root.resolve(normalized).normalize();
        if (!destination.startsWith(root) || List.of(normalized.split("/")).contains("..")) {
            throw new UnsafeArchiveException(
                    "The archive has an entry outside its own directory: " + name);
        }
        return destination;
    }

    private long copy(InputStream in, Path destination, long budget) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        try (OutputStream out = Files.newOutputStream(destination)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copied += n;
                if (copied > budget) {
                    throw new UnsafeArchiveException(
                            "The archive unpacks to more than " + maxBytes + " bytes.");
                }
                out.write(buffer, 0, n);
            }
        }
        return copied;
    }

    private static Path modelDirectory(Path root) throws IOException {
        if (Files.exists(root.resolve(ServingProperties.FILE_NAME))) {
            return root;
        }
        try (Stream<Path> children = Files.list(root)) {
            List<Path> all = children.toList();
            if (all.size() == 1 && Files.isDirectory(all.get(0))) {
                return all.get(0);
            }
        }
        return root;
    }
}
