package id.loket.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/**
 * Controller of {@code fxml/shell.fxml}: binds the main window's navigation, content area and status bar to
 * the {@link ShellViewModel} and forwards the clerk's choices to it. It holds no state of its own beyond the
 * pages it has shown, so it can be thrown away and rebuilt when the language changes.
 *
 * <p>Lifecycle: binds in {@code initialize}, and {@link #dispose()} removes every listener it put on the
 * longer-lived view model.
 */
public final class ShellView {

    private static final PseudoClass CHECKING = PseudoClass.getPseudoClass("checking");
    private static final PseudoClass SOUND = PseudoClass.getPseudoClass("sound");
    private static final PseudoClass BROKEN = PseudoClass.getPseudoClass("broken");
    private static final PseudoClass UNCHECKED = PseudoClass.getPseudoClass("unchecked");

    private final ShellViewModel viewModel;
    private final Function<Section, Node> pages;
    private final java.util.function.Consumer<Section> focusPage;
    private final Map<Section, Node> shownPages = new EnumMap<>(Section.class);
    private final List<Runnable> onDispose = new ArrayList<>();

    @FXML
    private ResourceBundle resources;

    @FXML
    private BorderPane shell;

    @FXML
    private ListView<Section> nav;

    @FXML
    private StackPane content;

    @FXML
    private Label sandboxBadge;

    @FXML
    private Label ledgerStatus;

    @FXML
    private Label gatewayStatus;

    @FXML
    private Label clerkStatus;

    @FXML
    private Label shiftStatus;

    @FXML
    private Label notice;

    @FXML
    private Label version;

    @FXML
    private Tooltip versionTooltip;

    @FXML
    private ComboBox<Locale> language;

