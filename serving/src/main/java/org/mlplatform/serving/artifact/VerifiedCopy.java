package org.mlplatform.serving.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Streams a blob to a file, checking its size and SHA-256 on the way, so a model is never held
 * whole in memory and never loaded when it is not the uploaded one.
 */
public final class VerifiedCopy {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private VerifiedCopy() {}

    /** Refuses an id that is not a SHA-256 in lower-case hex before anything is asked for it. */
    public static void requireSha256(String sha256) throws ArtifactException {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new ArtifactException("Not a SHA-256 blob id: " + sha256, false, null);
        }
    }

    /**
     * Copies {@code body} to {@code target}; on any failure the partial file is deleted.
     *
     * @throws ArtifactException (retryable) when the bytes cannot be read or written, or do not
     *     match the recorded size and SHA-256
     */
    public static void copy(InputStream body, Path target, String sha256, long size)
            throws ArtifactException {
        try {
            copyChecked(body, target, sha256, size);
        } catch (IOException e) {
            deleteQuietly(target);
            throw new ArtifactException(
                    "Copying blob " + sha256 + " failed: " + FailureReasons.message(e), true, e);
        } catch (ArtifactException e) {
            deleteQuietly(target);
            throw e;
        }
    }

    private static void copyChecked(InputStream body, Path target, String sha256, long size)
            throws IOException, ArtifactException {
        MessageDigest digest = sha256Digest();
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (DigestInputStream in = new DigestInputStream(body, digest);
                OutputStream out = Files.newOutputStream(target)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                copied += n;
                if (copied > size) {
                    throw new ArtifactException(
                            "Blob %s is longer than the %d bytes recorded".formatted(sha256, size),
                            true,
                            null);
                }
                out.write(buffer, 0, n);
            }
        }
        if (copied != size) {
            throw new ArtifactException(
                    "Blob %s has %d bytes, %d recorded".formatted(sha256, copied, size),
                    true,
                    null);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(sha256)) {
            throw new ArtifactException(
                    "Blob %s arrived with SHA-256 %s".formatted(sha256, actual), true, null);
        }
    }

    /** Deletes the file if it is there; a failure is ignored (its directory goes as a whole). */
    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The work dir is removed as a whole afterwards.
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
