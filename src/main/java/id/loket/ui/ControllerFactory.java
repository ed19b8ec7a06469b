package id.loket.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.util.Callback;

/**
 * The one way FXML controllers are created: each controller class is mapped to a supplier that builds it with
 * its collaborators (constructor injection). FXMLLoader's default would call a no-argument constructor, which
 * pushes controllers towards static state or service lookups; this factory refuses any class nobody
 * registered, loudly, so a forgotten registration fails the first time the view is opened (and in the
 * FXML tests) rather than half-working.
 */
public final class ControllerFactory implements Callback<Class<?>, Object> {

    private final Map<Class<?>, Supplier<?>> suppliers;

    private ControllerFactory(Map<Class<?>, Supplier<?>> suppliers) {
        this.suppliers = Map.copyOf(suppliers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a new controller of {@code type}.
     *
     * @throws IllegalStateException when {@code type} was not registered, naming it
     */
    @Override
    public Object call(Class<?> type) {
        Supplier<?> supplier = suppliers.get(type);
        if (supplier == null) {
            throw new IllegalStateException("No controller registered for " + type.getName()
                    + ": register it in the composition root (the ControllerFactory built by MainWindow),"
                    + " e.g. builder.register(" + type.getSimpleName() + ".class, () -> new "
                    + type.getSimpleName() + "(...)).");
        }
        Object controller = supplier.get();
        if (!type.isInstance(controller)) {
            throw new IllegalStateException("The supplier registered for " + type.getName() + " built "
                    + (controller == null ? "null" : "a " + controller.getClass().getName()) + ".");
        }
        return controller;
    }

    /** Collects the registrations; each controller class once. */
    public static final class Builder {

        private final Map<Class<?>, Supplier<?>> suppliers = new HashMap<>();

        private Builder() {}

        /**
         * @throws IllegalStateException when {@code type} is already registered (two wirings of one
         *     controller would make it a matter of luck which one a view gets)
         */
        public <T> Builder register(Class<T> type, Supplier<? extends T> supplier) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(supplier, "supplier");
            if (suppliers.putIfAbsent(type, supplier) != null) {
                throw new IllegalStateException(type.getName() + " is registered twice in the ControllerFactory.");
            }
            return this;
        }

        public ControllerFactory build() {
            return new ControllerFactory(suppliers);
        }
    }
}
