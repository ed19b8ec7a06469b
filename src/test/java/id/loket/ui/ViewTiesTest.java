package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;

/** No toolkit: properties, lists and plain panes work without it. */
class ViewTiesTest {

    private final ViewTies ties = new ViewTies();

    @Test
    void aBindingGoesBothWaysUntilUndone() {
        StringProperty field = new SimpleStringProperty("");
        StringProperty model = new SimpleStringProperty("50.000");

        ties.bind(field, model);
        assertThat(field.get()).as("the field takes the model's text").isEqualTo("50.000");
        field.set("75.000");
        assertThat(model.get()).isEqualTo("75.000");

        ties.undoAll();
        field.set("typed after the view went away");
        model.set("100.000");
        assertThat(model.get()).isEqualTo("100.000");
        assertThat(field.get()).isEqualTo("typed after the view went away");
    }

    @Test
    void aListenerHearsEveryValueUntilUndone() {
        StringProperty message = new SimpleStringProperty("a");
        SimpleObjectProperty<Boolean> isError = new SimpleObjectProperty<>(false);
        List<String> heard = new ArrayList<>();

        ties.listen(() -> heard.add(message.get() + "/" + isError.get()), message, isError);
        message.set("b");
        isError.set(true);
        assertThat(heard).containsExactly("b/false", "b/true");

        ties.undoAll();
        message.set("c");
        isError.set(false);
        assertThat(heard).hasSize(2);
    }

    @Test
    void changeListenersAreRemovedOnUndo() {
        StringProperty value = new SimpleStringProperty("a");
        ObservableList<String> list = FXCollections.observableArrayList();
        List<String> heard = new ArrayList<>();

        ties.onChange(value, (obs, old, now) -> heard.add(old + "→" + now));
        ties.onListChange(list, change -> heard.add("list " + list.size()));
        value.set("b");
        list.add("x");
        assertThat(heard).containsExactly("a→b", "list 1");

        ties.undoAll();
        value.set("c");
        list.add("y");
        assertThat(heard).hasSize(2);
    }

    @Test
    void undoRunsInOrderOnceAndTheTiesCanBeMadeAgain() {
        List<String> done = new ArrayList<>();
        StringProperty field = new SimpleStringProperty("");
        StringProperty model = new SimpleStringProperty("m");
        ties.bind(field, model);
        ties.onUndo(() -> done.add("first"));
        ties.onUndo(() -> done.add("second"));

        ties.undoAll();
        ties.undoAll();
        assertThat(done).containsExactly("first", "second");

        ties.bind(field, model);
        model.set("again");
        assertThat(field.get()).isEqualTo("again");
    }

    @Test
    void isInsideWalksUpTheParents() {
        Pane page = new Pane();
        Pane card = new Pane();
        Pane field = new Pane();
        Pane elsewhere = new Pane();
        page.getChildren().add(card);
        card.getChildren().add(field);

        assertThat(ViewTies.isInside(field, page)).isTrue();
        assertThat(ViewTies.isInside(field, card)).isTrue();
        assertThat(ViewTies.isInside(page, page)).as("a node is inside itself").isTrue();
        assertThat(ViewTies.isInside(page, field)).isFalse();
        assertThat(ViewTies.isInside(elsewhere, page)).isFalse();
        assertThat(ViewTies.isInside(null, page)).isFalse();
    }

    @Test
    void aHiddenNodeTakesNoRoom() {
        Pane note = new Pane();
        ViewTies.collapseWhenHidden(note);

        note.setVisible(false);
        assertThat(note.isManaged()).isFalse();
        note.setVisible(true);
        assertThat(note.isManaged()).isTrue();
    }
}
