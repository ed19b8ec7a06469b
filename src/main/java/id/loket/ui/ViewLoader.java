package id.loket.ui;

import java.io.IOException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads an {@link FxmlFile} with the current language's {@link ResourceBundle} and the application's
 * {@link ControllerFactory}, so no view is ever loaded with a default-constructed controller or without its
 * texts. Must be used on the JavaFX application thread.
 */
public final class ViewLoader {

    private final ControllerFactory controllers;
    private final Supplier<ResourceBundle> bundle;

    /**
     * @param bundle asked on every load, so views loaded after a language switch get the new language
     */
    public ViewLoader(ControllerFactory controllers, Supplier<ResourceBundle> bundle) {
        this.controllers = Objects.requireNonNull(controllers, "controllers");
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /** A loaded view: its root node and its controller. */
    public record View<C>(Parent root, C controller) {}

    /**
     * @throws IllegalStateException when the file is missing or cannot be loaded (a broken build, not a user
     *     error), or its controller is not a {@code controllerType}
     */
    public <C> View<C> load(FxmlFile file, Class<C> controllerType) {
        FXMLLoader loader = new FXMLLoader(
                file.url().orElseThrow(() -> new IllegalStateException(file.path() + " is missing from the build.")),
                bundle.get(),
                null,
                controllers);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot load " + file.path() + ": " + e.getMessage(), e);
        }
        Object controller = loader.getController();
        if (!controllerType.isInstance(controller)) {
            throw new IllegalStateException(file.path() + " has controller "
                    + (controller == null ? "none" : controller.getClass().getName())
                    + ", expected " + controllerType.getName() + ".");
        }
        return new View<>(root, controllerType.cast(controller));
    }
}
