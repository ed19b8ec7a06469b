package id.loket.ui;

import java.net.URL;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The application's main window: the shell with its navigation, the open section's page and the status bar.
 * The composition root builds a {@link UiContext} and calls {@code new MainWindow(context).show(stage)} on the
 * JavaFX application thread.
 *
 * <p>This is also where the user interface is wired: every controller is registered here in one
 * {@link ControllerFactory}, with its collaborators passed to its constructor.
 */
public final class MainWindow {

    /** Smaller than this, the counter screen's fields and the status bar no longer fit side by side. */
    static final double MIN_WIDTH = 1024;

    static final double MIN_HEIGHT = 700;

    private static final double PREFERRED_WIDTH = 1280;
    private static final double PREFERRED_HEIGHT = 800;
    private static final String STYLESHEET = "/css/loket.css";
    /** Often enough to notice a gateway outage before the next customer, rarely enough to cost nothing. */
    private static final Duration GATEWAY_CHECK_INTERVAL = Duration.minutes(1);

    private final ShellViewModel viewModel;
    private final ViewLoader views;
    private Stage stage;
    private Scene scene;
    private ShellView shell;

    public MainWindow(UiContext context) {
        this.viewModel = new ShellViewModel(context.settings(), context.maintenance(), context.billing(),
                context.background(),
                Platform::runLater, context.version(), context.dataDirectory());
        ControllerFactory controllers = ControllerFactory.builder()
                .register(ShellView.class, () -> new ShellView(viewModel, this::page))
                .register(ComingView.class, ComingView::new)
                .build();
        this.views = new ViewLoader(controllers, viewModel.bundle()::get);
    }

    /**
     * Shows the window on {@code stage} with the focus on the navigation, and starts the ledger check.
     *
     * @throws IllegalStateException when the window is already shown
     */
    public void show(Stage stage) {
        if (this.stage != null) {
            throw new IllegalStateException("The main window is already shown.");
        }
        this.stage = stage;
        ViewLoader.View<ShellView> view = views.load(FxmlFile.SHELL, ShellView.class);
        shell = view.controller();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(view.root(),
                Math.max(MIN_WIDTH, Math.min(PREFERRED_WIDTH, screen.getWidth())),
                Math.max(MIN_HEIGHT, Math.min(PREFERRED_HEIGHT, screen.getHeight())));
        scene.getStylesheets().add(stylesheet());
        stage.setScene(scene);
        stage.setTitle(viewModel.bundle().get().getString("app.title"));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        // Deferred: the language switch that triggers this is still handling its own event.
        viewModel.language().addListener((obs, old, now) -> Platform.runLater(this::rebuildForLanguage));
        stage.show();
        shell.focusNavigation();
        viewModel.start();
        Timeline gatewayCheck = new Timeline(new KeyFrame(GATEWAY_CHECK_INTERVAL, e -> viewModel.refreshGateway()));
        gatewayCheck.setCycleCount(Animation.INDEFINITE);
        gatewayCheck.play();
        stage.setOnHiding(e -> gatewayCheck.stop());
    }

    /** The loader every view of this window is loaded with (for the FXML tests). */
    ViewLoader views() {
        return views;
    }

    /**
     * Rebuilds the whole window from FXML with the new language's texts. Simpler and more complete than
     * re-labelling each node; the view model keeps the selected section and the ledger status.
     */
    private void rebuildForLanguage() {
        ViewLoader.View<ShellView> view = views.load(FxmlFile.SHELL, ShellView.class);
        shell.dispose();
        shell = view.controller();
        scene.setRoot(view.root());
        stage.setTitle(viewModel.bundle().get().getString("app.title"));
        shell.focusLanguage();
    }

    private Node page(Section section) {
        // Every section is still to come; later sections get their own FxmlFile and view here.
        ViewLoader.View<ComingView> view = views.load(FxmlFile.COMING, ComingView.class);
        view.controller().show(section);
        view.root().setId("page-" + section.id());
        return view.root();
    }

    private static String stylesheet() {
        URL css = MainWindow.class.getResource(STYLESHEET);
        if (css == null) {
            throw new IllegalStateException(STYLESHEET + " is missing from the build.");
        }
        return css.toExternalForm();
    }
}
