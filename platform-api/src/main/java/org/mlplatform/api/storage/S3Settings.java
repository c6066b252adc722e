package org.mlplatform.api.storage;

import java.net.URI;
import java.util.Objects;

/**
 * Where and how {@link S3BlobStore} reaches its bucket.
 *
 * @param endpoint the S3 API's base address (MinIO, Ceph, s3proxy...); {@code null} for AWS itself
 * @param region the signing region, e.g. {@code us-east-1}
 * @param bucket the bucket that holds {@code tmp/} (staged) and {@code blobs/} (permanent) objects
 * @param accessKey the access key id
 * @param secretKey the secret access key
 * @param pathStyle address the bucket as {@code endpoint/bucket} instead of {@code
 *     bucket.endpoint}; most self-hosted S3 servers need it
 * @param partSize bytes per multipart-upload part, held in memory one at a time while staging; at
 *     least 5 MiB (S3's minimum part size)
 * @param createBucket create the bucket when the store starts if it does not exist
 */
public record S3Settings(
        URI endpoint,
        String region,
        String bucket,
        String accessKey,
        String secretKey,
        boolean pathStyle,
        int partSize,
        boolean createBucket) {

    /** S3 refuses smaller parts, except the last one. */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    public static final int DEFAULT_PART_SIZE = 8 * 1024 * 1024;

    public S3Settings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException(
                    "partSize must be at least " + MIN_PART_SIZE + " bytes, was " + partSize);
        }
    }

    /** Settings with the default part size (8 MiB), path-style access and bucket creation. */
    public static S3Settings of(
            URI endpoint, String region, String bucket, String accessKey, String secretKey) {
        return new S3Settings(
                endpoint, region, bucket, accessKey, secretKey, true, DEFAULT_PART_SIZE, true);
    }

    @Override
    public String toString() {
        // Keep the secret out of logs and exception messages.
        return "S3Settings[endpoint=%s, region=%s, bucket=%s, pathStyle=%s, partSize=%d]"
                .formatted(endpoint, region, bucket, pathStyle, partSize);
    }
}
