package id.loket.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/** What the screens' tables and combo boxes share: a value shown through a function, and a box's button cell. */
final class Choices {

    private Choices() {}

    /** A table cell's fixed text. */
    static ObservableValue<String> text(String value) {
        return new ReadOnlyStringWrapper(value).getReadOnlyProperty();
    }

    /** A converter for values chosen from a list, never typed. */
    static <T> StringConverter<T> converter(Function<T, String> show) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return show.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("chosen from the list, never typed");
            }
        };
    }

    /** Shows {@code box}'s values through {@code show}, in the list and on its button. */
    static <T> void show(ComboBox<T> box, Function<T, String> show) {
        box.setConverter(converter(show));
        box.setButtonCell(new OptionCell<>(box.getConverter()));
    }

    /** A combo box's button showing the chosen value through the box's converter. */
    static final class OptionCell<T> extends ListCell<T> {

        private final StringConverter<T> converter;

        OptionCell(StringConverter<T> converter) {
            this.converter = converter;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? "" : converter.toString(item));
        }
    }
}
