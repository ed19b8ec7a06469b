package id.loket.ui;

import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.collections.WeakListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Controller of {@code fxml/history.fxml}: binds the filters, the results table, the details and the reprint to the
 * {@link HistoryViewModel}, and turns the clerk's keys into its actions. Texts come from {@code resources}; the view
 * model's {@link Message}s are put into words here.
 *
 * <p>Every tie to the longer-lived view model is a binding or a weak listener, so a view thrown away when the
 * language changes is collected with its controls.
 */
public final class HistoryView {

    private static final KeyCombination REPRINT = new KeyCodeCombination(KeyCode.P, KeyCombination.CONTROL_DOWN);
    private static final KeyCombination REPRINT_KEY = new KeyCodeCombination(KeyCode.F5);
    private static final KeyCombination WHATSAPP_KEY = new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final HistoryViewModel viewModel;

    /** Strong references to the listeners the view model holds weakly, for as long as this view lives. */
    private final ChangeListener<HistoryViewModel.Row> selectionFromModel = (obs, old, now) -> selectRow(now);
    private final ListChangeListener<HistoryViewModel.DetailGroup> groupsChanged = change -> showGroups();
    private final ChangeListener<Object> detailsChanged = (obs, old, now) -> showDetailsHead();
    private final ChangeListener<WhatsAppReceipt.State> whatsAppChanged = (obs, old, now) -> {
        if (now == WhatsAppReceipt.State.CLOSED && this.page.getScene() != null) {
            focus();
        }
    };
    private WhatsAppReceiptPanel waPanel;
    private final ChangeListener<Boolean> printFailedChanged = (obs, old, now) -> this.printMessage.pseudoClassStateChanged(
            FAILED, now);
    private boolean syncingSelection;

    @FXML
    private ResourceBundle resources;

    @FXML
    private BorderPane page;

    @FXML
    private TextField reference;

    @FXML
    private DatePicker fromDay;

    @FXML
    private DatePicker toDay;

    @FXML
    private ComboBox<Optional<PaymentState>> stateFilter;

    @FXML
    private ComboBox<Optional<PaymentMethod>> methodFilter;

    @FXML
    private Button searchButton;

    @FXML
    private ProgressIndicator searchProgress;

    @FXML
    private Label searchingLabel;

    @FXML
    private Label error;

    @FXML
    private VBox resultsPane;

    @FXML
    private TableView<HistoryViewModel.Row> table;

    @FXML
    private TableColumn<HistoryViewModel.Row, String> timeColumn;

    @FXML
    private TableColumn<HistoryViewModel.Row, String> billerColumn;

    @FXML
    private TableColumn<HistoryViewModel.Row, String> referenceColumn;

    @FXML
    private TableColumn<HistoryViewModel.Row, String> customerColumn;

    @FXML
    private TableColumn<HistoryViewModel.Row, PaymentMethod> methodColumn;

    @FXML
    private TableColumn<HistoryViewModel.Row, Money> totalColumn;

    @FXML
    private TableColumn<HistoryViewModel.Row, PaymentState> stateColumn;

    @FXML
    private TableColumn<HistoryViewModel.Row, String> clientRefColumn;

    @FXML
    private Label placeholder;

    @FXML
    private Label summary;

    @FXML
    private Label notice;

    @FXML
    private ScrollPane detailsPane;

    @FXML
    private Label detailsTitle;

    @FXML
    private Label detailsState;

    @FXML
    private ProgressIndicator detailsProgress;

    @FXML
    private Label detailsAdvice;

    @FXML
    private Label detailsError;

    @FXML
    private VBox detailGroups;

    @FXML
    private TableView<HistoryViewModel.EventRow> eventsTable;

    @FXML
    private TableColumn<HistoryViewModel.EventRow, String> eventTimeColumn;

    @FXML
    private TableColumn<HistoryViewModel.EventRow, HistoryViewModel.EventRow> eventChangeColumn;

