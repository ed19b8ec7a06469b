package id.loket.ui;

import id.loket.settings.SettingsService;
import java.net.URL;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The window shown instead of the main window when Loket cannot start (the ledger is locked by another
 * Loket, the settings file is damaged …). A window, not only a console line, because a clerk starts Loket
 * from a desktop icon and would otherwise see nothing happen.
 *
 * <p>It speaks both languages: the chosen language is in the settings, which may be what failed to load. It is
 * built in code rather than FXML so that as little as possible can fail while reporting a failure.
 */
public final class StartupErrorWindow {

    private final String reason;

    /** @param reason what went wrong and what to do, as the failing service said it */
    public StartupErrorWindow(String reason) {
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * A scene with Loket's stylesheet, for the windows built in code before the main window exists. Only the
     * looks: a missing stylesheet must not hide why Loket did not start, or that it is starting.
     */
    static Scene plainScene(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        URL css = StartupErrorWindow.class.getResource("/css/loket.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        return scene;
    }

    /** Shows the window; closing it ends the application (no other window is open). */
    public void show(Stage stage) {
        ResourceBundle indonesian = Bundles.load(SettingsService.INDONESIAN);
        ResourceBundle english = Bundles.load(SettingsService.ENGLISH);

        Label heading = new Label(indonesian.getString("startup.failed"));
        heading.setId("startupHeading");
        heading.getStyleClass().add("page-title");
        heading.setMinHeight(Region.USE_PREF_SIZE);
        Label headingEnglish = new Label(english.getString("startup.failed"));
        headingEnglish.getStyleClass().add("startup-second-language");
        TextArea details = new TextArea(reason);
        details.setId("startupReason");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(4);
        VBox.setVgrow(details, Priority.ALWAYS);
        Label hint = new Label(indonesian.getString("startup.hint") + "\n" + english.getString("startup.hint"));
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add("coming-note");
        Button close = new Button(indonesian.getString("startup.close") + " / " + english.getString("startup.close"));
        close.setId("startupClose");
        close.setDefaultButton(true);
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());

        VBox root = new VBox(heading, headingEnglish, details, hint, close);
        root.getStyleClass().add("startup-error");
        stage.setScene(plainScene(root, 640, 400));
        stage.setTitle(indonesian.getString("app.title"));
        AppIcon.on(stage);
        stage.show();
        close.requestFocus();
    }
}
