package org.mlplatform.api.dataset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.mlplatform.serving.trained.Images;

/**
 * Decodes one PNG or JPEG fully (so a truncated or corrupt file is caught), after checking from its
 * header that the pixel count is within the limit. Works in memory, never with ImageIO's temporary
 * files.
 */
final class ImageDecoder {

    /** Width and height in pixels. */
    record Size(int width, int height) {}

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
            BufferedImage image =
                    Images.read(images, maxPixels).orElseThrow(() -> notAnImage(entry));
            return new Size(image.getWidth(), image.getHeight());
        } catch (Images.TooManyPixelsException e) {
            throw new DatasetFormatException("entry '%s' has %s".formatted(entry, e.getMessage()));
        } catch (javax.imageio.IIOException | RuntimeException e) {
            if (e.getCause() instanceof InflationGuard.LimitExceeded limit) {
                throw limit;
            }
            throw notAnImage(entry);
        }
    }

    private static DatasetFormatException notAnImage(String entry) {
        return new DatasetFormatException(
                "entry '" + entry + "' is not a readable PNG or JPEG image");
    }
}