    @FXML
    private TableColumn<HistoryViewModel.EventRow, String> eventDetailColumn;

    @FXML
    private StackPane reprintHolder;

    @FXML
    private Button reprintButton;

    @FXML
    private Label reprintHint;

    @FXML
    private Label printMessage;

    @FXML
    private Button whatsAppButton;

    @FXML
    private VBox waHolder;

    public HistoryView(HistoryViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    HistoryViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        bindFilters();
        bindResults();
        bindDetails();
        bindReprint();
        bindWhatsApp();
        page.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        page.sceneProperty().addListener((obs, old, now) -> shownIn(now));
    }

    // ---- filters ---------------------------------------------------------------------------------------------

    private void bindFilters() {
        reference.textProperty().bindBidirectional(viewModel.reference());
        for (DatePicker picker : new DatePicker[] {fromDay, toDay}) {
            picker.setConverter(new DateText());
            picker.setPromptText(resources.getString("history.filter.date.prompt"));
        }
        fromDay.valueProperty().bindBidirectional(viewModel.fromDay());
        toDay.valueProperty().bindBidirectional(viewModel.toDay());
        stateFilter.getItems().setAll(viewModel.stateChoices());
        stateFilter.setConverter(new Choice<>("history.state."));
        stateFilter.valueProperty().bindBidirectional(viewModel.state());
        methodFilter.getItems().setAll(viewModel.methodChoices());
        methodFilter.setConverter(new Choice<>("history.method."));
        methodFilter.valueProperty().bindBidirectional(viewModel.method());
        searchProgress.visibleProperty().bind(viewModel.searching());
        searchProgress.managedProperty().bind(viewModel.searching());
        searchingLabel.visibleProperty().bind(viewModel.searching());
        searchingLabel.managedProperty().bind(viewModel.searching());
        showMessage(error, viewModel.error());
    }

    // ---- results ---------------------------------------------------------------------------------------------

