package org.mlplatform.api.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A {@link BlobStore} in one S3 bucket (AWS or any S3-compatible server). Staged uploads go to
 * {@code tmp/<uuid>}, streamed as a multipart upload with one part in memory at a time; permanent
 * blobs live at {@code blobs/<sha256>} and are made by a server-side copy, so promoting never sends
 * the bytes through this process again. S3 failures surface as {@link IOException}s.
 *
 * <p>Thread-safe; one instance per bucket. {@link #close()} releases the HTTP client.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    static final String STAGING_PREFIX = "tmp/";
    static final String BLOB_PREFIX = "blobs/";

    private static final Logger LOG = Logger.getLogger(S3BlobStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final S3Client s3;
    private final S3Settings settings;
    private final S3Copier copier;

    /** Connects with the settings and creates the bucket when asked to and it is missing. */
    public S3BlobStore(S3Settings settings) throws IOException {
        this(newClient(settings), settings, S3Copier.MAX_SINGLE_COPY, S3Copier.DEFAULT_COPY_PART);
    }

    /** For tests: a given client and multipart-copy sizes. The store closes the client. */
    S3BlobStore(S3Client s3, S3Settings settings, long multipartCopyThreshold, long copyPartSize)
            throws IOException {
        this.s3 = s3;
        this.settings = settings;
        this.copier = new S3Copier(s3, settings.bucket(), multipartCopyThreshold, copyPartSize);
        if (settings.createBucket()) {
            try {
                sdkRun("create bucket " + settings.bucket(), this::createBucketIfMissing);
            } catch (IOException | RuntimeException e) {
                s3.close();
                throw e;
            }
        }
    }

    @Override
    public StagedBlob stage(InputStream content, long maxBytes) throws IOException {
        String key = STAGING_PREFIX + UUID.randomUUID();
        S3Stager stager = new S3Stager(s3, settings.bucket(), key, settings.partSize(), maxBytes);
        return sdk("stage " + key, () -> stager.stage(content));
    }

    @Override
    public void promote(StagedBlob staged) throws IOException {
        String from = stagedKey(staged);
        String to = blobKey(staged.sha256());
        if (!exists(staged.sha256())) {
            sdkRun("copy " + from + " to " + to, () -> copier.copy(from, to, staged.size()));
        }
        deleteKey(from);
    }

    @Override
    public InputStream openStaged(StagedBlob staged) throws IOException {
        String key = stagedKey(staged);
        return sdk("open " + key, () -> s3.getObject(b -> b.bucket(settings.bucket()).key(key)));
    }

    @Override
    public void discard(StagedBlob staged) {
        try {
            deleteKey(stagedKey(staged));
        } catch (IOException e) {
            // The bucket's lifecycle rule for tmp/ (if any) collects what is left.
            LOG.warnf(e, "could not discard staged blob %s", staged.location());
        }
    }

    @Override
    public boolean exists(String sha256) throws IOException {
        String key = blobKey(sha256);
        return sdk(
                "look up " + key,
                () -> {
                    try {
                        s3.headObject(b -> b.bucket(settings.bucket()).key(key));
                        return true;
                    } catch (NoSuchKeyException e) {
                        return false;
                    } catch (S3Exception e) {
                        if (e.statusCode() == 404) {
                            return false;
                        }
                        throw e;
                    }
                });
    }

    @Override
    public Optional<BlobContent> open(String sha256) throws IOException {
        String key = blobKey(sha256);
        return sdk(
                "open " + key,
                () -> {
                    try {
                        ResponseInputStream<GetObjectResponse> in =
                                s3.getObject(b -> b.bucket(settings.bucket()).key(key));
                        return Optional.of(new BlobContent(in.response().contentLength(), in));
                    } catch (NoSuchKeyException e) {
                        return Optional.empty();
                    }
                });
    }

    @Override
    public void delete(String sha256) throws IOException {
        deleteKey(blobKey(sha256));
    }

    @Override
    public void close() {
        s3.close();
    }

    private void deleteKey(String key) throws IOException {
        sdkRun("delete " + key, () -> s3.deleteObject(b -> b.bucket(settings.bucket()).key(key)));
    }

    private void createBucketIfMissing() {
        String bucket = settings.bucket();
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            createBucket(bucket);
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            createBucket(bucket);
        }
    }

    private void createBucket(String bucket) {
        LOG.infof("creating bucket %s", bucket);
        if (Region.US_EAST_1.id().equals(settings.region())) {
            s3.createBucket(b -> b.bucket(bucket));
        } else {
            s3.createBucket(
                    b ->
                            b.bucket(bucket)
                                    .createBucketConfiguration(
                                            c -> c.locationConstraint(settings.region())));
        }
    }

    static String blobKey(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lowercase hex SHA-256: " + sha256);
        }
        return BLOB_PREFIX + sha256;
    }

    private static String stagedKey(StagedBlob staged) {
        if (!staged.location().startsWith(STAGING_PREFIX)) {
            throw new IllegalArgumentException("not a staged key: " + staged.location());
        }
        return staged.location();
    }

    /** The configured key pair, or else the SDK's default chain (environment, instance role). */
    private static AwsCredentialsProvider credentials(S3Settings settings) {
        if (settings.accessKey() == null || settings.secretKey() == null) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    }

    /** Builds a synchronous client on the JDK's HTTP stack from the settings. */
    public static S3Client newClient(S3Settings settings) {
        S3ClientBuilder builder =
                S3Client.builder()
                        .httpClientBuilder(UrlConnectionHttpClient.builder())
                        .region(Region.of(settings.region()))
                        .credentialsProvider(credentials(settings))
                        .forcePathStyle(settings.pathStyle())
                        // Many S3-compatible servers reject the SDK's default trailing checksums.
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private interface SdkCall<T> {
        T call() throws IOException;
    }

    private interface SdkAction {
        void run() throws IOException;
    }

    private static <T> T sdk(String what, SdkCall<T> call) throws IOException {
        try {
            return call.call();
        } catch (SdkException e) {
            throw new IOException("S3: could not " + what + ": " + e.getMessage(), e);
        }
    }

    private static void sdkRun(String what, SdkAction action) throws IOException {
        sdk(
                what,
                () -> {
                    action.run();
                    return null;
                });
    }
}