    /**
     * @param pages builds the page of a section; asked once per section for the life of this view, so a
     *     page keeps what the clerk typed while they look at another section
     * @param focusPage puts the focus where the clerk starts on a section's page (its shortcut was pressed)
     */
    public ShellView(ShellViewModel viewModel, Function<Section, Node> pages,
            java.util.function.Consumer<Section> focusPage) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.pages = Objects.requireNonNull(pages, "pages");
        this.focusPage = Objects.requireNonNull(focusPage, "focusPage");
    }

    @FXML
    private void initialize() {
        nav.getItems().setAll(Section.values());
        nav.setCellFactory(list -> new NavCell());
        nav.getSelectionModel().select(viewModel.selectedSection().get());
        nav.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.select(now);
            } else {
                // Ctrl+click can clear a ListView's selection; a section is always open, so show it again.
                Platform.runLater(() -> nav.getSelectionModel().select(viewModel.selectedSection().get()));
            }
        });
        listen(viewModel.selectedSection(), (obs, old, now) -> showSection(now));
        showSection(viewModel.selectedSection().get());

        if (viewModel.testing()) {
            sandboxBadge.setText(resources.getString("status.testing"));
            sandboxBadge.setTooltip(new javafx.scene.control.Tooltip(resources.getString("status.testing.tooltip")));
        }
        sandboxBadge.setVisible(viewModel.sandbox());
        sandboxBadge.setManaged(viewModel.sandbox());
        bind(ledgerStatus.textProperty(), viewModel.ledgerStatusText());
        listen(viewModel.ledgerStatus(), (obs, old, now) -> styleLedgerStatus(now));
        styleLedgerStatus(viewModel.ledgerStatus().get());
        bind(gatewayStatus.textProperty(), viewModel.gatewayStatusText());
        listen(viewModel.gatewayStatus(), (obs, old, now) -> styleGatewayStatus(now));
        styleGatewayStatus(viewModel.gatewayStatus().get());
        // What the clerk must always read in full; the ledger's text may be shortened first.
        for (Region always : new Region[] {sandboxBadge, gatewayStatus, clerkStatus, shiftStatus, language}) {
            always.setMinWidth(Region.USE_PREF_SIZE);
        }
        bind(clerkStatus.textProperty(), viewModel.clerkText());
        bind(shiftStatus.textProperty(), viewModel.shiftText());
        javafx.beans.binding.BooleanBinding shiftOpen = viewModel.shiftOpen();
        ChangeListener<Boolean> shiftStyle = (obs, old, now) -> shiftStatus.pseudoClassStateChanged(UNCHECKED, !now);
        listen(shiftOpen, shiftStyle);
        shiftStyle.changed(shiftOpen, null, shiftOpen.get());
        bind(notice.textProperty(), viewModel.notice());
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        bind(version.textProperty(), viewModel.versionText());
        bind(versionTooltip.textProperty(), viewModel.dataDirectoryText());

        language.getItems().setAll(Bundles.LANGUAGES);
        language.setConverter(new LanguageNames());
        language.setValue(viewModel.language().get());
        language.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.chooseLanguage(now);
            }
        });

        shell.addEventFilter(KeyEvent.KEY_PRESSED, this::openSectionOnShortcut);
    }

    /** Puts the keyboard focus on the navigation, at the open section: where the clerk starts. */
    public void focusNavigation() {
        nav.requestFocus();
    }

    /** Puts the keyboard focus on the language switch (after the window was rebuilt for a new language). */
    public void focusLanguage() {
        language.requestFocus();
    }

    /** Detaches this view from the view model; call before throwing the view away. */
    public void dispose() {
        onDispose.forEach(Runnable::run);
        onDispose.clear();
    }

    private void showSection(Section section) {
        nav.getSelectionModel().select(section);
        content.getChildren().setAll(shownPages.computeIfAbsent(section, pages));
    }

    private void openSectionOnShortcut(KeyEvent event) {
        if (event.getCode() == javafx.scene.input.KeyCode.F1) {
            showShortcuts();
            event.consume();
            return;
        }
        for (Section section : Section.values()) {
            for (KeyCombination shortcut : section.shortcuts()) {
                if (shortcut.match(event)) {
                    viewModel.select(section);
                    // Deferred: the page has just been put on screen and cannot take the focus before layout.
                    Platform.runLater(() -> focusPage.accept(section));
                    event.consume();
                    return;
                }
            }
        }
    }

    /** F1: every shortcut of the window, in one place (DESIGN.md, "The counter screen"). Esc or Enter closes it. */
    private void showShortcuts() {
        javafx.scene.control.Alert help = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.NONE,
                resources.getString("help.text"), javafx.scene.control.ButtonType.CLOSE);
        help.setTitle(resources.getString("help.title"));
        help.setHeaderText(resources.getString("help.title"));
        help.getDialogPane().setId("shortcutsHelp");
        help.getDialogPane().setMinWidth(560);
        if (shell.getScene() != null) {
            help.initOwner(shell.getScene().getWindow());
        }
        help.show();
    }

    private void styleLedgerStatus(LedgerStatus status) {
        LedgerStatus.State state = status.state();
        ledgerStatus.pseudoClassStateChanged(CHECKING, state == LedgerStatus.State.CHECKING);
        ledgerStatus.pseudoClassStateChanged(SOUND, state == LedgerStatus.State.SOUND);
        ledgerStatus.pseudoClassStateChanged(BROKEN, state == LedgerStatus.State.BROKEN);
        ledgerStatus.pseudoClassStateChanged(UNCHECKED, state == LedgerStatus.State.UNCHECKED);
    }

    private void styleGatewayStatus(GatewayStatus status) {
        gatewayStatus.pseudoClassStateChanged(SOUND, status.state() == GatewayStatus.State.CONNECTED);
        gatewayStatus.pseudoClassStateChanged(UNCHECKED, status.state() == GatewayStatus.State.NO_ANSWER);
        gatewayStatus.pseudoClassStateChanged(BROKEN, status.state() == GatewayStatus.State.REFUSED);
    }

    private <T> void listen(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        onDispose.add(() -> value.removeListener(listener));
    }

    private <T> void bind(Property<T> property, ObservableValue<? extends T> value) {
        property.bind(value);
        onDispose.add(property::unbind);
    }

    private final class LanguageNames extends StringConverter<Locale> {

        @Override
        public String toString(Locale locale) {
            return locale == null ? "" : resources.getString("language." + locale.getLanguage());
        }

        @Override
        public Locale fromString(String text) {
            return Bundles.LANGUAGES.stream().filter(l -> toString(l).equals(text)).findFirst().orElse(null);
        }
    }

    /** A section's name, with its first shortcut to the right so the clerk learns the keys by looking. */
    private final class NavCell extends ListCell<Section> {

        private final Label name = new Label();
        private final Label key = new Label();
        private final HBox box;

        NavCell() {
            name.getStyleClass().add("nav-name");
            key.getStyleClass().add("nav-key");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new HBox(name, gap, key);
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Section section, boolean empty) {
            super.updateItem(section, empty);
            setText(null);
            if (empty || section == null) {
                setId(null);
                setGraphic(null);
                setAccessibleText(null);
            } else {
                setId("nav-" + section.id());
                name.setId("nav-" + section.id() + "-name");
                name.setText(resources.getString(section.nameKey()));
                key.setText(section.shortcuts().get(0).getDisplayText());
                setAccessibleText(name.getText() + ", " + section.shortcutText());
                setGraphic(box);
            }
        }
    }
}
