package org.mlplatform.api.storage;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Server-side copy of one object to another key of the same bucket. S3's CopyObject takes at most 5
 * GiB; larger objects are copied part by part with UploadPartCopy, and a failed multipart copy is
 * aborted so no upload lingers.
 */
final class S3Copier {

    /** The largest object a single CopyObject accepts. */
    static final long MAX_SINGLE_COPY = 5L * 1024 * 1024 * 1024;

    static final long DEFAULT_COPY_PART = 512L * 1024 * 1024;
    private static final int MAX_PARTS = 10_000;

    private final S3Client s3;
    private final String bucket;
    private final long multipartThreshold;
    private final long copyPartSize;

    S3Copier(S3Client s3, String bucket, long multipartThreshold, long copyPartSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.multipartThreshold = multipartThreshold;
        this.copyPartSize = copyPartSize;
    }

    void copy(String from, String to, long size) {
        if (size <= multipartThreshold) {
            s3.copyObject(
                    b ->
                            b.sourceBucket(bucket)
                                    .sourceKey(from)
                                    .destinationBucket(bucket)
                                    .destinationKey(to));
        } else {
            multipartCopy(from, to, size);
        }
    }

    private void multipartCopy(String from, String to, long size) {
        long partSize = Math.max(copyPartSize, ceilDiv(size, MAX_PARTS));
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(to)).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (long first = 0; first < size; first += partSize) {
                long last = Math.min(first + partSize, size) - 1;
                parts.add(copyPart(from, to, uploadId, parts.size() + 1, first, last));
            }
            s3.completeMultipartUpload(
                    b ->
                            b.bucket(bucket)
                                    .key(to)
                                    .uploadId(uploadId)
                                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException | Error e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(to).uploadId(uploadId));
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    private CompletedPart copyPart(
            String from, String to, String uploadId, int number, long first, long last) {
        String etag =
                s3.uploadPartCopy(
                                b ->
                                        b.sourceBucket(bucket)
                                                .sourceKey(from)
                                                .destinationBucket(bucket)
                                                .destinationKey(to)
                                                .uploadId(uploadId)
                                                .partNumber(number)
                                                .copySourceRange("bytes=" + first + "-" + last))
                        .copyPartResult()
                        .eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
