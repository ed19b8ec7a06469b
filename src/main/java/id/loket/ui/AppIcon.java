package id.loket.ui;

import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * Loket's icon on its windows (title bar, task bar): the same picture the installers put in the menu
 * (installer/icons/loket.svg, rendered by installer/icons/render.sh).
 */
final class AppIcon {

    private static final List<String> SIZES = List.of("32", "64", "256");

    private AppIcon() {}

    /**
     * Puts the icon, in each size the window manager may pick from, on {@code stage}. Only looks: a missing
     * picture is skipped rather than keeping a window (the startup error's above all) from opening.
     */
    static void on(Stage stage) {
        stage.getIcons().setAll(SIZES.stream()
                .map(size -> AppIcon.class.getResource("/icons/loket-" + size + ".png"))
                .filter(Objects::nonNull)
                .map(url -> new Image(url.toExternalForm()))
                .toList());
    }
}
