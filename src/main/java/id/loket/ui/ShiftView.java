package id.loket.ui;

import id.loket.core.Money;
import id.loket.shift.Shift;
import id.loket.shift.ShiftRecap;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Controller of {@code fxml/shift.fxml}: shows the {@link ShiftViewModel} and forwards the clerk's keys to it
 * (Enter in the float field opens the shift; Enter in the counted field asks, a second Enter closes; Esc takes the
 * question back).
 *
 * <p>Lifecycle: the view binds to the longer-lived view model while its page is in a scene and lets go when the
 * page is hidden (another section, or the window rebuilt for a new language), so a thrown-away view leaves no
 * listener behind. Showing the page reads the shift again.
 *
 * <p>Focus: the field the clerk needs carries the style class {@code initial-focus}, which the window focuses when
 * the section's shortcut is pressed; once the clerk works on the page, the focus follows from form to form (the
 * float, then the count, then the next float). Showing the page does not take the focus from the navigation, so
 * the arrow keys can walk past it.
 */
public final class ShiftView {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass OVER = PseudoClass.getPseudoClass("over");
    private static final PseudoClass SHORT = PseudoClass.getPseudoClass("short");
    private static final PseudoClass EXACT = PseudoClass.getPseudoClass("exact");
    /** The style class the window looks for to focus a page opened by its shortcut. */
    private static final String INITIAL_FOCUS = "initial-focus";

    private final ShiftViewModel viewModel;
    private final ViewTies ties = new ViewTies();
    private final ValidationSupport validation = new ValidationSupport();

    @FXML
    private ResourceBundle resources;

    @FXML
    private VBox page;

    @FXML
    private ProgressIndicator progress;

    @FXML
    private Label message;

    @FXML
    private Label loading;

    @FXML
    private VBox closedCard;

    @FXML
    private Label closedHeading;

    @FXML
    private Label finalExpected;

    @FXML
    private Label finalCounted;

    @FXML
    private Label finalDifference;

    @FXML
    private VBox shiftCard;

    @FXML
    private Label shiftHeading;

    @FXML
    private Label shiftSince;

    @FXML
    private VBox closeForm;

    @FXML
    private Label countedLabel;

    @FXML
    private TextField countedField;

    @FXML
    private Button closeButton;

    @FXML
    private Label countedError;

    @FXML
    private Label previewExpected;

    @FXML
    private Label previewCounted;

    @FXML
    private Label previewDifference;

    @FXML
    private Label confirmation;

    @FXML
    private VBox openForm;

    @FXML
    private Label floatLabel;

    @FXML
    private TextField floatField;

    @FXML
    private Button openButton;

    @FXML
    private Label floatError;

    @FXML
    private VBox recapCard;

    @FXML
    private Label recapHeading;

    @FXML
    private Label openingFloatValue;

    @FXML
    private Label cashInValue;

    @FXML
    private Label cashOutValue;

    @FXML
    private Label expectedValue;

    @FXML
    private Label refundsDue;

    @FXML
    private Label succeededCount;

    @FXML
    private Label failedCount;

    @FXML
    private Label suspectCount;

    @FXML
    private VBox byMethod;

    @FXML
    private VBox byBiller;

    @FXML
    private VBox openItemsBox;

    @FXML
    private Label openItemsHeading;

    @FXML
    private Label openItems;

    public ShiftView(ShiftViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    ShiftViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        countedLabel.setLabelFor(countedField);
        floatLabel.setLabelFor(floatField);
        ViewTies.collapseWhenHidden(progress, message, loading, closedCard, shiftCard, closeForm, openForm, recapCard,
                refundsDue, openItemsBox, countedError, floatError, confirmation);
        validation.setValidationDecorator(new FieldDecoration());
        validation.registerValidator(floatField, false, (control, value) -> problemResult(control,
                viewModel.openingFloatProblem().get()));
        validation.registerValidator(countedField, false, (control, value) -> problemResult(control,
                viewModel.countedProblem().get()));
        page.addEventFilter(KeyEvent.KEY_PRESSED, this::escapeTakesTheQuestionBack);
        ties.whileInScene(page, this::show);
    }

    @FXML
    private void openShift() {
        viewModel.openShift();
    }

    @FXML
    private void submitClose() {
        viewModel.submitClose();
    }

