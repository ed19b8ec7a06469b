package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Every FXML file is packaged, and loads in every language with the controllers the window registers. */
@ExtendWith(ApplicationExtension.class)
class FxmlFileTest {

    /** Views may ask for background work as they load (the counter loads the catalog); it never runs here. */
    private static final Executor UNUSED = command -> { };

    @Start
    void start(Stage stage) {
        // Only the toolkit is needed.
    }

    @Test
    void everyFileIsPackaged() {
        for (FxmlFile file : FxmlFile.values()) {
            assertThat(file.url()).as(file.path()).isPresent();
        }
    }

    @TempDir
    Path dir;

    @Test
    void everyFileLoadsInEveryLanguageWithItsRegisteredController() throws Exception {
        for (String language : new String[] {"id", "en"}) {
            MainWindow window = new MainWindow(TestContexts.shop()
                    .settings(new InMemorySettingsStore().with("ui.language", language))
                    .context(UNUSED, dir.resolve(language)));
            // The door comes before the window and has its own loader.
            ViewLoader door = new ViewLoader(ControllerFactory.builder()
                    .register(DoorView.class, () -> new DoorView(
                            new DoorViewModel(new FakeAccess(), UNUSED, UNUSED, who -> { })))
                    .build(), () -> Bundles.load(java.util.Locale.forLanguageTag(language)));
            for (FxmlFile file : FxmlFile.values()) {
                ViewLoader loader = file == FxmlFile.DOOR ? door : window.views();
                ViewLoader.View<Object> view = WaitForAsyncUtils.asyncFx(() -> loader.load(file, Object.class))
                        .get(10, TimeUnit.SECONDS);
                assertThat(view.root()).as(file.path()).isNotNull();
                assertThat(view.controller()).as(file.path()).isNotNull();
            }
        }
    }
}
