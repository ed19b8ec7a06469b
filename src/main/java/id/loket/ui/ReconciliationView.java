package id.loket.ui;

import id.loket.core.Money;
import id.loket.reconcile.BalanceCheck;
import id.loket.reconcile.DayStatus;
import id.loket.reconcile.ItemKind;
import id.loket.reconcile.ReconciliationItem;
import id.loket.reconcile.ReconciliationRun;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Controller of {@code fxml/reconciliation.fxml}: shows the {@link ReconciliationViewModel} and forwards keys and
 * buttons to it. Above, the business days and the run of the chosen one; below, in tabs, the run's items, the
 * deposit check and the sign-off with the reports. A clerk sees the sign-off disabled with the reason, and neither
 * the top-up nor the reconciliation time.
 *
 * <p>Keyboard: the days table takes the arrow keys; Ctrl+R runs the chosen day; Enter presses the focused button;
 * in a note, Ctrl+Enter sends it and Tab leaves it; Ctrl+Tab moves between the tabs.
 *
 * <p>Lifecycle: the view binds to the longer-lived view model while its page is in a scene and lets go when the
 * page is hidden; a run on its way carries on, and shows again when the page is back.
 */
public final class ReconciliationView {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    private static final PseudoClass OPEN = PseudoClass.getPseudoClass("open");
    private static final PseudoClass RESOLVED = PseudoClass.getPseudoClass("resolved");
    private static final KeyCombination RUN = new KeyCodeCombination(KeyCode.R, KeyCombination.CONTROL_DOWN);
    private static final KeyCombination SEND_NOTE = new KeyCodeCombination(KeyCode.ENTER,
            KeyCombination.CONTROL_DOWN);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The style class the window looks for to focus a page opened by its shortcut. */
    private static final String INITIAL_FOCUS = "initial-focus";

    private final ReconciliationViewModel viewModel;
    private final ViewTies ties = new ViewTies();
    private final ValidationSupport validation = new ValidationSupport();
    /** Set while the view moves a table's selection to the view model's, so that it is not sent back. */
    private boolean syncing;

    @FXML
    private ResourceBundle resources;

    @FXML
    private BorderPane page;

    @FXML
    private ProgressIndicator loading;

    @FXML
    private Label loadMessage;

    @FXML
    private TableView<ReconciliationViewModel.DayRow> daysTable;

    @FXML
    private TableColumn<ReconciliationViewModel.DayRow, String> dayColumn;

    @FXML
    private TableColumn<ReconciliationViewModel.DayRow, ReconciliationViewModel.DayRow> statusColumn;

    @FXML
    private TableColumn<ReconciliationViewModel.DayRow, String> matchedColumn;

    @FXML
    private TableColumn<ReconciliationViewModel.DayRow, String> openColumn;

    @FXML
    private TableColumn<ReconciliationViewModel.DayRow, String> signedColumn;

    @FXML
    private Label dayHeading;

    @FXML
    private Label dayInfo;

    @FXML
    private Label lastAttempt;

    @FXML
    private Button runButton;

    @FXML
    private Button cancelButton;

    @FXML
    private HBox progressRow;

    @FXML
    private ProgressBar runProgress;

    @FXML
    private Label runStage;

    @FXML
    private Label runMessage;

    @FXML
    private TabPane tabs;

    @FXML
    private Tab itemsTab;

    @FXML
    private Label filterLabel;

    @FXML
    private ComboBox<ReconciliationViewModel.ItemFilter> filterBox;

    @FXML
    private Label counts;

    @FXML
    private TableView<ReconciliationItem> itemsTable;

    @FXML
    private TableColumn<ReconciliationItem, String> kindColumn;

    @FXML
    private TableColumn<ReconciliationItem, String> refColumn;

    @FXML
    private TableColumn<ReconciliationItem, String> billColumn;

    @FXML
    private TableColumn<ReconciliationItem, String> ledgerColumn;

    @FXML
    private TableColumn<ReconciliationItem, String> gatewayColumn;

    @FXML
    private TableColumn<ReconciliationItem, String> resolutionColumn;

