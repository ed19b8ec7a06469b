package id.loket.ui;

import id.loket.core.Biller;
import id.loket.customers.Customer;
import id.loket.customers.CustomerStatus;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;

/**
 * Controller of {@code fxml/customers.fxml}: shows the {@link CustomersViewModel} and turns the clerk's keys into its
 * calls. Keyboard first: Ctrl+4 lands in the search ({@code initial-focus}); Down or Enter goes into the table, Enter
 * on a row to the customer's code (unverified) or references (verified); Ctrl+N is the registration form, where Enter
 * walks name → NIK → phone and Enter in the phone (or email, address) saves, as does Ctrl+S; Enter in the code field
 * verifies and Ctrl+R sends a new code; Enter in the reference fields adds the reference; Ctrl+F is the search again.
 *
 * <p>Lifecycle as the other pages: bound to the longer-lived view model while the page is in a scene, let go when it
 * is hidden (another section, or the window rebuilt for a new language). Showing the page never takes the focus from
 * the navigation; the focus follows the clerk's work only while it is on this page.
 */
public final class CustomersView {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass VERIFIED = PseudoClass.getPseudoClass("verified");
    private static final PseudoClass UNVERIFIED = PseudoClass.getPseudoClass("unverified");
    private static final KeyCombination CTRL_F = new KeyCodeCombination(KeyCode.F, KeyCombination.CONTROL_DOWN);
    private static final KeyCombination CTRL_N = new KeyCodeCombination(KeyCode.N, KeyCombination.CONTROL_DOWN);
    private static final KeyCombination CTRL_R = new KeyCodeCombination(KeyCode.R, KeyCombination.CONTROL_DOWN);
    private static final KeyCombination CTRL_S = new KeyCodeCombination(KeyCode.S, KeyCombination.CONTROL_DOWN);

    private final CustomersViewModel viewModel;
    private final ViewTies ties = new ViewTies();
    private final ValidationSupport validation = new ValidationSupport();
    /** Set while the table's selection is put in line with the view model, so that it is not sent back. */
    private boolean syncingSelection;

    @FXML
    private ResourceBundle resources;

    @FXML
    private VBox page;

    @FXML
    private ProgressIndicator progress;

    @FXML
    private Label message;

    @FXML
    private Label searchLabel;

    @FXML
    private TextField searchField;

    @FXML
    private TableView<CustomersViewModel.Row> table;

    @FXML
    private TableColumn<CustomersViewModel.Row, String> nameColumn;

    @FXML
    private TableColumn<CustomersViewModel.Row, String> phoneColumn;

    @FXML
    private TableColumn<CustomersViewModel.Row, String> nikColumn;

    @FXML
    private TableColumn<CustomersViewModel.Row, CustomerStatus> statusColumn;

    @FXML
    private Label searchProblem;

    @FXML
    private VBox registerCard;

    @FXML
    private Label nameLabel;

    @FXML
    private TextField nameField;

    @FXML
    private Label nikLabel;

    @FXML
    private TextField nikField;

    @FXML
    private Label nikError;

    @FXML
    private Label phoneLabel;

    @FXML
    private TextField phoneField;

    @FXML
    private Label phoneError;

    @FXML
    private Label emailLabel;

    @FXML
    private TextField emailField;

    @FXML
    private Label addressLabel;

    @FXML
    private TextField addressField;

    @FXML
    private Button registerButton;

    @FXML
    private Label chosenNone;

    @FXML
    private VBox chosenBox;

    @FXML
    private Label chosenName;

    @FXML
    private Label chosenStatus;

    @FXML
    private Label chosenDetails;

    @FXML
    private VBox verifyBox;

    @FXML
    private Label otpInfo;

    @FXML
    private Label sandboxCode;

    @FXML
    private Label codeLabel;

    @FXML
    private TextField codeField;

    @FXML
    private Button verifyButton;

    @FXML
    private Button resendButton;

    @FXML
    private VBox referencesBox;

    @FXML
    private VBox referenceLines;

    @FXML
    private Label catalogProblem;

    @FXML
    private Label billerLabel;

    @FXML
    private ComboBox<Biller> billerChoice;

    @FXML
    private Label referenceLabel;

    @FXML
    private TextField referenceField;

    @FXML
    private Label labelLabel;

    @FXML
    private TextField labelField;

    @FXML
    private Label referenceError;

    @FXML
    private Button addReferenceButton;

