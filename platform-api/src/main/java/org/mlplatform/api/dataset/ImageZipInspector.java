package org.mlplatform.api.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.InputStreamStatistics;
import org.mlplatform.contract.dataset.ImageClassCount;
import org.mlplatform.contract.dataset.ImageZipProfile;

/**
 * Checks an image-classification zip before anything is extracted from it, and profiles it. The zip
 * must hold {@code <class>/<image>} entries, exactly one folder level deep, with at least two
 * classes of at least one image each; images are .png, .jpg or .jpeg files that decode. macOS
 * {@code __MACOSX/} folders and dot-files are ignored (an extractor must skip them too).
 *
 * <p>Refused, naming the entry: absolute paths, {@code ..} segments, backslashes, drive letters,
 * symbolic links, compression other than STORED or DEFLATED, and anything past the {@link
 * ImageZipLimits}: entry count, inflated bytes (per entry and in total, counted while inflating)
 * and compression ratio (so a zip bomb is stopped early).
 *
 * <p>Thread-safe: each call works on its own state.
 */
public final class ImageZipInspector {

    private final ImageZipLimits limits;

    public ImageZipInspector() {
        this(ImageZipLimits.DEFAULTS);
    }

    public ImageZipInspector(ImageZipLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads every image of the zip at {@code zip}, a local file.
     *
     * @throws DatasetFormatException when the zip breaks a rule above; the message names the entry
     * @throws IOException when the file cannot be read
     */
    public ImageZipProfile inspect(Path zip) throws IOException, DatasetFormatException {
        try (ZipFile zipFile = open(zip)) {
            return new Run(zipFile).inspect();
        }
    }

    private static ZipFile open(Path zip) throws IOException, DatasetFormatException {
        try {
            return ZipFile.builder().setPath(zip).get();
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetFormatException("the file is not a valid zip archive");
        }
    }

    /** One inspection's state. */
    private final class Run {
        private final ZipFile zip;
        private final InflationGuard guard = new InflationGuard(limits);
        private final ImageDecoder decoder = new ImageDecoder(limits.maxPixels());
        private final Map<String, Long> classes = new TreeMap<>();
        private long images;
        private int minWidth = Integer.MAX_VALUE;
        private int maxWidth;
        private int minHeight = Integer.MAX_VALUE;
        private int maxHeight;

        Run(ZipFile zip) {
            this.zip = zip;
        }

        ImageZipProfile inspect() throws IOException, DatasetFormatException {
            int count = 0;
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (++count > limits.maxEntries()) {
                    throw new DatasetFormatException(
                            "the zip has more than %d entries (at entry '%s')"
                                    .formatted(limits.maxEntries(), entry.getName()));
                }
                ZipEntryPath path = ZipEntryPath.parse(entry.getName());
                if (hasBackslash(entry.getRawName())) {
                    // commons-compress turns DOS separators into '/'; other extractors may not.
                    throw new DatasetFormatException(
                            "entry '" + entry.getName() + "' has a backslash in its path");
                }
                if (entry.isUnixSymlink()) {
                    throw new DatasetFormatException(
                            "entry '" + entry.getName() + "' is a symbolic link");
                }
                if (!path.ignored()) {
                    classes.merge(path.className(), path.image() ? 1L : 0L, Long::sum);
                    if (path.image()) {
                        readImage(entry);
                    }
                }
            }
            return profile();
        }

        private void readImage(ZipArchiveEntry entry) throws IOException, DatasetFormatException {
            String name = entry.getName();
            if (entry.getMethod() != ZipArchiveEntry.STORED
                    && entry.getMethod() != ZipArchiveEntry.DEFLATED) {
                throw new DatasetFormatException(
                        "entry '" + name + "' uses an unsupported compression method");
            }
            if (!zip.canReadEntryData(entry)) {
                throw new DatasetFormatException("entry '" + name + "' is encrypted or unreadable");
            }
            try (InputStream in =
                    guard.guard(name, (InputStreamStatistics) zip.getInputStream(entry))) {
                record(decode(name, in));
            } catch (IOException e) {
                throw guard.violation() != null
                        ? new DatasetFormatException(guard.violation())
                        : new DatasetFormatException(
                                "entry '" + name + "' is corrupt: " + e.getMessage());
            }
        }

        /** Decodes, then inflates the rest, so bytes after the image count against the limits. */
        private ImageDecoder.Size decode(String name, InputStream in)
                throws IOException, DatasetFormatException {
            try {
                ImageDecoder.Size size = decoder.decode(name, in);
                in.transferTo(OutputStream.nullOutputStream());
                return size;
            } catch (DatasetFormatException notAnImage) {
                // A bomb is better reported as one than as a broken image.
                in.transferTo(OutputStream.nullOutputStream());
                throw notAnImage;
            }
        }

        private static boolean hasBackslash(byte[] rawName) {
            for (byte b : rawName) {
                if (b == '\\') {
                    return true;
                }
            }
            return false;
        }

        private void record(ImageDecoder.Size size) {
            images++;
            minWidth = Math.min(minWidth, size.width());
            maxWidth = Math.max(maxWidth, size.width());
            minHeight = Math.min(minHeight, size.height());
            maxHeight = Math.max(maxHeight, size.height());
        }

        private ImageZipProfile profile() throws DatasetFormatException {
            if (classes.size() < 2) {
                throw new DatasetFormatException(
                        "the zip needs at least 2 class folders, it has " + classes.size());
            }
            for (Map.Entry<String, Long> c : classes.entrySet()) {
                if (c.getValue() == 0) {
                    throw new DatasetFormatException(
                            "class folder '" + c.getKey() + "/' has no images");
                }
            }
            List<ImageClassCount> counts =
                    classes.entrySet().stream()
                            .map(c -> new ImageClassCount(c.getKey(), c.getValue()))
                            .toList();
            return new ImageZipProfile(images, counts, minWidth, maxWidth, minHeight, maxHeight);
        }
    }
}
