package id.loket.ui;

import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The sections of the main window's navigation, in the order the clerk sees them. Each has keyboard shortcuts
 * so the counter works without a mouse: the F-keys of DESIGN.md ("F2 new payment, F3 history") where they
 * exist, and Ctrl+1..7 by position for all. Ctrl is spelled out rather than "Shortcut" because Loket ships for
 * Windows and Linux, where they are the same key, and Ctrl can be shown without the toolkit running.
 */
public enum Section {
    PAY("pay", new KeyCodeCombination(KeyCode.F2), ctrl(KeyCode.DIGIT1)),
    HISTORY("history", new KeyCodeCombination(KeyCode.F3), ctrl(KeyCode.DIGIT2)),
    SHIFT("shift", ctrl(KeyCode.DIGIT3)),
    CUSTOMERS("customers", ctrl(KeyCode.DIGIT4)),
    REPORTS("reports", ctrl(KeyCode.DIGIT5)),
    RECONCILIATION("reconciliation", ctrl(KeyCode.DIGIT6)),
    SETTINGS("settings", ctrl(KeyCode.DIGIT7));

    private final String id;
    private final List<KeyCombination> shortcuts;

    Section(String id, KeyCombination... shortcuts) {
        this.id = id;
        this.shortcuts = List.of(shortcuts);
    }

    private static KeyCombination ctrl(KeyCode code) {
        return new KeyCodeCombination(code, KeyCombination.CONTROL_DOWN);
    }

    /** A stable lower-case name: node ids ({@code nav-pay}) and bundle keys ({@code section.pay.name}). */
    public String id() {
        return id;
    }

    /** The bundle key of the section's name as the navigation shows it. */
    public String nameKey() {
        return "section." + id + ".name";
    }

    /** The bundle key of the sentence saying what the section does for the clerk or the owner. */
    public String purposeKey() {
        return "section." + id + ".purpose";
    }

    /** Every shortcut that opens the section, the one to show first. */
    public List<KeyCombination> shortcuts() {
        return shortcuts;
    }

    /** The shortcuts as the keyboard labels them, e.g. {@code "F2, Ctrl+1"}. */
    public String shortcutText() {
        return shortcuts.stream().map(KeyCombination::getDisplayText).collect(Collectors.joining(", "));
    }
}