    public CustomersView(CustomersViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    CustomersViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        searchLabel.setLabelFor(searchField);
        nameLabel.setLabelFor(nameField);
        nikLabel.setLabelFor(nikField);
        phoneLabel.setLabelFor(phoneField);
        emailLabel.setLabelFor(emailField);
        addressLabel.setLabelFor(addressField);
        codeLabel.setLabelFor(codeField);
        billerLabel.setLabelFor(billerChoice);
        referenceLabel.setLabelFor(referenceField);
        labelLabel.setLabelFor(labelField);
        ViewTies.collapseWhenHidden(progress, message, searchProblem, nikError, phoneError, chosenNone, chosenBox,
                verifyBox, otpInfo, sandboxCode, catalogProblem, referenceError);
        setUpTable();
        setUpBillerChoice();
        validation.setValidationDecorator(new FieldDecoration());
        validation.registerValidator(nikField, false, (control, value) -> problemResult(control,
                viewModel.nikProblem().get()));
        validation.registerValidator(phoneField, false, (control, value) -> problemResult(control,
                viewModel.phoneProblem().get()));
        validation.registerValidator(referenceField, false, (control, value) -> problemResult(control,
                viewModel.referenceProblem().get()));

        searchField.addEventFilter(KeyEvent.KEY_PRESSED, this::searchKeys);
        searchField.setOnAction(e -> intoTable());
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::tableKeys);
        nameField.setOnAction(e -> nikField.requestFocus());
        nikField.setOnAction(e -> phoneField.requestFocus());
        phoneField.setOnAction(e -> register());
        emailField.setOnAction(e -> register());
        addressField.setOnAction(e -> register());
        billerChoice.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !billerChoice.isShowing()) {
                referenceField.requestFocus();
                e.consume();
            }
        });
        page.addEventFilter(KeyEvent.KEY_PRESSED, this::pageKeys);
        ties.whileInScene(page, this::show);
    }

    @FXML
    private void register() {
        viewModel.register();
    }

    @FXML
    private void verify() {
        viewModel.verify();
    }

    @FXML
    private void sendCode() {
        viewModel.sendCode();
    }

    @FXML
    private void addReference() {
        viewModel.addReference();
    }

    // ---- keys --------------------------------------------------------------------------------------------------

    private void pageKeys(KeyEvent e) {
        if (CTRL_F.match(e)) {
            searchField.requestFocus();
            searchField.selectAll();
        } else if (CTRL_N.match(e)) {
            nameField.requestFocus();
        } else if (CTRL_R.match(e)) {
            viewModel.sendCode();
        } else if (CTRL_S.match(e) && inRegisterCard(e)) {
            viewModel.register();
        } else {
            return;
        }
        e.consume();
    }

    private boolean inRegisterCard(KeyEvent e) {
        return e.getTarget() instanceof Node target && ViewTies.isInside(target, registerCard);
    }

    private void searchKeys(KeyEvent e) {
        if (e.getCode() == KeyCode.DOWN) {
            intoTable();
            e.consume();
        }
    }

    private void tableKeys(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            CustomersViewModel.Row row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                viewModel.select(row);
                (row.customer().isVerified() ? billerChoice : codeField).requestFocus();
            }
            e.consume();
        } else if (e.getCode() == KeyCode.UP && table.getSelectionModel().getSelectedIndex() <= 0) {
            searchField.requestFocus();
            e.consume();
        }
    }

    /** From the search into the table, on the chosen customer if found, else the first. */
    private void intoTable() {
        if (table.getItems() == null || table.getItems().isEmpty()) {
            return;
        }
        if (table.getSelectionModel().getSelectedIndex() < 0) {
            table.getSelectionModel().select(0);
        }
        table.requestFocus();
        table.getFocusModel().focus(table.getSelectionModel().getSelectedIndex());
    }

    // ---- showing -----------------------------------------------------------------------------------------------

    private void show() {
        ties.bind(searchField.textProperty(), viewModel.searchText());
        ties.bind(nameField.textProperty(), viewModel.name());
        ties.bind(nikField.textProperty(), viewModel.nik());
        ties.bind(phoneField.textProperty(), viewModel.phone());
        ties.bind(emailField.textProperty(), viewModel.email());
        ties.bind(addressField.textProperty(), viewModel.address());
        ties.bind(codeField.textProperty(), viewModel.code());
        ties.bind(referenceField.textProperty(), viewModel.referenceText());
        ties.bind(labelField.textProperty(), viewModel.referenceLabel());
        ties.bind(billerChoice.valueProperty(), viewModel.referenceBiller());
        billerChoice.setItems(viewModel.billers());
        ties.onUndo(() -> billerChoice.setItems(null));

        table.setItems(viewModel.results());
        ties.onUndo(() -> table.setItems(null));
        ties.onChange(table.getSelectionModel().selectedItemProperty(), (obs, old, now) -> {
            if (!syncingSelection && now != null) {
                viewModel.select(now);
            }
        });
        ties.onListChange(viewModel.results(), change -> selectChosenRow());

        ties.listen(this::showBusy, viewModel.busy(), viewModel.searching());
        ties.listen(this::showMessage, viewModel.message(), viewModel.messageIsError());
        ties.listen(this::showSearchProblem, viewModel.searchProblem());
        ties.listen(this::showProblems, viewModel.nikProblem(), viewModel.phoneProblem(), viewModel.referenceProblem(),
                viewModel.catalogProblem());
        ties.listen(this::showChosen, viewModel.selected(), viewModel.selectedNik());
        ties.listen(this::selectChosenRow, viewModel.selected());
        ties.listen(this::showCode, viewModel.otpInfo(), viewModel.sandboxCode());
        ties.onListChange(viewModel.references(), change -> showReferences());

        ties.onChange(viewModel.otpSent(), (obs, old, now) -> {
            if (now != null) {
                follow(codeField);
            }
        });
        ties.onChange(viewModel.selected(), (obs, old, now) -> {
            if (old != null && now != null && old.id() == now.id() && !old.isVerified() && now.isVerified()) {
                follow(billerChoice);
            }
        });
        ties.onChange(viewModel.refusedField(), (obs, old, now) -> {
            if (now != null) {
                follow(switch (now) {
                    case NAME -> nameField;
                    case NIK -> nikField;
                    case PHONE -> phoneField;
                });
            }
        });
        ties.onUndo(viewModel::deactivate);

        viewModel.activate();
        showBusy();
        showMessage();
        showSearchProblem();
        showProblems();
        showChosen();
        showCode();
        showReferences();
        selectChosenRow();
        // The cards are inside a scroll pane, which puts its content into the scene only once it has its skin.
        page.applyCss();
    }

    private void setUpTable() {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label(resources.getString("customers.table.empty")));
        nameColumn.setCellValueFactory(c -> constant(c.getValue().customer().name()));
        phoneColumn.setCellValueFactory(c -> constant(c.getValue().customer().phone().local()));
        nikColumn.setCellValueFactory(c -> constant(c.getValue().nikShown()));
        nikColumn.getStyleClass().add("customers-nik");
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().customer().status())
                .getReadOnlyProperty());
        statusColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(CustomerStatus status, boolean empty) {
                super.updateItem(status, empty);
                getStyleClass().remove("customers-status");
                pseudoClassStateChanged(VERIFIED, false);
                pseudoClassStateChanged(UNVERIFIED, false);
                if (empty || status == null) {
                    setText(null);
                    return;
                }
                setText(resources.getString("customers.status." + status.name()));
                getStyleClass().add("customers-status");
                pseudoClassStateChanged(status == CustomerStatus.VERIFIED ? VERIFIED : UNVERIFIED, true);
            }
        });
    }

    private void setUpBillerChoice() {
        billerChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Biller biller) {
                return biller == null ? "" : biller.name() + " (" + biller.code() + ")";
            }

            @Override
            public Biller fromString(String text) {
                return null;
            }
        });
        // Type the first letters of a biller to pick it, as in the counter's biller search.
        StringBuilder typed = new StringBuilder();
        long[] lastKey = {0};
        billerChoice.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (ch == null || ch.isBlank() || Character.isISOControl(ch.charAt(0))) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastKey[0] > 1_000_000_000L) {
                typed.setLength(0);
            }
            lastKey[0] = now;
            typed.append(ch.toLowerCase(Locale.ROOT));
            String prefix = typed.toString();
            for (Biller b : billerChoice.getItems()) {
                if (b.name().toLowerCase(Locale.ROOT).startsWith(prefix)
                        || b.code().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    billerChoice.setValue(b);
                    break;
                }
            }
            e.consume();
        });
    }

    private void showBusy() {
        boolean busy = viewModel.busy().get();
        progress.setVisible(busy || viewModel.searching().get());
        registerButton.setDisable(busy);
        verifyButton.setDisable(busy);
        resendButton.setDisable(busy);
        addReferenceButton.setDisable(busy);
        // Not disabled: a disabled field loses the focus, and the clerk's next keys would go elsewhere.
        for (TextField field : new TextField[] {nameField, nikField, phoneField, emailField, addressField, codeField,
            referenceField, labelField}) {
            field.setEditable(!busy);
        }
    }

    private void showMessage() {
        Message text = viewModel.message().get();
        message.setText(text.in(resources));
        message.setVisible(!text.isEmpty());
        message.pseudoClassStateChanged(ERROR, viewModel.messageIsError().get());
    }

    private void showSearchProblem() {
        Message problem = viewModel.searchProblem().get();
        searchProblem.setText(problem.in(resources));
        searchProblem.setVisible(!problem.isEmpty());
    }

    private void showProblems() {
        showProblem(nikField, nikError, viewModel.nikProblem().get());
        showProblem(phoneField, phoneError, viewModel.phoneProblem().get());
        showProblem(referenceField, referenceError, viewModel.referenceProblem().get());
        Message catalog = viewModel.catalogProblem().get();
        catalogProblem.setText(catalog.in(resources));
        catalogProblem.setVisible(!catalog.isEmpty());
    }

    private void showProblem(TextField field, Label label, Message problem) {
        label.setText(problem.in(resources));
        label.setVisible(!problem.isEmpty());
        validation.revalidate(field);
    }

    private ValidationResult problemResult(Control control, Message problem) {
        return ValidationResult.fromErrorIf(control, problem.in(resources), !problem.isEmpty());
    }

    private void showChosen() {
        Customer chosen = viewModel.selected().get();
        chosenNone.setVisible(chosen == null);
        chosenBox.setVisible(chosen != null);
        if (chosen == null) {
            return;
        }
        chosenName.setText(chosen.name());
        chosenStatus.setText(resources.getString("customers.status." + chosen.status().name()));
        chosenStatus.pseudoClassStateChanged(VERIFIED, chosen.isVerified());
        chosenStatus.pseudoClassStateChanged(UNVERIFIED, !chosen.isVerified());
        chosenDetails.setText(Message.of("customers.chosen.details", chosen.phone().local(),
                viewModel.selectedNik().get()).in(resources));
        verifyBox.setVisible(!chosen.isVerified());
    }

    private void showCode() {
        Message info = viewModel.otpInfo().get();
        otpInfo.setText(info.isEmpty() ? resources.getString("customers.otp.noneSent") : info.in(resources));
        String code = viewModel.sandboxCode().get();
        sandboxCode.setText(code.isEmpty() ? "" : Message.of("customers.otp.sandbox", code).in(resources));
        sandboxCode.setVisible(!code.isEmpty());
        resendButton.setText(resources.getString(info.isEmpty() ? "customers.otp.send" : "customers.otp.resend"));
    }

    private void showReferences() {
        referenceLines.getChildren().clear();
        if (viewModel.references().isEmpty()) {
            Label none = new Label(resources.getString("customers.reference.none"));
            none.getStyleClass().add("customers-muted");
            referenceLines.getChildren().add(none);
            return;
        }
        for (CustomersViewModel.ReferenceRow row : viewModel.references()) {
            Label biller = new Label(row.billerName());
            biller.getStyleClass().add("customers-reference-biller");
            Label number = new Label(row.reference().reference());
            number.getStyleClass().add("customers-reference-number");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            Label label = new Label(row.reference().label().orElse(""));
            label.getStyleClass().add("customers-muted");
            HBox line = new HBox(biller, number, gap, label);
            line.getStyleClass().add("customers-reference-line");
            referenceLines.getChildren().add(line);
        }
    }

    /** Puts the table's selection on the chosen customer's row when it is in the results (registered, verified). */
    private void selectChosenRow() {
        Customer chosen = viewModel.selected().get();
        if (chosen == null || table.getItems() == null) {
            return;
        }
        CustomersViewModel.Row current = table.getSelectionModel().getSelectedItem();
        List<CustomersViewModel.Row> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id() == chosen.id()) {
                if (current != items.get(i)) {
                    syncingSelection = true;
                    try {
                        table.getSelectionModel().select(i);
                    } finally {
                        syncingSelection = false;
                    }
                }
                return;
            }
        }
    }

    /**
     * Moves the focus to {@code next} when it is on this page (or nowhere): never pulls the clerk away from another
     * section's work or from the navigation.
     */
    private void follow(Node next) {
        Scene scene = page.getScene();
        if (scene == null) {
            return;
        }
        Node focused = scene.getFocusOwner();
        if (focused == null || ViewTies.isInside(focused, page)) {
            page.applyCss();
            next.requestFocus();
        }
    }

    private static javafx.beans.value.ObservableValue<String> constant(String text) {
        return new ReadOnlyObjectWrapper<>(text).getReadOnlyProperty();
    }
}
