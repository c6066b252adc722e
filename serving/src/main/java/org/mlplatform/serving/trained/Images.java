package org.mlplatform.serving.trained;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Decodes and resizes images into the network's [channels, size, size] float layout. */
public final class Images {

    private Images() {}

    /** Decodes PNG or JPEG bytes; null when ImageIO cannot read them. */
    public static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            return null;
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
