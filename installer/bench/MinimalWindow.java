import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The yardstick of installer/bench-startup.sh: the least a JavaFX program can show, a window with a label,
 * started the way Loket starts ({@link Platform#startup}, a plain main class on the class path).
 */
public final class MinimalWindow {

    private MinimalWindow() {}

    public static void main(String[] args) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            stage.setTitle("MinimalWindow");
            stage.setScene(new Scene(new StackPane(new Label("Halo")), 400, 200));
            stage.show();
        });
    }
}
