package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/** The QR drawn on screen reads back as the very string the gateway gave (what a customer's phone scans). */
@ExtendWith(ApplicationExtension.class)
class QrImageTest {

    private static final String QRIS = "00020101021226660016ID.LOKET.SANDBOX01189360000000000000010213LOKET-SANDBOX"
            + "0303UMI51440014ID.CO.QRIS.WWW0215ID10200000000010303UMI52044900530336054062149005802ID5913LOKET-SANDBOX"
            + "6007JAKARTA61051011062280524CHG_D8FCBF795AD74577E6B16304DCC8";

    @Test
    void aQrisStringIsDrawnSharpAndScansBack() throws Exception {
        WritableImage image = QrImage.of(QRIS, 240);

        assertThat(image.getWidth()).isBetween(200.0, 240.0);
        assertThat(decode(image)).isEqualTo(QRIS);
    }

    @Test
    void aPaymentLinkScansBack() throws Exception {
        String link = "https://sandbox.loket.example/pay/chg_123?lang=id";

        assertThat(decode(QrImage.of(link, 200))).isEqualTo(link);
    }

    private static String decode(WritableImage image) throws Exception {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] pixels = new int[w * h];
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = reader.getArgb(x, y);
            }
        }
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels))))
                .getText();
    }
}
