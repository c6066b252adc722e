package org.mlplatform.serving.trained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImagesTest {

    @Test
    void shouldDecodeAPngWithinTheLimit() throws Exception {
        BufferedImage image = Images.decode(Pngs.of(30, 20), 600).orElseThrow();

        assertThat(image.getWidth()).isEqualTo(30);
        assertThat(image.getHeight()).isEqualTo(20);
        assertThat(image.getRGB(5, 5) & 0xffffff).isEqualTo(0x808080);
    }

    @Test
    void shouldRefuseMorePixelsThanTheLimitFromTheHeaderAlone() throws Exception {
        assertThatThrownBy(() -> Images.decode(Pngs.of(30, 20), 599))
                .isInstanceOfSatisfying(
                        Images.TooManyPixelsException.class,
                        e -> {
                            assertThat(e.width()).isEqualTo(30);
                            assertThat(e.height()).isEqualTo(20);
                        })
                .hasMessage("30 x 20 pixels, more than 599");
    }

    @Test
    void shouldRefuseAHeaderNamingBillionsOfPixelsWithoutAllocatingThem() throws Exception {
        byte[] bomb = Pngs.claiming(40_000, 40_000);
        assertThat(bomb.length).isLessThan(200);
        // The header is valid: ImageIO reads its size (and would allocate 6 GB to decode it).
        try (var in = ImageIO.createImageInputStream(new java.io.ByteArrayInputStream(bomb))) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            assertThat(reader.getWidth(0)).isEqualTo(40_000);
            reader.dispose();
        }

        assertThatThrownBy(() -> Images.decode(bomb, 16_777_216))
                .isInstanceOf(Images.TooManyPixelsException.class)
                .hasMessage("40000 x 40000 pixels, more than 16777216");
    }

    @Test
    void shouldFindNoImageInOtherBytesOrATruncatedOne() throws Exception {
        assertThat(Images.decode("not an image".getBytes(StandardCharsets.US_ASCII), 100))
                .isEmpty();
        assertThat(Images.decode(new byte[0], 100)).isEmpty();
        byte[] png = Pngs.of(10, 10);
        assertThat(Images.decode(Arrays.copyOf(png, png.length / 2), 100)).isEmpty();
        byte[] gif = gif();
        assertThat(Images.decode(gif, 100)).as("GIF is not taken").isEmpty();
    }

    private static byte[] gif() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_INDEXED), "gif", out);
        return out.toByteArray();
    }
}