    @FXML
    private Label itemsPlaceholder;

    @FXML
    private Label itemDetail;

    @FXML
    private Label noteLabel;

    @FXML
    private TextArea noteArea;

    @FXML
    private Button resolveButton;

    @FXML
    private Label itemMessage;

    @FXML
    private Label depositNone;

    @FXML
    private GridPane depositGrid;

    @FXML
    private Label openingValue;

    @FXML
    private Label movementsValue;

    @FXML
    private Label expectedValue;

    @FXML
    private Label closingValue;

    @FXML
    private Label differenceValue;

    @FXML
    private Label depositVerdict;

    @FXML
    private Label depositOwnerNote;

    @FXML
    private VBox topUpBox;

    @FXML
    private Label topUpHint;

    @FXML
    private Label topUpAmountLabel;

    @FXML
    private TextField topUpAmountField;

    @FXML
    private Label topUpProblem;

    @FXML
    private Label topUpNoteLabel;

    @FXML
    private TextField topUpNoteField;

    @FXML
    private Button topUpButton;

    @FXML
    private Label topUpMessage;

    @FXML
    private Label signOffHint;

    @FXML
    private Label signOffNoteLabel;

    @FXML
    private TextField signOffNoteField;

    @FXML
    private Button signOffButton;

    @FXML
    private Label signOffMessage;

    @FXML
    private Button printButton;

    @FXML
    private Button saveButton;

    @FXML
    private Button exportButton;

    @FXML
    private Label reportMessage;

    @FXML
    private VBox scheduleBox;

    @FXML
    private Label scheduleLabel;

    @FXML
    private TextField scheduleField;

    @FXML
    private Label scheduleProblem;

    @FXML
    private Label scheduleMessage;

    @FXML
    private Label ownerNote;

    public ReconciliationView(ReconciliationViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    ReconciliationViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        filterLabel.setLabelFor(filterBox);
        noteLabel.setLabelFor(noteArea);
        topUpAmountLabel.setLabelFor(topUpAmountField);
        topUpNoteLabel.setLabelFor(topUpNoteField);
        signOffNoteLabel.setLabelFor(signOffNoteField);
        scheduleLabel.setLabelFor(scheduleField);
        ViewTies.collapseWhenHidden(loading, loadMessage, lastAttempt, progressRow, runProgress, runStage,
                runMessage, itemDetail, itemMessage, depositNone, depositGrid, depositVerdict, depositOwnerNote,
                topUpBox, topUpProblem, topUpMessage, signOffMessage, reportMessage, scheduleBox, scheduleProblem,
                scheduleMessage, ownerNote, cancelButton);

        boolean owner = viewModel.isOwner();
        topUpBox.setVisible(owner);
        scheduleBox.setVisible(owner);
        depositOwnerNote.setVisible(!owner);
        ownerNote.setVisible(!owner);

        setUpDays();
        setUpItems();
        validation.setValidationDecorator(new FieldDecoration());
        validation.registerValidator(noteArea, false, (Control c, String v) -> problem(c,
                viewModel.noteProblem().get()));
        validation.registerValidator(topUpAmountField, false, (Control c, String v) -> problem(c,
                viewModel.topUpProblem().get()));
        validation.registerValidator(scheduleField, false, (Control c, String v) -> problem(c,
                viewModel.scheduleProblem().get()));

        page.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        noteArea.addEventFilter(KeyEvent.KEY_PRESSED, this::onNoteKey);
        daysTable.getStyleClass().add(INITIAL_FOCUS);
        ties.whileInScene(page, this::show);
    }

    // ---- actions ------------------------------------------------------------------------------------------------

    @FXML
    private void runDay() {
        viewModel.runSelectedDay();
    }

    @FXML
    private void cancelRun() {
        viewModel.cancelRun();
    }

    @FXML
    private void resolve() {
        viewModel.resolveSelected();
    }

    @FXML
    private void signOff() {
        if (viewModel.canSignOff().get()) {
            viewModel.signOff();
        }
    }

