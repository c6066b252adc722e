package org.mlplatform.api.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Decodes one PNG or JPEG fully (so a truncated or corrupt file is caught), after checking from its
 * header that the pixel count is within the limit. Works in memory, never with ImageIO's temporary
 * files.
 */
final class ImageDecoder {

    /** Width and height in pixels. */
    record Size(int width, int height) {}

    private static final Set<String> FORMATS = Set.of("png", "jpeg");

    private final long maxPixels;

    ImageDecoder(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /**
     * @throws DatasetFormatException when the bytes are not a PNG or JPEG image that decodes
     * @throws IOException when reading fails (including a limit of an {@link InflationGuard})
     */
    Size decode(String entry, InputStream in) throws IOException, DatasetFormatException {
        try (ImageInputStream images = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(images);
            if (!readers.hasNext()) {
                throw notAnImage(entry);
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    throw notAnImage(entry);
                }
                reader.setInput(images, true, true);
                Size size = new Size(reader.getWidth(0), reader.getHeight(0));
                if ((long) size.width() * size.height() > maxPixels) {
                    throw new DatasetFormatException(
                            "entry '%s' has %d x %d pixels, more than %d"
                                    .formatted(entry, size.width(), size.height(), maxPixels));
                }
                reader.read(0);
                return size;
            } catch (javax.imageio.IIOException | RuntimeException e) {
                if (e.getCause() instanceof InflationGuard.LimitExceeded limit) {
                    throw limit;
                }
                throw notAnImage(entry);
            } finally {
                reader.dispose();
            }
        }
    }

    private static DatasetFormatException notAnImage(String entry) {
        return new DatasetFormatException(
                "entry '" + entry + "' is not a readable PNG or JPEG image");
    }
}
