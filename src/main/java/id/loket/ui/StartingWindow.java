package id.loket.ui;

import id.loket.settings.SettingsService;
import java.net.URL;
import java.util.ResourceBundle;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * A small window that says Loket is on its way when opening the ledger takes long: the first start after an
 * upgrade verifies the whole ledger first, and a slow disk can take seconds. Without it the clerk who clicked the
 * menu entry sees nothing happen. Both languages, like {@link StartupErrorWindow}: the settings that choose one
 * are still being read.
 */
public final class StartingWindow {

    private final Stage stage;

    /** @param stage an unshown stage, made undecorated here */
    public StartingWindow(Stage stage) {
        this.stage = stage;
        stage.initStyle(StageStyle.UNDECORATED);
    }

    /** Shows the window; on the JavaFX application thread. */
    public void show() {
        ResourceBundle indonesian = Bundles.load(SettingsService.INDONESIAN);
        ResourceBundle english = Bundles.load(SettingsService.ENGLISH);
        Label title = new Label(indonesian.getString("app.title"));
        title.getStyleClass().add("page-title");
        Label opening = new Label(indonesian.getString("startup.opening"));
        opening.setId("startingText");
        opening.getStyleClass().add("starting-text");
        Label openingEnglish = new Label(english.getString("startup.opening"));
        openingEnglish.getStyleClass().add("starting-text-second-language");
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(36, 36);
        HBox heading = new HBox(12, title);
        URL icon = StartingWindow.class.getResource("/icons/loket-64.png");
        if (icon != null) {
            ImageView picture = new ImageView(new Image(icon.toExternalForm()));
            picture.setFitWidth(48);
            picture.setFitHeight(48);
            heading.getChildren().add(0, picture);
        }
        VBox root = new VBox(12, heading, new HBox(12, spinner, new VBox(4, opening, openingEnglish)));
        root.getStyleClass().add("startup-error");
        stage.setScene(StartupErrorWindow.plainScene(root, 420, 170));
        stage.setTitle(indonesian.getString("startup.opening"));
        AppIcon.on(stage);
        stage.centerOnScreen();
        stage.show();
    }

    /** Takes the window away (after the window that replaces it is shown, so JavaFX never sees none open). */
    public void close() {
        stage.close();
    }
}