    @FXML
    private void printReport() {
        viewModel.printReport();
    }

    @FXML
    private void saveReport() {
        viewModel.saveReport();
    }

    @FXML
    private void exportItems() {
        viewModel.exportItems();
    }

    @FXML
    private void topUpAmountEntered() {
        topUpNoteField.requestFocus();
    }

    @FXML
    private void recordTopUp() {
        viewModel.recordTopUp();
    }

    @FXML
    private void saveSchedule() {
        viewModel.saveSchedule();
    }

    /** Enter presses the focused button (JavaFX itself presses buttons with the space bar only); Ctrl+R runs. */
    private void onKey(KeyEvent event) {
        if (RUN.match(event)) {
            viewModel.runSelectedDay();
            event.consume();
            return;
        }
        if (event.getCode() == KeyCode.ENTER && !event.isControlDown() && !event.isAltDown()
                && event.getTarget() instanceof ButtonBase button && !button.isDisabled()) {
            button.fire();
            event.consume();
        }
    }

    /** In the note, Ctrl+Enter sends it and Tab leaves it (a note needs no tab characters). */
    private void onNoteKey(KeyEvent event) {
        if (SEND_NOTE.match(event)) {
            viewModel.resolveSelected();
            event.consume();
        } else if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
            event.consume();
            // The text area's own Ctrl+Tab moves the focus on; Shift keeps its direction.
            noteArea.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, event.isShiftDown(), true,
                    false, false));
        }
    }

    // ---- showing and hiding -------------------------------------------------------------------------------------

    /** The page came into a scene: bind, and let the view model read the days. */
    private void show() {
        ties.bind(noteArea.textProperty(), viewModel.resolveNote());
        ties.bind(signOffNoteField.textProperty(), viewModel.signOffNote());
        ties.bind(topUpAmountField.textProperty(), viewModel.topUpAmount());
        ties.bind(topUpNoteField.textProperty(), viewModel.topUpNote());
        ties.bind(scheduleField.textProperty(), viewModel.scheduleText());
        ties.bind(filterBox.valueProperty(), viewModel.filter());
        // A table whose list is replaced moves its selection on its own, through rows the operator never chose;
        // until the selection is put back (the listeners below, called after the table's own), it is not sent on.
        ties.onListChange(viewModel.days(), change -> syncing = true);
        ties.onListChange(viewModel.items(), change -> syncing = true);
        daysTable.setItems(viewModel.days());
        itemsTable.setItems(viewModel.items());
        ties.onUndo(() -> {
            daysTable.setItems(FXCollections.observableArrayList());
            itemsTable.setItems(FXCollections.observableArrayList());
        });

        ties.onListChange(viewModel.days(), change -> selectDayRow());
        ties.listen(this::selectDayRow, viewModel.selectedDay());
        ties.listen(this::selectItemRow, viewModel.selectedItem());
        ties.listen(this::showDay, viewModel.selected(), viewModel.lastAttempt());
        ties.listen(this::showCounts, viewModel.counts());
        ties.listen(this::showItem, viewModel.selectedItem());
        ties.onListChange(viewModel.items(), change -> showItem());
        ties.listen(this::showRun, viewModel.runStatus().busy(), viewModel.runStatus().message(),
                viewModel.runStatus().isError(), viewModel.progress(), viewModel.cancelling());
        ties.listen(this::showLoad, viewModel.loadStatus().busy(), viewModel.loadStatus().message(),
                viewModel.loadStatus().isError());
        ties.listen(this::showItemStatus, viewModel.itemStatus().busy(), viewModel.itemStatus().message(),
                viewModel.itemStatus().isError(), viewModel.noteProblem());
        ties.listen(this::showSignOff, viewModel.signOffStatus().busy(), viewModel.signOffStatus().message(),
                viewModel.signOffStatus().isError(), viewModel.signOffHint(), viewModel.canSignOff());
        ties.listen(this::showReports, viewModel.reportStatus().busy(), viewModel.reportStatus().message(),
                viewModel.reportStatus().isError(), viewModel.selected());
        ties.listen(this::showTopUp, viewModel.topUpStatus().busy(), viewModel.topUpStatus().message(),
                viewModel.topUpStatus().isError(), viewModel.topUpProblem(), viewModel.selectedDay());
        ties.listen(this::showSchedule, viewModel.scheduleStatus().busy(), viewModel.scheduleStatus().message(),
                viewModel.scheduleStatus().isError(), viewModel.scheduleProblem());
        ties.onUndo(viewModel::deactivate);

        viewModel.activate();
        selectDayRow();
        selectItemRow();
        showDay();
        showCounts();
        showItem();
        showRun();
        showLoad();
        showItemStatus();
        showSignOff();
        showReports();
        showTopUp();
        showSchedule();
        // The tab pane puts its content into the scene only once it has its skin: without this, a page shown for
        // the first time could not be focused by the shell.
        page.applyCss();
    }

    // ---- days and the run ---------------------------------------------------------------------------------------

    private void setUpDays() {
        daysTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        dayColumn.setCellValueFactory(c -> Choices.text(dayName(c.getValue().day())));
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        statusColumn.setCellFactory(c -> new StatusCell());
        matchedColumn.setCellValueFactory(c -> Choices.text(c.getValue().matched().map(this::number).orElse("—")));
        openColumn.setCellValueFactory(c -> Choices.text(c.getValue().run().filter(ReconciliationRun::reconciled).isPresent()
                ? number(c.getValue().open()) : "—"));
        signedColumn.setCellValueFactory(c -> Choices.text(c.getValue().signOff()
                .map(s -> s.operator() + " · " + viewModel.shortTime(s.at())).orElse("")));
        daysTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncing && now != null) {
                viewModel.selectedDay().set(now.day());
            }
        });
    }

    /** Puts the table's selection on the view model's day (a refreshed list loses it). */
    private void selectDayRow() {
        LocalDate day = viewModel.selectedDay().get();
        syncing = true;
        try {
            for (ReconciliationViewModel.DayRow row : daysTable.getItems()) {
                if (row.day().equals(day)) {
                    if (daysTable.getSelectionModel().getSelectedItem() != row) {
                        daysTable.getSelectionModel().select(row);
                        // Keep the row above in sight (today, above yesterday, is where a training day is run).
                        daysTable.scrollTo(Math.max(0, daysTable.getItems().indexOf(row) - 1));
                    }
                    return;
                }
            }
            daysTable.getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
    }

    private void showDay() {
        ReconciliationViewModel.DayRow row = viewModel.selected().get();
        LocalDate day = viewModel.selectedDay().get();
        dayHeading.setText(day == null ? "" : Message.of("reconciliation.day.heading", longDayName(day),
                row == null ? "" : statusName(row.status())).in(resources));
        dayInfo.setText(row == null ? "" : runInfo(row));
        Message attempt = viewModel.lastAttempt().get();
        lastAttempt.setText(attempt.in(resources));
        lastAttempt.setVisible(!attempt.isEmpty());
        showDeposit();
        showItemsPlaceholder(row);
    }

    private String runInfo(ReconciliationViewModel.DayRow row) {
        if (row.run().isEmpty()) {
            return resources.getString("reconciliation.day.never");
        }
        ReconciliationRun run = row.run().get();
        String trigger = resources.getString("reconciliation.trigger." + run.trigger().name());
        String who = run.operator().orElse("—");
        if (!run.reconciled()) {
            return Message.of("reconciliation.day.failedRun", run.id(), viewModel.dayTime(run.finishedAt()), trigger,
                    who, run.failure().orElse("")).in(resources);
        }
        return Message.of("reconciliation.day.run", run.id(), viewModel.dayTime(run.finishedAt()), trigger, who,
                run.matched(), run.gatewayCount(), run.ledgerCount(), run.items(), row.open()).in(resources);
    }

    private void showRun() {
        boolean busy = viewModel.runStatus().busy().get();
        // The focus moves with the keys' owner: Enter on "run" leads to "cancel", and back when the run is over
        // (a disabled or hidden button would drop it somewhere else on the page).
        progressRow.setVisible(busy);
        if (busy) {
            cancelButton.setVisible(true);
            if (runButton.isFocused()) {
                cancelButton.requestFocus();
            }
            runButton.setDisable(true);
        } else {
            runButton.setDisable(false);
            if (cancelButton.isFocused()) {
                runButton.requestFocus();
            }
            cancelButton.setVisible(false);
        }
        cancelButton.setDisable(viewModel.cancelling().get());
        ReconciliationViewModel.RunProgress progress = viewModel.progress().get();
        runProgress.setVisible(busy);
        runProgress.setProgress(progress == null ? ProgressIndicator.INDETERMINATE_PROGRESS
                : progress.fraction() < 0 ? ProgressIndicator.INDETERMINATE_PROGRESS : progress.fraction());
        runStage.setVisible(busy && progress != null);
        runStage.setText(progress == null ? "" : stageText(progress));
        showStatus(runMessage, viewModel.runStatus());
    }

    private String stageText(ReconciliationViewModel.RunProgress progress) {
        if (viewModel.cancelling().get()) {
            return resources.getString("reconciliation.stage.cancelling");
        }
        String key = "reconciliation.stage." + progress.stage();
        if (!resources.containsKey(key)) {
            return progress.stage();
        }
        return progress.total() > 0 && resources.containsKey(key + ".count")
                ? Message.of(key + ".count", progress.done(), progress.total()).in(resources)
                : resources.getString(key);
    }

    private void showLoad() {
        loading.setVisible(viewModel.loadStatus().busy().get());
        showStatus(loadMessage, viewModel.loadStatus());
    }

    // ---- items --------------------------------------------------------------------------------------------------

    private void setUpItems() {
        filterBox.getItems().setAll(viewModel.filterChoices());
        filterBox.setConverter(Choices.converter(this::filterName));
        filterBox.setButtonCell(new Choices.OptionCell<>(filterBox.getConverter()));
        itemsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        kindColumn.setCellValueFactory(c -> Choices.text(kindName(c.getValue().kind())));
        refColumn.setCellValueFactory(c -> Choices.text(c.getValue().clientRef().orElse("—")));
        billColumn.setCellValueFactory(c -> Choices.text(bill(c.getValue())));
        ledgerColumn.setCellValueFactory(c -> Choices.text(c.getValue().ledgerAmount().map(this::money).orElse("—")));
        gatewayColumn.setCellValueFactory(c -> Choices.text(c.getValue().gatewayAmount().map(this::money).orElse("—")));
        resolutionColumn.setCellValueFactory(c -> Choices.text(resolutionText(c.getValue())));
        itemsTable.setRowFactory(t -> new ItemRow());
        itemsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncing) {
                viewModel.selectedItem().set(now);
            }
        });
    }

    private void selectItemRow() {
        ReconciliationItem item = viewModel.selectedItem().get();
        syncing = true;
        try {
            if (Objects.equals(itemsTable.getSelectionModel().getSelectedItem(), item)) {
                return;
            }
            if (item == null || !itemsTable.getItems().contains(item)) {
                itemsTable.getSelectionModel().clearSelection();
                if (item != null) {
                    // Filtered out (or read again without it): nothing is chosen that the operator cannot see.
                    viewModel.selectedItem().set(null);
                }
            } else {
                itemsTable.getSelectionModel().select(item);
                itemsTable.scrollTo(item);
            }
        } finally {
            syncing = false;
        }
    }

    private void showItemsPlaceholder(ReconciliationViewModel.DayRow row) {
        String key = row == null || row.run().isEmpty() ? "reconciliation.items.noRun"
                : !row.run().get().reconciled() ? "reconciliation.items.failedRun"
                : "reconciliation.items.none";
        itemsPlaceholder.setText(resources.getString(key));
    }

    private void showCounts() {
        Map<ItemKind, Long> byKind = viewModel.counts().get();
        counts.setText(byKind.entrySet().stream()
                .filter(e -> e.getValue() > 0 || e.getKey() == ItemKind.MATCHED)
                .map(e -> kindName(e.getKey()) + " " + number(e.getValue()))
                .collect(Collectors.joining(" · ")));
    }

    private void showItem() {
        selectItemRow();
        ReconciliationItem item = viewModel.selectedItem().get();
        if (item == null) {
            itemDetail.setVisible(false);
            itemDetail.setText("");
        } else {
            String detail = Message.of("reconciliation.item.detail", item.lineNo(), kindName(item.kind()),
                    item.detail()).in(resources);
            if (item.ledgerStatus().isPresent() || item.gatewayStatus().isPresent()) {
                detail += "\n" + Message.of("reconciliation.item.states", state(item.ledgerStatus()),
                        state(item.gatewayStatus())).in(resources);
            }
            if (item.resolution().isPresent()) {
                detail += "\n" + Message.of("reconciliation.item.resolution", item.resolution().get().operator(),
                        viewModel.dayTime(item.resolution().get().at()), item.resolution().get().note()).in(resources);
            } else if (!item.kind().needsReview()) {
                detail += "\n" + resources.getString("reconciliation.item.informational");
            }
            itemDetail.setText(detail);
            itemDetail.setVisible(true);
        }
        showItemStatus();
    }

    private void showItemStatus() {
        ReconciliationItem item = viewModel.selectedItem().get();
        boolean busy = viewModel.itemStatus().busy().get();
        resolveButton.setDisable(busy || item == null || !item.isOpen());
        showStatus(itemMessage, viewModel.itemStatus());
        validation.revalidate(noteArea);
    }

    // ---- deposit ------------------------------------------------------------------------------------------------

    private void showDeposit() {
        Optional<BalanceCheck> check = viewModel.balance();
        depositNone.setVisible(check.isEmpty());
        depositGrid.setVisible(check.isPresent());
        depositVerdict.setVisible(check.isPresent());
        if (check.isEmpty()) {
            return;
        }
        BalanceCheck b = check.get();
        openingValue.setText(money(b.opening()));
        movementsValue.setText(money(b.movements()));
        expectedValue.setText(money(b.expectedClosing()));
        closingValue.setText(money(b.closing()));
        differenceValue.setText(money(b.difference()));
        long gap = (b.difference().isNegative() ? b.difference().negate() : b.difference()).rupiah();
        depositVerdict.setText(b.ok() ? resources.getString("reconciliation.deposit.ok")
                : Message.of(b.difference().isPositive() ? "reconciliation.deposit.more"
                        : "reconciliation.deposit.less", gap).in(resources));
        depositVerdict.pseudoClassStateChanged(OK, b.ok());
        depositVerdict.pseudoClassStateChanged(ERROR, !b.ok());
        differenceValue.pseudoClassStateChanged(OK, b.ok());
        differenceValue.pseudoClassStateChanged(ERROR, !b.ok());
    }

    private void showTopUp() {
        LocalDate day = viewModel.selectedDay().get();
        topUpHint.setText(day == null ? "" : Message.of("reconciliation.topUp.hint", longDayName(day))
                .in(resources));
        Message problem = viewModel.topUpProblem().get();
        topUpProblem.setText(problem.in(resources));
        topUpProblem.setVisible(!problem.isEmpty());
        validation.revalidate(topUpAmountField);
        topUpButton.setDisable(day == null);
        showStatus(topUpMessage, viewModel.topUpStatus());
    }

    // ---- sign-off, reports, schedule ----------------------------------------------------------------------------

    private void showSignOff() {
        Message hint = viewModel.signOffHint().get();
        signOffHint.setText(hint.in(resources));
        signOffButton.setDisable(!viewModel.canSignOff().get());
        signOffNoteField.setDisable(!viewModel.isOwner());
        showStatus(signOffMessage, viewModel.signOffStatus());
    }

    private void showReports() {
        ReconciliationViewModel.DayRow row = viewModel.selected().get();
        // Not disabled while a report is on its way (the view model ignores a second press): a disabled button
        // would drop the focus.
        boolean none = row == null || row.run().isEmpty();
        printButton.setDisable(none);
        saveButton.setDisable(none);
        exportButton.setDisable(none);
        showStatus(reportMessage, viewModel.reportStatus());
    }

    private void showSchedule() {
        Message problem = viewModel.scheduleProblem().get();
        scheduleProblem.setText(problem.in(resources));
        scheduleProblem.setVisible(!problem.isEmpty());
        validation.revalidate(scheduleField);
        showStatus(scheduleMessage, viewModel.scheduleStatus());
    }

    // ---- words --------------------------------------------------------------------------------------------------

    private String statusName(DayStatus status) {
        return resources.getString("reconciliation.status." + status.name());
    }

    private String kindName(ItemKind kind) {
        return resources.getString("reconciliation.kind." + kind.name());
    }

    private String filterName(ReconciliationViewModel.ItemFilter filter) {
        if (filter == null || filter.equals(ReconciliationViewModel.ItemFilter.ALL)) {
            return resources.getString("reconciliation.filter.all");
        }
        if (filter.openOnly()) {
            return resources.getString("reconciliation.filter.open");
        }
        return filter.kind().map(this::kindName).orElse("");
    }

    /** "Sen 23/11/2026", today and yesterday said so. */
    private String dayName(LocalDate day) {
        LocalDate today = viewModel.today();
        if (day.equals(today)) {
            return Message.of("reconciliation.day.today", DAY.format(day)).in(resources);
        }
        if (day.equals(today.minusDays(1))) {
            return Message.of("reconciliation.day.yesterday", DAY.format(day)).in(resources);
        }
        return day.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale()) + " " + DAY.format(day);
    }

    private String longDayName(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.FULL, locale()) + ", " + DAY.format(day);
    }

    private String bill(ReconciliationItem item) {
        String biller = item.biller().orElse("");
        String reference = item.reference().orElse("");
        return biller.isEmpty() || reference.isEmpty() ? biller + reference : biller + " · " + reference;
    }

    private String state(Optional<String> status) {
        if (status.isEmpty()) {
            return "—";
        }
        String key = "reconciliation.itemState." + status.get();
        return resources.containsKey(key) ? resources.getString(key) : status.get();
    }

    private String resolutionText(ReconciliationItem item) {
        if (item.resolution().isPresent()) {
            return Message.of("reconciliation.item.resolvedBy", item.resolution().get().operator()).in(resources);
        }
        return item.isOpen() ? resources.getString("reconciliation.item.open") : "";
    }

    private String money(Money amount) {
        return amount.format(locale());
    }

    private String number(long n) {
        return Bundles.format(resources, locale(), "reconciliation.number", n);
    }

    private Locale locale() {
        return resources.getLocale();
    }

    // ---- common -------------------------------------------------------------------------------------------------

    private void showStatus(Label label, ActionStatus status) {
        Message text = status.message().get();
        label.setText(text.in(resources));
        label.setVisible(!text.isEmpty());
        label.pseudoClassStateChanged(ERROR, status.isError().get());
    }

    private ValidationResult problem(Control control, Message problem) {
        return ValidationResult.fromErrorIf(control, problem.in(resources), !problem.isEmpty());
    }




    /** A day's status in words, coloured by where it stands. */
    private final class StatusCell extends TableCell<ReconciliationViewModel.DayRow, ReconciliationViewModel.DayRow> {

        @Override
        protected void updateItem(ReconciliationViewModel.DayRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeIf(s -> s.startsWith("recon-status-"));
            if (empty || row == null) {
                setText(null);
                return;
            }
            setText(statusName(row.status()));
            getStyleClass().add("recon-status-" + row.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }

    /** An item's row: open ones stand out, resolved ones are quiet. */
    private static final class ItemRow extends TableRow<ReconciliationItem> {

        @Override
        protected void updateItem(ReconciliationItem item, boolean empty) {
            super.updateItem(item, empty);
            pseudoClassStateChanged(OPEN, !empty && item != null && item.isOpen());
            pseudoClassStateChanged(RESOLVED, !empty && item != null && item.resolution().isPresent());
        }
    }
}
