package id.loket.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * The ties a page's controller makes to its view model while the page is on screen, and how to undo each of them.
 *
 * <p>Why: view models live as long as the window's session, but their views do not. A view is thrown away and
 * loaded again whenever the window is rebuilt (a language switch), and a page that goes out of the scene (another
 * section) must stop reacting to its view model. A binding or listener left on a view model would keep the old
 * view's controls alive and keep updating them; two views bound to one text property would fight over it. So every
 * tie is made through this class, which remembers how to undo it, and {@link #undoAll()} leaves the view model as
 * it was found.
 *
 * <p>Use: make the ties when the page comes into a scene, call {@link #undoAll()} when it leaves (or before making
 * them again); {@link #whileInScene} does both. The undo actions run in the order the ties were made. Not
 * thread-safe: the FX thread only.
 *
 * <p>Also holds the small node helpers the pages share ({@link #isInside}, {@link #collapseWhenHidden}).
 */
final class ViewTies {

    private final List<Runnable> undo = new ArrayList<>();

    /**
     * Runs {@code tie} (which makes the page's ties through this object) whenever {@code page} comes into a scene,
     * and now if it is in one already; undoes every tie whenever the page leaves its scene or changes scene. The
     * listener on the page's scene is the page's own and is not undone: it goes with the page.
     */
    void whileInScene(Node page, Runnable tie) {
        page.sceneProperty().addListener((obs, old, now) -> sceneChanged(now, tie));
        if (page.getScene() != null) {
            sceneChanged(page.getScene(), tie);
        }
    }

    private void sceneChanged(Scene scene, Runnable tie) {
        undoAll();
        if (scene != null) {
            tie.run();
        }
    }

    /** Binds a control's property to the view model's both ways, until {@link #undoAll()}. */
    <T> void bind(Property<T> control, Property<T> model) {
        control.bindBidirectional(model);
        undo.add(() -> control.unbindBidirectional(model));
    }

    /** Runs {@code update} whenever any of {@code values} is invalidated, until {@link #undoAll()}. */
    void listen(Runnable update, Observable... values) {
        InvalidationListener listener = obs -> update.run();
        for (Observable value : values) {
            value.addListener(listener);
            undo.add(() -> value.removeListener(listener));
        }
    }

    /** Adds a change listener to {@code value}, until {@link #undoAll()}. */
    <T> void onChange(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        undo.add(() -> value.removeListener(listener));
    }

    /** Adds a list change listener to {@code list}, until {@link #undoAll()}. */
    <E> void onListChange(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        undo.add(() -> list.removeListener(listener));
    }

    /** Adds an action of the caller's own to run on {@link #undoAll()}, after those registered before it. */
    void onUndo(Runnable action) {
        undo.add(Objects.requireNonNull(action, "action"));
    }

    /** Undoes every tie made so far, in the order they were made, and forgets them: the ties can be made again. */
    void undoAll() {
        undo.forEach(Runnable::run);
        undo.clear();
    }

    /** Whether {@code node} is {@code parent} or lies inside it (false for a null node). */
    static boolean isInside(Node node, Node parent) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }

    /** Makes each node take no room in its parent's layout while it is not visible. */
    static void collapseWhenHidden(Node... nodes) {
        for (Node node : nodes) {
            node.managedProperty().bind(node.visibleProperty());
        }
    }
}
