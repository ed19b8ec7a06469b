package id.loket.qris;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrImagesTest {

    @TempDir
    Path tmp;

    @Test
    void staticToDynamicToPngAndBack() throws Exception {
        QrisPayload code = DynamicQris.of(QrisPayload.parse(QrisSamples.WARUNG_STATIC), 10_000);
        Path png = tmp.resolve("qris.png");

        assertThat(QrImages.writePng(code.text(), png)).isEqualTo(png);

        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        String read = QrImages.decode(png);
        assertThat(read).isEqualTo(code.text()).isEqualTo(QrisSamples.WARUNG_10000);
        QrisPayload again = QrisPayload.parse(read);
        assertThat(again.crc()).isEqualTo(Crc16.hex(read.substring(0, read.length() - 4)));
    }

    @Test
    void eachModuleIsWholePixelsWithAQuietZone() {
        BufferedImage image = QrImages.render(QrisSamples.WARUNG_10000, 3);

        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isEqualTo(image.getWidth() / 3 * 3);
        // The quiet zone: 4 modules of white all around.
        for (int i = 0; i < 4 * 3; i++) {
            assertThat(image.getRGB(i, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
            assertThat(image.getRGB(image.getWidth() - 1 - i, i) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        }
        // The finder pattern's corner starts right after it.
        assertThat(image.getRGB(12, 12) & 0xFFFFFF).isZero();
        assertThat(QrImages.decode(image)).isEqualTo(QrisSamples.WARUNG_10000);
    }

    @Test
    void aProviderStringRoundTripsAtTwoPixelsPerModule() {
        Path png = QrImages.writePng(QrisSamples.XENDIT, tmp.resolve("x.png"), 2);

        assertThat(QrImages.decode(png)).isEqualTo(QrisSamples.XENDIT);
    }

    @Test
    void anImageWithoutACodeIsRefused() {
        BufferedImage blank = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);

        assertThatThrownBy(() -> QrImages.decode(blank)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No readable QR code");
    }

    @Test
    void aFileThatCannotBeWrittenSaysWhich() {
        Path nowhere = tmp.resolve("missing-folder").resolve("qris.png");

        assertThatThrownBy(() -> QrImages.writePng(QrisSamples.WARUNG_10000, nowhere))
                .hasMessageContaining(nowhere.toString());
    }

    @Test
    void aModuleIsAtLeastOnePixel() {
        assertThatThrownBy(() -> QrImages.render("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