    private void bindResults() {
        SortedList<HistoryViewModel.Row> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        // Every column in view at the smallest window: the client_ref (last) is what support asks for.
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        timeColumn.setCellValueFactory(c -> constant(c.getValue().time()));
        // Newest first whatever the time's shape (with or without the date): sort by the instant.
        timeColumn.setSortable(false);
        billerColumn.setCellValueFactory(c -> constant(c.getValue().billerName()));
        referenceColumn.setCellValueFactory(c -> constant(c.getValue().reference()));
        customerColumn.setCellValueFactory(c -> constant(c.getValue().customerName()));
        methodColumn.setCellValueFactory(c -> constant(c.getValue().method()));
        methodColumn.setCellFactory(c -> new TextCell<>(m -> resources.getString("history.method." + m.name())));
        totalColumn.setCellValueFactory(c -> constant(c.getValue().total()));
        totalColumn.setCellFactory(c -> {
            TextCell<HistoryViewModel.Row, Money> cell = new TextCell<>(m -> m.format(resources.getLocale()));
            cell.getStyleClass().add("history-money-cell");
            return cell;
        });
        stateColumn.setCellValueFactory(c -> constant(c.getValue().state()));
        stateColumn.setCellFactory(c -> new StateCell());
        clientRefColumn.setCellValueFactory(c -> constant(c.getValue().clientRef()));
        table.setRowFactory(t -> new StateRow());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncingSelection) {
                viewModel.select(now);
            }
        });
        viewModel.selected().addListener(new WeakChangeListener<>(selectionFromModel));
        selectRow(viewModel.selected().get());
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });

        placeholder.textProperty().bind(Bindings.createStringBinding(() -> viewModel.searching().get()
                ? resources.getString("history.searching")
                : viewModel.notice().get().isEmpty()
                        ? resources.getString("history.placeholder")
                        : viewModel.notice().get().in(resources),
                viewModel.searching(), viewModel.notice()));
        showMessage(summary, viewModel.summary());
        showMessage(notice, viewModel.notice());
    }

    private void selectRow(HistoryViewModel.Row row) {
        if (Objects.equals(table.getSelectionModel().getSelectedItem(), row)) {
            return;
        }
        syncingSelection = true;
        try {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            } else {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }
        } finally {
            syncingSelection = false;
        }
    }

    // ---- details ---------------------------------------------------------------------------------------------

    private void bindDetails() {
        detailsPane.visibleProperty().bind(viewModel.detailsOpen());
        resultsPane.visibleProperty().bind(viewModel.detailsOpen().not());
        detailsProgress.visibleProperty().bind(viewModel.loadingDetails());
        detailsProgress.managedProperty().bind(viewModel.loadingDetails());
        showMessage(detailsAdvice, viewModel.detailsAdvice());
        showMessage(detailsError, viewModel.detailsError());
        viewModel.details().addListener(new WeakChangeListener<>(detailsChanged));
        viewModel.detailGroups().addListener(new WeakListChangeListener<>(groupsChanged));
        showDetailsHead();
        showGroups();

        eventsTable.setItems(viewModel.events());
        eventsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        eventTimeColumn.setCellValueFactory(c -> constant(c.getValue().time()));
        eventChangeColumn.setCellValueFactory(c -> constant(c.getValue()));
        eventChangeColumn.setCellFactory(c -> new TextCell<>(this::change));
        eventDetailColumn.setCellValueFactory(c -> constant(c.getValue().event().detail()));
    }

    private String change(HistoryViewModel.EventRow row) {
        String to = stateName(row.event().to());
        return row.isTransition() ? stateName(row.event().from()) + " → " + to : to;
    }

    private void showDetailsHead() {
        var payment = viewModel.details().get();
        detailsState.getStyleClass().removeIf(s -> s.startsWith("state-"));
        if (payment == null) {
            detailsTitle.setText("");
            detailsState.setText("");
            return;
        }
        detailsTitle.setText(payment.bill().billerName() + " · " + payment.bill().reference());
        detailsState.setText(stateName(payment.state()));
        detailsState.getStyleClass().add(stateClass(payment.state()));
    }

    private void showGroups() {
        detailGroups.getChildren().clear();
        for (HistoryViewModel.DetailGroup group : viewModel.detailGroups()) {
            Label title = new Label(group.title().in(resources));
            title.getStyleClass().add("history-group-title");
            GridPane grid = new GridPane();
            grid.setId("details-" + group.id());
            grid.getStyleClass().add("history-grid");
            ColumnConstraints labels = new ColumnConstraints();
            labels.setMinWidth(170);
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().setAll(labels, values);
            int line = 0;
            for (HistoryViewModel.DetailLine detail : group.lines()) {
                Label label = new Label(detail.label().in(resources));
                label.getStyleClass().add("history-field");
                Label value = new Label(detail.value().in(resources));
                value.setId("detail-" + detail.id());
                value.getStyleClass().add("history-value");
                value.setWrapText(true);
                if (detail.id().equals("state")) {
                    value.getStyleClass().addAll("history-state", stateClass(viewModel.details().get().state()));
                }
                grid.addRow(line++, label, value);
            }
            detailGroups.getChildren().addAll(title, grid);
        }
    }

    // ---- reprint ---------------------------------------------------------------------------------------------

    private void bindReprint() {
        reprintButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.canReprint().get(),
                viewModel.canReprint()));
        // A disabled button shows no tooltip: the holder shows why it is disabled.
        Tooltip why = new Tooltip();
        why.setWrapText(true);
        why.setMaxWidth(420);
        why.textProperty().bind(Bindings.createStringBinding(() -> viewModel.reprintUnavailable().get().isEmpty()
                ? resources.getString("history.reprint.tooltip")
                : viewModel.reprintUnavailable().get().in(resources), viewModel.reprintUnavailable()));
        Tooltip.install(reprintHolder, why);
        reprintHint.textProperty().bind(Bindings.createStringBinding(() -> viewModel.printing().get()
                ? ""
                : viewModel.reprintUnavailable().get().in(resources),
                viewModel.reprintUnavailable(), viewModel.printing()));
        showMessage(printMessage, viewModel.printMessage());
        viewModel.printFailed().addListener(new WeakChangeListener<>(printFailedChanged));
        printMessage.pseudoClassStateChanged(FAILED, viewModel.printFailed().get());
    }

    private void bindWhatsApp() {
        waPanel = new WhatsAppReceiptPanel(viewModel.whatsApp(), resources);
        waHolder.getChildren().setAll(waPanel);
        whatsAppButton.disableProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.canSendReceipt().get(),
                viewModel.canSendReceipt()));
        whatsAppButton.setTooltip(new Tooltip(resources.getString("history.whatsApp.tooltip")));
        viewModel.whatsApp().state().addListener(new WeakChangeListener<>(whatsAppChanged));
    }

    // ---- actions ---------------------------------------------------------------------------------------------

    @FXML
    private void openWhatsApp() {
        viewModel.openWhatsApp();
    }

    @FXML
    private void search() {
        if (commitDate(fromDay) && commitDate(toDay)) {
            viewModel.search();
        }
    }

    @FXML
    private void reprint() {
        viewModel.reprint();
    }

    @FXML
    private void closeDetails() {
        viewModel.closeDetails();
        table.requestFocus();
    }

    private void openSelected() {
        if (viewModel.selected().get() != null) {
            viewModel.openSelected();
            detailsPane.requestFocus();
            detailsPane.setVvalue(0);
        }
    }

    private void shownIn(Scene scene) {
        if (scene == null) {
            viewModel.pageHidden();
            return;
        }
        viewModel.pageShown();
        if (scene.getFocusOwner() instanceof ListView<?> list && !ViewTies.isInside(list, page)) {
            // The clerk is going through the sections with the arrow keys: the next arrow must still move there.
            return;
        }
        focus();
    }

    /** Puts the focus where the clerk goes on: the open details, or else the reference filter. */
    public void focus() {
        if (viewModel.detailsOpen().get()) {
            detailsPane.requestFocus();
        } else {
            reference.requestFocus();
            reference.end();
        }
    }

    private void onKey(KeyEvent event) {
        if (WHATSAPP_KEY.match(event)) {
            viewModel.openWhatsApp();
            event.consume();
            return;
        }
        if (event.getCode() == KeyCode.ESCAPE && waPanel.isOpen()) {
            viewModel.whatsApp().close();
            event.consume();
            return;
        }
        if (REPRINT.match(event) || REPRINT_KEY.match(event)) {
            viewModel.reprint();
            event.consume();
            return;
        }
        Node target = event.getTarget() instanceof Node node ? node : null;
        boolean inTable = ViewTies.isInside(target, table);
        boolean inFilters = !inTable && (ViewTies.isInside(target, reference)
                || ViewTies.isInside(target, fromDay) || ViewTies.isInside(target, toDay)
                || ViewTies.isInside(target, stateFilter) || ViewTies.isInside(target, methodFilter));
        switch (event.getCode()) {
            case ENTER -> {
                if (inTable) {
                    openSelected();
                    event.consume();
                } else if (inFilters && !popupShowing()) {
                    search();
                    event.consume();
                }
            }
            case ESCAPE -> {
                if (popupShowing()) {
                    return;
                }
                if (viewModel.detailsOpen().get()) {
                    closeDetails();
                    event.consume();
                } else if (inTable) {
                    reference.requestFocus();
                    event.consume();
                }
            }
            case DOWN -> {
                if (ViewTies.isInside(target, reference) && !table.getItems().isEmpty()) {
                    table.requestFocus();
                    if (table.getSelectionModel().getSelectedIndex() < 0) {
                        table.getSelectionModel().select(0);
                        table.getFocusModel().focus(0);
                    }
                    event.consume();
                }
            }
            case UP -> {
                if (inTable && table.getSelectionModel().getSelectedIndex() <= 0) {
                    reference.requestFocus();
                    event.consume();
                }
            }
            default -> {
                // the controls' own keys
            }
        }
    }

    private boolean popupShowing() {
        return stateFilter.isShowing() || methodFilter.isShowing() || fromDay.isShowing() || toDay.isShowing();
    }

    /**
     * Reads what the clerk typed into a date field (a date field only takes its text on Enter or leaving it).
     *
     * @return false when the text is not a date (the view model then says so)
     */
    private boolean commitDate(DatePicker picker) {
        String text = picker.getEditor().getText();
        try {
            LocalDate typed = picker.getConverter().fromString(text);
            if (!Objects.equals(typed, picker.getValue())) {
                picker.setValue(typed);
            }
            return true;
        } catch (DateTimeParseException e) {
            viewModel.dateNotUnderstood(text.strip());
            picker.getEditor().requestFocus();
            return false;
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void showMessage(Label label, ObservableValue<Message> message) {
        label.textProperty().bind(Bindings.createStringBinding(() -> message.getValue().in(resources), message));
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        ViewTies.collapseWhenHidden(label);
    }

    private String stateName(PaymentState state) {
        return resources.getString("history.state." + state.name());
    }

    /** The style class of a state: {@code state-success}, {@code state-suspect}, {@code state-charge-pending} … */
    static String stateClass(PaymentState state) {
        return "state-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <T> ObservableValue<T> constant(T value) {
        return new javafx.beans.property.ReadOnlyObjectWrapper<>(value);
    }

    private final class DateText extends StringConverter<LocalDate> {

        @Override
        public String toString(LocalDate date) {
            return date == null ? "" : DATE.format(date);
        }

        /** "22/11/2026", also "22-11-2026" and "2026-11-22"; blank for no date. */
        @Override
        public LocalDate fromString(String text) {
            String t = text == null ? "" : text.strip();
            if (t.isEmpty()) {
                return null;
            }
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(t);
            }
            return LocalDate.parse(t.replace('-', '/').replace('.', '/'), DATE);
        }
    }

    private final class Choice<E extends Enum<E>> extends StringConverter<Optional<E>> {

        private final String prefix;

        Choice(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public String toString(Optional<E> choice) {
            if (choice == null) {
                return "";
            }
            return choice.map(c -> resources.getString(prefix + c.name()))
                    .orElseGet(() -> resources.getString("history.filter.all"));
        }

        @Override
        public Optional<E> fromString(String text) {
            return Optional.empty(); // not editable
        }
    }

    private static final class TextCell<S, T> extends TableCell<S, T> {

        private final java.util.function.Function<T, String> text;

        TextCell(java.util.function.Function<T, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
        }
    }

    private final class StateCell extends TableCell<HistoryViewModel.Row, PaymentState> {

        StateCell() {
            getStyleClass().add("history-state");
        }

        @Override
        protected void updateItem(PaymentState state, boolean empty) {
            super.updateItem(state, empty);
            getStyleClass().removeIf(s -> s.startsWith("state-"));
            if (empty || state == null) {
                setText(null);
            } else {
                setText(stateName(state));
                getStyleClass().add(stateClass(state));
            }
        }
    }

    /** A row carries its state's style class too, so a SUSPECT or FAILED payment stands out across the table. */
    private static final class StateRow extends TableRow<HistoryViewModel.Row> {

        @Override
        protected void updateItem(HistoryViewModel.Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeIf(s -> s.startsWith("row-state-"));
            if (!empty && row != null) {
                getStyleClass().add("row-" + stateClass(row.state()));
            }
        }
    }
}
