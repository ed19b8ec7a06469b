package id.loket.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves what a screen test's window shows as PNG, for a person to look at, when the build is asked to:
 * {@code -Dloket.screenshots=/tmp/shots}. Without the property it does nothing, so a normal build writes no files.
 */
final class Screenshots {

    private Screenshots() {}

    static void save(Stage stage, String name) throws Exception {
        String folder = System.getProperty("loket.screenshots", "");
        if (folder.isBlank()) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10,
                TimeUnit.SECONDS);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, pixels, 0, width);
        try {
            Path dir = Files.createDirectories(Path.of(folder));
            ImageIO.write(png, "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
