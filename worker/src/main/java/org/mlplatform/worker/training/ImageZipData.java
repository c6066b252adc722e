package org.mlplatform.worker.training;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.mlplatform.serving.trained.Images;
import org.mlplatform.serving.trained.Preprocessing;

/**
 * Reads an image-zip dataset (one folder per class of PNG or JPEG images) into samples: each image
 * resized, scaled to [0, 1] and normalised per channel with the training split's mean and std.
 */
final class ImageZipData {

    /** Largest image file read; larger entries are skipped, so a zip bomb stops early. */
    private static final int MAX_IMAGE_BYTES = 32 * 1024 * 1024;

    /**
     * Most pixels of one image, as platform-api's default image-zip limit that every dataset is
     * checked against on upload; larger images are skipped, so a header naming billions of pixels
     * does not take the worker's heap.
     */
    private static final long MAX_IMAGE_PIXELS = 50_000_000;

    private ImageZipData() {}

    private record Image(String folder, float[] pixels) {}

    static TrainingData prepare(Path zip, DataSettings settings)
            throws IOException, TrainingException {
        List<String> notes = new ArrayList<>();
        List<Image> images = read(zip, settings, notes);
        if (images.isEmpty()) {
            throw TrainingException.badData(
                    "The zip holds no readable PNG or JPEG images in class folders.");
        }
        List<String> classes =
                settings.classes() != null && !settings.classes().isEmpty()
                        ? settings.classes()
                        : TrainingData.sortedDistinct(images.stream().map(Image::folder).toList());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i), i);
        }
        int size = settings.inputSize();
        int channels = settings.channels();
        int sampleSize = channels * size * size;
        float[] x = new float[images.size() * sampleSize];
        float[] y = new float[images.size()];
        for (int i = 0; i < images.size(); i++) {
            Integer c = index.get(images.get(i).folder());
            if (c == null) {
                throw TrainingException.badData(
                        "The folder '%s' is not one of the classes %s."
                                .formatted(images.get(i).folder(), classes));
            }
            y[i] = c;
            System.arraycopy(images.get(i).pixels(), 0, x, i * sampleSize, sampleSize);
        }
        int[][] split =
                Split.trainValidation(images.size(), settings.validationSplit(), settings.seed());
        TrainingData.requireRows(split, images.size(), settings.validationSplit());
        Preprocessing.ImageInput input = fit(x, split[0], size, channels);
        for (int i = 0; i < images.size(); i++) {
            Images.normalise(x, i * sampleSize, input);
        }
        Samples all = new Samples(x, y, images.size(), new long[] {channels, size, size});
        Preprocessing preprocessing =
                new Preprocessing(settings.task(), null, classes, null, null, input);
        Samples train = all.select(split[0]);
        TrainingData.requireTwoClasses(train, classes, "image dataset");
        return new TrainingData(train, all.select(split[1]), preprocessing, notes);
    }

    private static List<Image> read(Path zip, DataSettings settings, List<String> notes)
            throws IOException, TrainingException {
        List<Image> images = new ArrayList<>();
        int skipped = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String folder = classFolder(entry);
                if (folder == null) {
                    continue;
                }
                BufferedImage image = decode(readCapped(in));
                if (image == null) {
                    skipped++;
                    continue;
                }
                images.add(
                        new Image(
                                folder,
                                Images.scaled(image, settings.inputSize(), settings.channels())));
            }
        } catch (ZipException e) {
            throw TrainingException.badData("The dataset is not a readable zip: " + e.getMessage());
        }
        if (skipped > 0) {
            notes.add(
                    "Skipped %d files that are not readable PNG or JPEG images of at most %d pixels."
                            .formatted(skipped, MAX_IMAGE_PIXELS));
        }
        return images;
    }

    /** The class folder of an image entry, or null for anything that is not an image in one. */
    private static String classFolder(ZipEntry entry) {
        String name = entry.getName().replace('\\', '/');
        String lower = name.toLowerCase(Locale.ROOT);
        if (entry.isDirectory()
                || !(lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg"))
                || lower.startsWith("__macosx/")) {
            return null;
        }
        String[] parts = name.split("/");
        if (parts.length < 2 || parts[parts.length - 1].startsWith(".")) {
            return null;
        }
        return parts[parts.length - 2];
    }

    /** The image, or null when it is no readable PNG or JPEG or has too many pixels. */
    private static BufferedImage decode(byte[] bytes) {
        try {
            return Images.decode(bytes, MAX_IMAGE_PIXELS).orElse(null);
        } catch (Images.TooManyPixelsException e) {
            return null;
        }
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_IMAGE_BYTES + 1);
        return bytes.length > MAX_IMAGE_BYTES ? new byte[0] : bytes;
    }

    private static Preprocessing.ImageInput fit(float[] x, int[] train, int size, int channels) {
        int plane = size * size;
        int sampleSize = channels * plane;
        float[] mean = new float[channels];
        float[] std = new float[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            double squares = 0;
            for (int i : train) {
                int base = i * sampleSize + c * plane;
                for (int p = 0; p < plane; p++) {
                    sum += x[base + p];
                    squares += (double) x[base + p] * x[base + p];
                }
            }
            double n = (double) train.length * plane;
            double m = sum / n;
            double s = Math.sqrt(Math.max(0, squares / n - m * m));
            mean[c] = (float) m;
            std[c] = s < 1e-6 ? 1f : (float) s;
        }
        return new Preprocessing.ImageInput(size, channels, mean, std);
    }
}
