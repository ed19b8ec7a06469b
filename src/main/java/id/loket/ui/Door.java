package id.loket.ui;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The window's first page: the first-run setup, or the sign-in (and a clerk's activation). Whoever gets in gets the
 * {@link MainWindow}, on the same stage, built for them.
 */
public final class Door {

    private final Access access;
    private final Executor background;
    private final Locale language;
    private final Function<Access.SignedIn, UiContext> contexts;

    /**
     * @param language the interface language saved in the settings
     * @param contexts builds the main window's context for whoever signed in
     */
    public Door(Access access, Executor background, Locale language, Function<Access.SignedIn, UiContext> contexts) {
        this.access = Objects.requireNonNull(access, "access");
        this.background = Objects.requireNonNull(background, "background");
        this.language = Objects.requireNonNull(language, "language");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    /** Shows the door on {@code stage}; on the JavaFX application thread. */
    public void show(Stage stage) {
        DoorViewModel viewModel = new DoorViewModel(access, background, Platform::runLater,
                who -> new MainWindow(contexts.apply(who)).show(stage));
        ControllerFactory controllers = ControllerFactory.builder()
                .register(DoorView.class, () -> new DoorView(viewModel))
                .build();
        Locale shown = Bundles.LANGUAGES.stream().filter(l -> l.getLanguage().equals(language.getLanguage()))
                .findFirst().orElse(Bundles.LANGUAGES.get(0));
        ViewLoader.View<DoorView> view = new ViewLoader(controllers, () -> Bundles.load(shown))
                .load(FxmlFile.DOOR, DoorView.class);
        Scene scene = MainWindow.sceneOf(view.root());
        stage.setScene(scene);
        stage.setTitle(Bundles.load(shown).getString("app.title"));
        AppIcon.on(stage);
        stage.setMinWidth(MainWindow.MIN_WIDTH);
        stage.setMinHeight(MainWindow.MIN_HEIGHT);
        stage.show();
        viewModel.start();
        view.controller().focus();
    }
}
