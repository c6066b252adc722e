package org.mlplatform.serving.trained;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** Decodes and resizes images into the network's [channels, size, size] float layout. */
public final class Images {

    /** An image whose header names more pixels than the caller decodes. */
    public static final class TooManyPixelsException extends Exception {
        private final int width;
        private final int height;

        TooManyPixelsException(int width, int height, long maxPixels) {
            super("%d x %d pixels, more than %d".formatted(width, height, maxPixels));
            this.width = width;
            this.height = height;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }
    }

    private static final Set<String> FORMATS = Set.of("png", "jpeg");

    private Images() {}

    /**
     * Reads one PNG or JPEG from the stream, after checking from its header that it has at most
     * {@code maxPixels} pixels: a few bytes of header can name billions of pixels, which a decoder
     * allocates before it reads any data.
     *
     * @return the image, or empty when the stream holds no PNG or JPEG
     * @throws TooManyPixelsException when the header names more pixels
     * @throws IOException when reading fails: ImageIO's {@link javax.imageio.IIOException} for
     *     corrupt or truncated data, with the stream's own exception as its cause
     */
    public static Optional<BufferedImage> read(ImageInputStream in, long maxPixels)
            throws IOException, TooManyPixelsException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        ImageReader reader = readers.next();
        try {
            if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                return Optional.empty();
            }
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if ((long) width * height > maxPixels) {
                throw new TooManyPixelsException(width, height, maxPixels);
            }
            return Optional.of(reader.read(0));
        } finally {
            reader.dispose();
        }
    }

    /**
     * Decodes PNG or JPEG bytes of at most {@code maxPixels} pixels; empty when they are no
     * readable PNG or JPEG.
     */
    public static Optional<BufferedImage> decode(byte[] bytes, long maxPixels)
            throws TooManyPixelsException {
        try (ImageInputStream in =
                new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return read(in, maxPixels);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The image resized (bilinear) to {@code size × size}, as {@code channels} planes of values in
     * [0, 1]: RGB for 3 channels, luminance for 1.
     */
    public static float[] scaled(BufferedImage image, int size, int channels) {
        BufferedImage resized = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = resized.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, size, size, null);
        } finally {
            g.dispose();
        }
        float[] out = new float[channels * size * size];
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int rgb = resized.getRGB(x, y);
                float r = ((rgb >> 16) & 0xff) / 255f;
                float gr = ((rgb >> 8) & 0xff) / 255f;
                float b = (rgb & 0xff) / 255f;
                int at = y * size + x;
                if (channels == 1) {
                    out[at] = 0.299f * r + 0.587f * gr + 0.114f * b;
                } else {
                    out[at] = r;
                    out[plane + at] = gr;
                    out[2 * plane + at] = b;
                }
            }
        }
        return out;
    }

    /** Normalises one scaled image in place, per channel. */
    public static void normalise(float[] x, int offset, Preprocessing.ImageInput input) {
        int plane = input.size() * input.size();
        for (int c = 0; c < input.channels(); c++) {
            for (int i = 0; i < plane; i++) {
                int at = offset + c * plane + i;
                x[at] = (x[at] - input.mean()[c]) / input.std()[c];
            }
        }
    }
}