    private void escapeTakesTheQuestionBack(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE && viewModel.confirming().get()) {
            viewModel.cancelClose();
            event.consume();
        }
    }

    /** The page came into a scene: bind, read the shift again, and put the focus where the clerk types. */
    private void show() {
        ties.bind(floatField.textProperty(), viewModel.openingFloatText());
        ties.bind(countedField.textProperty(), viewModel.countedText());
        ties.listen(this::showMode, viewModel.mode());
        ties.listen(this::showBusy, viewModel.busy());
        ties.listen(this::showMessage, viewModel.message(), viewModel.messageIsError());
        ties.listen(this::showShift, viewModel.shift());
        ties.listen(this::showRecap, viewModel.recap());
        ties.listen(this::showPreview, viewModel.counted(), viewModel.difference(), viewModel.recap());
        ties.listen(this::showConfirmation, viewModel.confirmation());
        ties.listen(this::showProblems, viewModel.openingFloatProblem(), viewModel.countedProblem());
        listLines(byMethod, viewModel.byMethod());
        listLines(byBiller, viewModel.byBiller());
        ties.onListChange(viewModel.openItems(), change -> showOpenItems());
        ties.listen(() -> {
            markInitialFocus();
            followWithTheFocus();
        }, viewModel.mode());
        ties.onUndo(viewModel::deactivate);

        viewModel.activate();
        showMode();
        showBusy();
        showMessage();
        showShift();
        showRecap();
        showPreview();
        showConfirmation();
        showProblems();
        showOpenItems();
        markInitialFocus();
        // The fields are inside a scroll pane, which puts its content into the scene only once it has its skin:
        // without this, a page shown for the first time could not take the focus (nor be found by the shell).
        page.applyCss();
        followWithTheFocus();
    }

    private void showMode() {
        ShiftViewModel.Mode mode = viewModel.mode().get();
        loading.setVisible(mode == ShiftViewModel.Mode.LOADING);
        closedCard.setVisible(mode == ShiftViewModel.Mode.CLOSED);
        shiftCard.setVisible(mode == ShiftViewModel.Mode.OPEN);
        closeForm.setVisible(mode == ShiftViewModel.Mode.OPEN);
        openForm.setVisible(mode == ShiftViewModel.Mode.NO_SHIFT || mode == ShiftViewModel.Mode.CLOSED);
        showRecap();
    }

    private void showBusy() {
        boolean busy = viewModel.busy().get();
        progress.setVisible(busy);
        openButton.setDisable(busy);
        closeButton.setDisable(busy);
        // Not disabled: a disabled field loses the focus, and the clerk's next keys would go elsewhere.
        floatField.setEditable(!busy);
        countedField.setEditable(!busy);
    }

    private void showMessage() {
        Message text = viewModel.message().get();
        message.setText(text.in(resources));
        message.setVisible(!text.isEmpty());
        message.pseudoClassStateChanged(ERROR, viewModel.messageIsError().get());
    }

    private void showShift() {
        Shift shift = viewModel.shift().get();
        if (shift == null) {
            shiftHeading.setText("");
            shiftSince.setText("");
            return;
        }
        ZonedDateTime opened = viewModel.localTime(shift.openedAt());
        shiftHeading.setText(Message.of("shift.info.heading", shift.id()).in(resources));
        shiftSince.setText(Message.of("shift.info.since", shift.clerk(), date(opened), time(opened)).in(resources));
    }

    private void showRecap() {
        ShiftRecap recap = viewModel.recap().get();
        ShiftViewModel.Mode mode = viewModel.mode().get();
        recapCard.setVisible(recap != null
                && (mode == ShiftViewModel.Mode.OPEN || mode == ShiftViewModel.Mode.CLOSED));
        if (recap == null) {
            return;
        }
        recapHeading.setText(Message.of(recap.isClosed() ? "shift.recap.heading.closed" : "shift.recap.heading.open",
                recap.shiftId()).in(resources));
        openingFloatValue.setText(money(recap.openingFloat()));
        cashInValue.setText(money(recap.cashIn()));
        cashOutValue.setText(money(recap.cashOut()));
        expectedValue.setText(money(recap.expected()));
        refundsDue.setVisible(recap.cashRefundsDue().isPositive());
        refundsDue.setText(Message.of("shift.recap.refundsDue", money(recap.cashRefundsDue())).in(resources));
        succeededCount.setText(Message.of("shift.recap.succeeded", recap.succeeded()).in(resources));
        failedCount.setText(Message.of("shift.recap.failed", recap.failed()).in(resources));
        suspectCount.setText(Message.of("shift.recap.suspect", recap.suspect()).in(resources));
        if (recap.isClosed()) {
            closedHeading.setText(Message.of("shift.final.heading", recap.shiftId(),
                    recap.closedAt().map(at -> time(viewModel.localTime(at))).orElse("")).in(resources));
            finalExpected.setText(money(recap.expected()));
            finalCounted.setText(recap.counted().map(this::money).orElse(""));
            showDifference(finalDifference, recap.difference().orElse(null));
        }
    }

    private void showPreview() {
        ShiftRecap recap = viewModel.recap().get();
        previewExpected.setText(recap == null ? "" : money(recap.expected()));
        Money counted = viewModel.counted().get();
        previewCounted.setText(counted == null ? resources.getString("shift.preview.nothing") : money(counted));
        showDifference(previewDifference, viewModel.difference().get());
    }

    private void showDifference(Label label, Money difference) {
        ShiftViewModel.Balance balance = difference == null ? null : ShiftViewModel.Balance.of(difference);
        label.pseudoClassStateChanged(OVER, balance == ShiftViewModel.Balance.OVER);
        label.pseudoClassStateChanged(SHORT, balance == ShiftViewModel.Balance.SHORT);
        label.pseudoClassStateChanged(EXACT, balance == ShiftViewModel.Balance.EXACT);
        if (balance == null) {
            label.setText(resources.getString("shift.preview.nothing"));
            return;
        }
        label.setText(switch (balance) {
            case OVER -> Message.of("shift.balance.over", money(difference)).in(resources);
            case SHORT -> Message.of("shift.balance.short", money(difference.negate())).in(resources);
            case EXACT -> resources.getString("shift.balance.exact");
        });
    }

    private void showConfirmation() {
        Message question = viewModel.confirmation().get();
        confirmation.setText(question.in(resources));
        confirmation.setVisible(!question.isEmpty());
    }

    private void showProblems() {
        showProblem(floatField, floatError, viewModel.openingFloatProblem().get());
        showProblem(countedField, countedError, viewModel.countedProblem().get());
    }

    private void showProblem(TextField field, Label label, Message problem) {
        label.setText(problem.in(resources));
        label.setVisible(!problem.isEmpty());
        validation.revalidate(field);
    }

    private ValidationResult problemResult(Control control, Message problem) {
        return ValidationResult.fromErrorIf(control, problem.in(resources), !problem.isEmpty());
    }

    private void showOpenItems() {
        ObservableList<String> refs = viewModel.openItems();
        openItemsBox.setVisible(!refs.isEmpty());
        openItemsHeading.setText(Message.of("shift.openItems.heading", refs.size()).in(resources));
        openItems.setText(String.join("\n", refs));
    }

    private void listLines(VBox box, ObservableList<ShiftViewModel.RecapLine> lines) {
        Runnable fill = () -> {
            box.getChildren().clear();
            if (lines.isEmpty()) {
                Label none = new Label(resources.getString("shift.recap.none"));
                none.getStyleClass().add("shift-muted");
                box.getChildren().add(none);
            }
            for (ShiftViewModel.RecapLine line : lines) {
                box.getChildren().add(line(line));
            }
        };
        ties.onListChange(lines, change -> fill.run());
        fill.run();
    }

    private HBox line(ShiftViewModel.RecapLine line) {
        Label name = new Label(line.label().in(resources));
        name.getStyleClass().add("shift-line-name");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label count = new Label(Message.of("shift.recap.count", line.count()).in(resources));
        count.getStyleClass().add("shift-line-count");
        Label total = new Label(money(line.total()));
        total.getStyleClass().addAll("shift-amount", "shift-line-total");
        HBox row = new HBox(name, gap, count, total);
        row.getStyleClass().add("shift-line");
        return row;
    }

    /**
     * Marks the node the clerk starts on for the shell, which focuses the page's {@code initial-focus} node when the
     * section's shortcut (Ctrl+3) is pressed: the float field without a shift, the counted field with one, and the
     * page itself while the shift is being read (the focus then follows to the form, see below).
     */
    private void markInitialFocus() {
        Node start = switch (viewModel.mode().get()) {
            case OPEN -> countedField;
            case NO_SHIFT, CLOSED -> floatField;
            case LOADING -> page;
        };
        for (Node n : new Node[] {page, floatField, countedField}) {
            n.getStyleClass().remove(INITIAL_FOCUS);
        }
        start.getStyleClass().add(INITIAL_FOCUS);
    }

    /**
     * Moves the focus to the page's starting node when the focus is on this page (a form the clerk just used gave
     * way to the next: opened, so the count; closed, so the next float) or nowhere. Never when it is elsewhere: the
     * clerk browsing the sections with the arrow keys keeps the navigation, and a change found in the background
     * never pulls them off what they are doing.
     */
    private void followWithTheFocus() {
        Scene scene = page.getScene();
        if (scene == null) {
            return;
        }
        Node focused = scene.getFocusOwner();
        if (focused != null && !ViewTies.isInside(focused, page)) {
            return;
        }
        Node start = page.lookup("." + INITIAL_FOCUS);
        if (start != null && start != scene.getFocusOwner()) {
            start.requestFocus();
        }
    }

    private String money(Money amount) {
        return amount.format(locale());
    }

    private String date(ZonedDateTime at) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(at);
    }

    private static String time(ZonedDateTime at) {
        return DateTimeFormatter.ofPattern("HH:mm").format(at);
    }

    private Locale locale() {
        return resources.getLocale();
    }
}
