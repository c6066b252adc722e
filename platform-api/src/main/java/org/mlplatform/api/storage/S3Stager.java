package org.mlplatform.api.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams one upload to a temporary key: a single PutObject when the content fits in one part,
 * otherwise a multipart upload with one part in memory at a time. Hashes and counts on the way and
 * aborts the multipart upload on any failure, including going past the byte limit.
 */
final class S3Stager {

    private static final Logger LOG = Logger.getLogger(S3Stager.class);

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final long maxBytes;
    private final byte[] part;
    private final MessageDigest sha256;
    private long size;

    S3Stager(S3Client s3, String bucket, String key, int partSize, long maxBytes) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.maxBytes = maxBytes;
        this.part = new byte[partSize];
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Reads {@code content} to its end and stores it under the key. */
    StagedBlob stage(InputStream content) throws IOException {
        int filled = fill(content);
        if (filled < part.length) {
            s3.putObject(b -> b.bucket(bucket).key(key), body(filled));
        } else {
            multipart(content, filled);
        }
        return new StagedBlob(HexFormat.of().formatHex(sha256.digest()), size, key);
    }

    private void multipart(InputStream content, int firstPart) throws IOException {
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int filled = firstPart;
            while (filled > 0) {
                parts.add(uploadPart(uploadId, parts.size() + 1, filled));
                filled = filled == part.length ? fill(content) : 0;
            }
            s3.completeMultipartUpload(
                    b ->
                            b.bucket(bucket)
                                    .key(key)
                                    .uploadId(uploadId)
                                    .multipartUpload(m -> m.parts(parts)));
        } catch (IOException | RuntimeException | Error e) {
            abort(uploadId, e);
            throw e;
        }
    }

    private CompletedPart uploadPart(String uploadId, int number, int length) {
        String etag =
                s3.uploadPart(
                                b ->
                                        b.bucket(bucket)
                                                .key(key)
                                                .uploadId(uploadId)
                                                .partNumber(number)
                                                .contentLength((long) length),
                                body(length))
                        .eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    /** Fills the part buffer from the stream; returns how many bytes it holds (0 at the end). */
    private int fill(InputStream content) throws IOException {
        int filled = 0;
        while (filled < part.length) {
            int n = content.read(part, filled, part.length - filled);
            if (n < 0) {
                break;
            }
            size += n;
            if (size > maxBytes) {
                throw new BlobTooLargeException(maxBytes);
            }
            sha256.update(part, filled, n);
            filled += n;
        }
        return filled;
    }

    /** A body over the part buffer; a ByteArrayInputStream can be reset, so the SDK may retry. */
    private RequestBody body(int length) {
        return RequestBody.fromInputStream(new ByteArrayInputStream(part, 0, length), length);
    }

    private void abort(String uploadId, Throwable cause) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not abort multipart upload %s of %s", uploadId, key);
            cause.addSuppressed(e);
        }
    }
}
