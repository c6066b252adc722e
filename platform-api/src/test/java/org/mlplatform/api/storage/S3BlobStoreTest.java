package org.mlplatform.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Runs {@link S3BlobStore} against a real S3 API: s3proxy in-process over jclouds' memory store.
 */
class S3BlobStoreTest {

    private static final int MIB = 1024 * 1024;
    private static final String ACCESS_KEY = "access";
    private static final String SECRET_KEY = "secret";
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private static IsolatedS3Proxy s3;
    private static URI endpoint;

    private S3Settings settings;
    private S3BlobStore store;
    private S3Client client;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = IsolatedS3Proxy.start(ACCESS_KEY, SECRET_KEY);
        endpoint = s3.endpoint();
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @BeforeEach
    void newBucket() throws IOException {
        settings = settings("bucket-" + BUCKETS.incrementAndGet());
        store = new S3BlobStore(settings);
        client = S3BlobStore.newClient(settings);
    }

    @AfterEach
    void close() {
        store.close();
        client.close();
    }

    @Test
    void shouldRoundTripAMultipartObjectWithItsSha256() throws IOException {
        byte[] bytes = random(20 * MIB);

        StagedBlob staged = store.stage(new ByteArrayInputStream(bytes), 64 * MIB);
        assertThat(staged.sha256()).isEqualTo(sha256(bytes));
        assertThat(staged.size()).isEqualTo(bytes.length);
        assertThat(keys("tmp/")).containsExactly(staged.location());

        store.promote(staged);

        assertThat(keys("tmp/")).isEmpty();
        assertThat(keys("blobs/")).containsExactly("blobs/" + staged.sha256());
        assertThat(store.exists(staged.sha256())).isTrue();
        try (BlobContent content = store.open(staged.sha256()).orElseThrow()) {
            assertThat(content.size()).isEqualTo(bytes.length);
            assertThat(content.stream().readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void shouldStageASmallObjectAndAnEmptyOne() throws IOException {
        StagedBlob hello = store.stage(new ByteArrayInputStream("hello".getBytes()), 100);
        StagedBlob empty = store.stage(InputStream.nullInputStream(), 100);

        assertThat(hello.sha256())
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        assertThat(hello.size()).isEqualTo(5);
        assertThat(empty.sha256()).isEqualTo(sha256(new byte[0]));
        store.promote(empty);
        try (BlobContent content = store.open(empty.sha256()).orElseThrow()) {
            assertThat(content.size()).isZero();
            assertThat(content.stream().readAllBytes()).isEmpty();
        }
    }

    @Test
    void shouldStoreIdenticalContentOnce() throws IOException {
        byte[] bytes = random(6 * MIB);

        StagedBlob first = store.stage(new ByteArrayInputStream(bytes), 64 * MIB);
        StagedBlob second = store.stage(new ByteArrayInputStream(bytes), 64 * MIB);
        assertThat(first.location()).isNotEqualTo(second.location());
        store.promote(first);
        store.promote(second);

        assertThat(keys("blobs/")).containsExactly("blobs/" + first.sha256());
        assertThat(keys("tmp/")).isEmpty();
    }

    @Test
    void shouldAbortAndLeaveNothingWhenTheContentIsTooLarge() {
        byte[] bytes = random(20 * MIB);

        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(bytes), 12 * MIB))
                .isInstanceOf(BlobTooLargeException.class)
                .hasMessageContaining(String.valueOf(12 * MIB));

        assertThat(keys("")).isEmpty();
        assertThat(pendingUploads()).isEmpty();
    }

    @Test
    void shouldRejectTooLargeContentWithinTheFirstPart() {
        assertThatThrownBy(() -> store.stage(new ByteArrayInputStream(new byte[1000]), 999))
                .isInstanceOf(BlobTooLargeException.class);
        assertThat(keys("")).isEmpty();
    }

    @Test
    void shouldAbortTheUploadWhenTheStreamFails() {
        InputStream failing =
                new FailingAfter(new ByteArrayInputStream(random(20 * MIB)), 12 * MIB);

        assertThatThrownBy(() -> store.stage(failing, 64 * MIB))
                .isInstanceOf(IOException.class)
                .hasMessage("connection reset");

        assertThat(keys("")).isEmpty();
        assertThat(pendingUploads()).isEmpty();
    }

    @Test
    void shouldDiscardAStagedBlobAndTolerateASecondDiscard() throws IOException {
        StagedBlob staged = store.stage(new ByteArrayInputStream(random(1000)), 10_000);

        store.discard(staged);
        store.discard(staged);

        assertThat(keys("")).isEmpty();
    }

    @Test
    void shouldAnswerEmptyForAMissingBlob() throws IOException {
        String missing = sha256(new byte[] {1, 2, 3});

        assertThat(store.open(missing)).isEmpty();
        assertThat(store.exists(missing)).isFalse();
    }

    @Test
    void shouldDeleteABlobAndIgnoreAMissingOne() throws IOException {
        StagedBlob staged = store.stage(new ByteArrayInputStream(random(1000)), 10_000);
        store.promote(staged);

        store.delete(staged.sha256());
        store.delete(staged.sha256());

        assertThat(store.exists(staged.sha256())).isFalse();
        assertThat(keys("")).isEmpty();
    }

    @Test
    void shouldPromoteLargeObjectsWithAMultipartCopy() throws IOException {
        byte[] bytes = random(12 * MIB);
        // Blobs over 6 MiB take the UploadPartCopy path, as those over 5 GiB do in production.
        try (S3BlobStore multipartCopying =
                new S3BlobStore(S3BlobStore.newClient(settings), settings, 6 * MIB, 5 * MIB)) {
            StagedBlob staged = multipartCopying.stage(new ByteArrayInputStream(bytes), 64 * MIB);
            multipartCopying.promote(staged);

            try (BlobContent content = multipartCopying.open(staged.sha256()).orElseThrow()) {
                assertThat(content.stream().readAllBytes()).isEqualTo(bytes);
            }
        }
        assertThat(keys("tmp/")).isEmpty();
        assertThat(pendingUploads()).isEmpty();
    }

    @Test
    void shouldCreateTheBucketWhenMissing() throws IOException {
        S3Settings fresh = settings("fresh-" + BUCKETS.incrementAndGet());

        new S3BlobStore(fresh).close();

        assertThat(client.listBuckets().buckets())
                .extracting(b -> b.name())
                .contains(fresh.bucket());
    }

    @Test
    void shouldRejectAKeyThatIsNotASha256() {
        assertThatThrownBy(() -> store.open("../tmp/x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static S3Settings settings(String bucket) {
        return new S3Settings(
                endpoint, "us-east-1", bucket, ACCESS_KEY, SECRET_KEY, true, 5 * MIB, true);
    }

    private List<String> keys(String prefix) {
        return client
                .listObjectsV2(b -> b.bucket(settings.bucket()).prefix(prefix))
                .contents()
                .stream()
                .map(S3Object::key)
                .toList();
    }

    private List<?> pendingUploads() {
        return client.listMultipartUploads(b -> b.bucket(settings.bucket())).uploads();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails like a dropped connection once {@code limit} bytes have been read. */
    private static final class FailingAfter extends FilterInputStream {
        private long left;

        FailingAfter(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                throw new IOException("connection reset");
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            left -= Math.max(n, 0);
            return n;
        }
    }
}
