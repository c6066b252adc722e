package org.mlplatform.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-system store alone: layout, hashing, limits and clean-up. */
class FileSystemBlobStoreTest {

    @TempDir Path root;

    @Test
    void shouldStoreUnderContentAddressAfterPromote() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
        String sha = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

        StagedBlob staged = store.stage(new ByteArrayInputStream(bytes), 10);
        assertThat(store.exists(sha)).isFalse();
        store.promote(staged);

        assertThat(staged.sha256()).isEqualTo(sha);
        assertThat(staged.size()).isEqualTo(5);
        assertThat(root.resolve("blobs/2c/f2/" + sha)).hasBinaryContent(bytes);
        assertThat(files("tmp")).isZero();
        try (BlobContent content = store.open(sha).orElseThrow()) {
            assertThat(content.size()).isEqualTo(5);
            assertThat(content.stream().readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void shouldDropStagedCopyWhenBlobExistsAlready() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        store.promote(store.stage(new ByteArrayInputStream(new byte[] {1, 2}), 10));
        store.promote(store.stage(new ByteArrayInputStream(new byte[] {1, 2}), 10));

        assertThat(files("blobs")).isEqualTo(1);
        assertThat(files("tmp")).isZero();
    }

    @Test
    void shouldStopAtLimitAndRemovePartialFile() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        InputStream endless =
                new InputStream() {
                    @Override
                    public int read() {
                        return 7;
                    }
                };

        assertThatThrownBy(() -> store.stage(endless, 200_000))
                .isInstanceOf(BlobTooLargeException.class);
        assertThat(files("tmp")).isZero();
    }

    @Test
    void shouldRemoveStagedFileWhenStreamFails() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        InputStream broken =
                new InputStream() {
                    int left = 100_000;

                    @Override
                    public int read() throws IOException {
                        if (left-- <= 0) {
                            throw new IOException("client went away");
                        }
                        return 1;
                    }
                };

        assertThatThrownBy(() -> store.stage(broken, 1_000_000)).hasMessage("client went away");
        assertThat(files("tmp")).isZero();
    }

    @Test
    void shouldRemoveOnlyStaleStagedFiles() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        Path stale = Files.writeString(root.resolve("tmp/old.part"), "x");
        Path fresh = Files.writeString(root.resolve("tmp/new.part"), "y");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        int removed = store.removeStaleStagedFiles(Duration.ofDays(1));

        assertThat(removed).isEqualTo(1);
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
    }

    @Test
    void shouldDeleteAndRefuseNonHashNames() throws IOException {
        FileSystemBlobStore store = new FileSystemBlobStore(root);
        StagedBlob staged = store.stage(new ByteArrayInputStream(new byte[] {9}), 10);
        store.promote(staged);

        store.delete(staged.sha256());

        assertThat(store.exists(staged.sha256())).isFalse();
        assertThat(store.open(staged.sha256())).isEmpty();
        assertThatThrownBy(() -> store.open("../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private long files(String dir) throws IOException {
        try (Stream<Path> files = Files.walk(root.resolve(dir))) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
