package org.mlplatform.api.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Where and how blobs are stored, under {@code platform.storage.*}. */
@ConfigMapping(prefix = "platform.storage")
public interface StorageConfig {

    /** Which {@link BlobStore} to use: {@code fs} (the file system) or {@code s3} (any S3 API). */
    @WithDefault("fs")
    String type();

    /** The most bytes one upload may have; the tenant's remaining storage quota may be lower. */
    @WithDefault("2147483648")
    long maxUploadBytes();

    /** The file-system store. */
    Fs fs();

    /** The S3 store, used when {@code type} is {@code s3}. */
    S3 s3();

    interface Fs {
        /** The root directory; {@code blobs/} and {@code tmp/} are created under it. */
        @WithDefault("${user.dir}/.platform-data/blobs")
        Path root();
    }

    interface S3 {
        /** The S3 API's URL, such as MinIO's; empty for AWS itself. */
        Optional<URI> endpoint();

        /** The region to sign requests for. */
        @WithDefault("us-east-1")
        String region();

        /** The bucket; created at start when missing and {@code create-bucket} is true. */
        @WithDefault("mlplatform")
        String bucket();

        /** The access key id. */
        Optional<String> accessKey();

        /** The secret access key. */
        Optional<String> secretKey();

        /** Path-style addressing ({@code endpoint/bucket/key}), which MinIO and s3proxy need. */
        @WithDefault("true")
        boolean pathStyle();

        /** Bytes per multipart-upload part, held in memory one at a time; at least 5 MiB. */
        @WithDefault("8388608")
        int partSize();

        /** Whether to create the bucket at start when it does not exist. */
        @WithDefault("true")
        boolean createBucket();
    }
}
