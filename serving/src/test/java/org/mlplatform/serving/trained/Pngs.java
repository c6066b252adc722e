package org.mlplatform.serving.trained;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** PNG files for tests. */
public final class Pngs {

    private Pngs() {}

    /** A PNG of the given size, every pixel grey. */
    public static byte[] of(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0x808080);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /**
     * A PNG of about a hundred bytes whose header names {@code width × height} pixels (a valid
     * header and checksum, the data of one pixel): what a decoder without a pixel limit allocates
     * the whole image for.
     */
    public static byte[] claiming(int width, int height) throws IOException {
        byte[] png = of(1, 1);
        // Signature (8 bytes), then the IHDR chunk: length (4), "IHDR" (4), width, height, ...
        ByteBuffer buffer = ByteBuffer.wrap(png);
        buffer.putInt(16, width);
        buffer.putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 4 + 13); // the chunk's type and its 13 bytes of data
        buffer.putInt(12 + 4 + 13, (int) crc.getValue());
        return png;
    }
}
