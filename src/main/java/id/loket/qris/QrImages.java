package id.loket.qris;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * QR code images of a payload (ZXing): error correction M, the quiet zone of 4 modules scanners need, each module a
 * whole number of pixels so the image stays sharp. No character set is given to the encoder: a QRIS payload is ASCII,
 * and a character-set hint would add an ECI header some payer apps do not expect.
 */
public final class QrImages {

    /** Pixels per module by default: about 8 cm wide at 96 dpi for a typical QRIS code (61 + 8 modules). */
    public static final int DEFAULT_MODULE_PIXELS = 8;

    private static final int QUIET_ZONE = 4;
    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xFFFFFF;

    private QrImages() {}

    /**
     * The QR code of {@code text} as a black-on-white image.
     *
     * @param modulePixels the side of one module in pixels, at least 1
     * @throws IllegalArgumentException when the text cannot be encoded (too long for a QR code)
     */
    public static BufferedImage render(String text, int modulePixels) {
        if (modulePixels < 1) {
            throw new IllegalArgumentException("A module is at least 1 pixel, not " + modulePixels + ".");
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot draw a QR code of " + text.length() + " characters.", e);
        }
        int modules = matrix.getWidth();
        int side = modules * modulePixels;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, matrix.get(x / modulePixels, y / modulePixels) ? BLACK : WHITE);
            }
        }
        return image;
    }

    /**
     * Writes the QR code of {@code text} to {@code file} as PNG, replacing a file already there.
     *
     * @return {@code file}
     * @throws UncheckedIOException saying which file could not be written
     */
    public static Path writePng(String text, Path file) {
        return writePng(text, file, DEFAULT_MODULE_PIXELS);
    }

    /** As {@link #writePng(String, Path)}, with {@code modulePixels} pixels per module. */
    public static Path writePng(String text, Path file, int modulePixels) {
        BufferedImage image = render(text, modulePixels);
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the QR image " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * The text of the QR code in {@code image}.
     *
     * @throws IllegalArgumentException when no readable QR code is found
     */
    public static String decode(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            throw new IllegalArgumentException("No readable QR code in the image (" + e.getClass().getSimpleName()
                    + ").", e);
        }
    }

    /**
     * The text of the QR code in the image file {@code file} (PNG, or any format ImageIO reads).
     *
     * @throws UncheckedIOException when the file cannot be read or is not an image
     * @throws IllegalArgumentException when no readable QR code is found
     */
    public static String decode(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the image " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new UncheckedIOException(new IOException("Not an image ImageIO can read: " + file));
        }
        return decode(image);
    }
}
