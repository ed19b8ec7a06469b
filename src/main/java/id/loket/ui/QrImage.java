package id.loket.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Draws a QR code (a QRIS string, a payment link) as an image for the screen, with ZXing. Sharp at any size: each
 * module is a whole number of pixels, with the quiet zone scanners need.
 */
final class QrImage {

    private QrImage() {}

    /**
     * @param size the side of the image in pixels (rounded down to whole modules)
     * @throws IllegalArgumentException when the text cannot be encoded (too long for a QR code)
     */
    static WritableImage of(String text, int size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot draw a QR code of " + text.length() + " characters", e);
        }
        int modules = matrix.getWidth();
        int scale = Math.max(1, size / modules);
        WritableImage image = new WritableImage(modules * scale, modules * scale);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < modules * scale; y++) {
            for (int x = 0; x < modules * scale; x++) {
                pixels.setColor(x, y, matrix.get(x / scale, y / scale) ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }
}
