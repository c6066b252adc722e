package org.mlplatform.api.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlplatform.contract.dataset.ImageClassCount;
import org.mlplatform.contract.dataset.ImageZipProfile;

class ImageZipInspectorTest {

    @TempDir Path dir;

    private final ImageZipInspector inspector = new ImageZipInspector();

    @Test
    void shouldProfileAValidThreeClassDataset() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cats/", null);
        entries.put("cats/a.png", png(10, 20));
        entries.put("cats/b.PNG", png(30, 5));
        entries.put("dogs/a.jpg", jpeg(16, 16));
        entries.put("dogs/b.jpeg", jpeg(40, 8));
        entries.put("birds/x.png", png(12, 50));
        entries.put("__MACOSX/cats/._a.png", "metadata".getBytes(StandardCharsets.UTF_8));
        entries.put("cats/.DS_Store", "junk".getBytes(StandardCharsets.UTF_8));
        entries.put(".hidden/notes.txt", "junk".getBytes(StandardCharsets.UTF_8));

        ImageZipProfile profile = inspector.inspect(zip(entries));

        assertThat(profile.imageCount()).isEqualTo(5);
        assertThat(profile.classes())
                .containsExactly(
                        new ImageClassCount("birds", 1),
                        new ImageClassCount("cats", 2),
                        new ImageClassCount("dogs", 2));
        assertThat(profile.minWidth()).isEqualTo(10);
        assertThat(profile.maxWidth()).isEqualTo(40);
        assertThat(profile.minHeight()).isEqualTo(5);
        assertThat(profile.maxHeight()).isEqualTo(50);
    }

    @Test
    void shouldRejectPathsThatLeaveTheArchive() throws Exception {
        assertRejected("../evil.png", "entry '../evil.png' has a '..' segment");
        assertRejected("cats/../../evil.png", "entry 'cats/../../evil.png' has a '..' segment");
        assertRejected("/etc/evil.png", "entry '/etc/evil.png' has an absolute path");
        assertRejected("C:/evil.png", "entry 'C:/evil.png' starts with a drive letter");
    }

    @Test
    void shouldRejectABackslashEvenWhereCommonsCompressShowsASlash() throws Exception {
        // commons-compress writes and shows DOS separators as '/'; java.util.zip keeps the raw
        // name.
        Path zip = dir.resolve("dos.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[] {"cats/a.png", "dogs/a.png", "dogs\\evil.png"}) {
                out.putNextEntry(new ZipEntry(name));
                out.write(png(4, 4));
                out.closeEntry();
            }
        }

        assertThatThrownBy(() -> inspector.inspect(zip))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageEndingWith("evil.png' has a backslash in its path");
    }

    @Test
    void shouldRejectASymbolicLink() throws Exception {
        Path zip = dir.resolve("link.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            add(out, "cats/a.png", png(4, 4));
            add(out, "dogs/a.png", png(4, 4));
            ZipArchiveEntry link = new ZipArchiveEntry("dogs/b.png");
            link.setUnixMode(0120777);
            out.putArchiveEntry(link);
            out.write("../../etc/passwd".getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }

        assertThatThrownBy(() -> inspector.inspect(zip))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("entry 'dogs/b.png' is a symbolic link");
    }

    @Test
    void shouldStopAZipBombEarlyOnItsCompressionRatio() throws Exception {
        Path zip = dir.resolve("bomb.zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            add(out, "cats/a.png", png(4, 4));
            out.putArchiveEntry(new ZipArchiveEntry("dogs/bomb.png"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                out.write(zeros); // 200 MiB of zeros, about 200 KiB deflated
            }
            out.closeArchiveEntry();
        }
        assertThat(Files.size(zip)).isLessThan(1 << 20);

        long start = System.nanoTime();
        assertThatThrownBy(() -> inspector.inspect(zip))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessage("entry 'dogs/bomb.png' expands more than 100 times; is it a zip bomb?");
        // Stopped after about 1 MiB inflated; inflating all 200 MiB would take far longer.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void shouldStopAtTheTotalSizeAndEntryCountLimits() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cats/a.png", noisyPng(64, 64));
        entries.put("cats/b.png", noisyPng(64, 64));
        entries.put("dogs/a.png", noisyPng(64, 64));
        Path zip = zip(entries);
        long oneImage = entries.get("cats/a.png").length;

        assertThatThrownBy(
                        () ->
                                new ImageZipInspector(
                                                new ImageZipLimits(
                                                        100, 2 * oneImage, 1 << 20, 100, 1 << 20))
                                        .inspect(zip))
                .hasMessageStartingWith("the images are larger than")
                .hasMessageEndingWith("(at entry 'dogs/a.png')");
        assertThatThrownBy(
                        () ->
                                new ImageZipInspector(
                                                new ImageZipLimits(
                                                        2, 1 << 30, 1 << 20, 100, 1 << 20))
                                        .inspect(zip))
                .hasMessage("the zip has more than 2 entries (at entry 'dogs/a.png')");
    }

    @Test
    void shouldRejectAnImageWithTooManyPixels() throws Exception {
        Path zip = zip(Map.of("cats/a.png", png(20, 20), "dogs/a.png", png(5, 5)));

        assertThatThrownBy(
                        () ->
                                new ImageZipInspector(
                                                new ImageZipLimits(100, 1 << 30, 1 << 20, 100, 100))
                                        .inspect(zip))
                .hasMessage("entry 'cats/a.png' has 20 x 20 pixels, more than 100");
    }

    @Test
    void shouldRejectAnUndecodableImage() throws Exception {
        byte[] truncated = png(32, 32);
        truncated = java.util.Arrays.copyOf(truncated, truncated.length / 2);

        assertRejected(
                Map.of("cats/a.png", png(4, 4), "dogs/broken.png", "not an image".getBytes()),
                "entry 'dogs/broken.png' is not a readable PNG or JPEG image");
        assertRejected(
                Map.of("cats/a.png", png(4, 4), "dogs/half.png", truncated),
                "entry 'dogs/half.png' is not a readable PNG or JPEG image");
    }

    @Test
    void shouldRejectAWrongExtension() throws Exception {
        assertRejected(
                Map.of("cats/a.png", png(4, 4), "dogs/readme.txt", "hi".getBytes()),
                "entry 'dogs/readme.txt' is not a .png, .jpg or .jpeg file");
    }

    @Test
    void shouldRejectAFlatOrNestedLayout() throws Exception {
        assertRejected(
                Map.of("a.png", png(4, 4), "b.png", png(4, 4)),
                "is not in a class folder; images must be at <class>/<image>");
        assertRejected(
                Map.of("cats/a.png", png(4, 4), "dogs/small/a.png", png(4, 4)),
                "entry 'dogs/small/a.png' is nested too deep");
    }

    @Test
    void shouldRequireTwoClassesWithImages() throws Exception {
        assertRejected(
                Map.of("cats/a.png", png(4, 4), "cats/b.png", png(4, 4)),
                "the zip needs at least 2 class folders, it has 1");
        Map<String, byte[]> emptyClass = new LinkedHashMap<>();
        emptyClass.put("cats/a.png", png(4, 4));
        emptyClass.put("dogs/a.png", png(4, 4));
        emptyClass.put("fish/", null);
        assertRejected(emptyClass, "class folder 'fish/' has no images");
    }

    @Test
    void shouldRejectAFileThatIsNotAZip() throws Exception {
        Path notZip = Files.write(dir.resolve("x.zip"), "just text".getBytes());

        assertThatThrownBy(() -> inspector.inspect(notZip))
                .hasMessage("the file is not a valid zip archive");
    }

    private void assertRejected(String entryName, String message) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cats/a.png", png(4, 4));
        entries.put("dogs/a.png", png(4, 4));
        entries.put(entryName, png(4, 4));
        assertRejected(entries, message);
    }

    private void assertRejected(Map<String, byte[]> entries, String message) throws IOException {
        Path zip = zip(entries);
        assertThatThrownBy(() -> inspector.inspect(zip))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining(message);
    }

    /** Writes the entries in order; a {@code null} value makes a folder entry. */
    private Path zip(Map<String, byte[]> entries) throws IOException {
        Path zip = Files.createTempFile(dir, "dataset", ".zip");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                add(out, e.getKey(), e.getValue());
            }
        }
        return zip;
    }

    private static void add(ZipArchiveOutputStream out, String name, byte[] bytes)
            throws IOException {
        out.putArchiveEntry(new ZipArchiveEntry(name));
        if (bytes != null) {
            out.write(bytes);
        }
        out.closeArchiveEntry();
    }

    private static byte[] png(int width, int height) {
        return image(width, height, "png", false);
    }

    private static byte[] noisyPng(int width, int height) {
        return image(width, height, "png", true);
    }

    private static byte[] jpeg(int width, int height) {
        return image(width, height, "jpg", false);
    }

    private static byte[] image(int width, int height, String format, boolean noisy) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(width * 31L + height);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(
                        x, y, noisy ? random.nextInt() : new Color(x * 5, y * 5, 128).getRGB());
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
