package id.loket.ui;

import id.loket.core.Money;
import id.loket.settings.SettingsService;
import id.loket.users.AuditAction;
import id.loket.users.OperatorStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * Controller of {@code fxml/settings.fxml}: shows the {@link SettingsViewModel} and forwards keys and buttons to it.
 * The owner gets nine tabs (operators, audit log, shop and receipts, biller network, payment gateway, shop QRIS,
 * messenger, fees, own password; Ctrl+Tab moves between them); a clerk only their own password and a note that the
 * rest is the owner's. The payment gateway, QRIS and messenger tabs are FXML fragments with controllers of their
 * own ({@link PaymentGatewaySettingsView}, {@link StaticQrisSettingsView}, {@link MessengerSettingsView}).
 *
 * <p>Keyboard: Enter in a field moves to the next one, and in the last one does the form's action; the operators'
 * table takes the arrow keys, then Tab reaches "disable" and "reset", whose inline confirmation takes Enter (yes) or
 * Esc (no). In the biller network's form Enter in the address tests the connection, and Enter on a focused button
 * presses it (JavaFX does so on Windows and Linux).
 *
 * <p>Lifecycle: the view binds to the longer-lived view model while its page is in a scene and lets go when the
 * page is hidden; leaving the page makes the view model forget the activation code on screen.
 */
public final class SettingsView {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    /** The style class the window looks for to focus a page opened by its shortcut. */
    private static final String INITIAL_FOCUS = "initial-focus";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter FULL_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private final SettingsViewModel viewModel;
    private final ViewTies ties = new ViewTies();
    /** The bindings of the fee table's current fields, undone when the table is drawn again. */
    private final ViewTies feeTies = new ViewTies();

    @FXML
    private ResourceBundle resources;

    @FXML
    private VBox page;

    @FXML
    private ProgressIndicator progress;

    @FXML
    private Label clerkNote;

    @FXML
    private Label tabsHint;

    @FXML
    private TabPane tabs;

    @FXML
    private Tab usersTab;

    @FXML
    private Tab auditTab;

    @FXML
    private Tab shopTab;

    @FXML
    private Tab networkTab;

    @FXML
    private Tab feesTab;

    @FXML
    private Tab paymentTab;

    @FXML
    private PaymentGatewaySettingsView paymentTabController;

    @FXML
    private Tab qrisTab;

    @FXML
    private StaticQrisSettingsView qrisTabController;

    @FXML
    private Tab messengerTab;

    @FXML
    private MessengerSettingsView messengerTabController;

    @FXML
    private Tab passwordTab;

    // operators
    @FXML
    private Label usersMessage;

    @FXML
    private VBox codeBox;

    @FXML
    private Label codeHeading;

    @FXML
    private Label codeValue;

    @FXML
    private Label codeInstruction;

    @FXML
    private Button codeDoneButton;

    @FXML
    private Label usernameLabel;

    @FXML
    private TextField usernameField;

    @FXML
    private Label displayNameLabel;

    @FXML
    private TextField displayNameField;

    @FXML
    private Button registerButton;

    @FXML
    private TableView<SettingsViewModel.OperatorRow> operatorsTable;

    @FXML
    private TableColumn<SettingsViewModel.OperatorRow, String> opUsernameColumn;

    @FXML
    private TableColumn<SettingsViewModel.OperatorRow, String> opNameColumn;

    @FXML
    private TableColumn<SettingsViewModel.OperatorRow, String> opRoleColumn;

    @FXML
    private TableColumn<SettingsViewModel.OperatorRow, String> opStatusColumn;

    @FXML
    private TableColumn<SettingsViewModel.OperatorRow, String> opRegisteredColumn;

    @FXML
    private Button disableButton;

    @FXML
    private Button resetButton;

    @FXML
    private VBox confirmBox;

    @FXML
    private Label confirmText;

    @FXML
    private Button confirmYes;

    @FXML
    private Button confirmNo;

    // audit log
    @FXML
    private Label auditOperatorLabel;

    @FXML
    private ComboBox<Optional<String>> auditOperatorBox;

    @FXML
    private Label auditActionLabel;

    @FXML
    private ComboBox<Optional<AuditAction>> auditActionBox;

    @FXML
    private Label auditFromLabel;

    @FXML
    private DatePicker auditFromPicker;

    @FXML
    private Label auditToLabel;

    @FXML
    private DatePicker auditToPicker;

    @FXML
    private Button auditSearchButton;

    @FXML
    private Label auditMessage;

    @FXML
    private TableView<SettingsViewModel.AuditRow> auditTable;

    @FXML
    private TableColumn<SettingsViewModel.AuditRow, String> auditTimeColumn;

    @FXML
    private TableColumn<SettingsViewModel.AuditRow, String> auditOperatorColumn;

    @FXML
    private TableColumn<SettingsViewModel.AuditRow, String> auditActionColumn;

    @FXML
    private TableColumn<SettingsViewModel.AuditRow, String> auditSubjectColumn;

    @FXML
    private TableColumn<SettingsViewModel.AuditRow, String> auditDetailColumn;

    // shop
    @FXML
    private Label shopMessage;

    @FXML
    private Label shopNameLabel;

    @FXML
    private TextField shopNameField;

    @FXML
    private Label shopAddressLabel;

    @FXML
    private TextField shopAddressField;

    @FXML
    private Label printerLabel;

    @FXML
    private ComboBox<SettingsViewModel.PrinterChoice> printerBox;

    @FXML
    private Label paperLabel;

    @FXML
    private ComboBox<Integer> paperBox;

    @FXML
    private Label verifiedAboveLabel;

    @FXML
    private TextField verifiedAboveField;

    @FXML
    private Label verifiedAboveError;

    @FXML
    private Label lockValue;

    @FXML
    private Button shopSaveButton;

    // biller network
    @FXML
    private Label networkMessage;

    @FXML
    private Label networkLabel;

    @FXML
    private ComboBox<String> networkBox;

    @FXML
    private Label digiflazzUsernameLabel;

    @FXML
    private TextField digiflazzUsernameField;

    @FXML
    private Label digiflazzKeyLabel;

    @FXML
    private PasswordField digiflazzKeyField;

    @FXML
    private Label digiflazzUrlLabel;

    @FXML
    private TextField digiflazzUrlField;

    @FXML
    private CheckBox digiflazzTestingBox;

    @FXML
    private ProgressIndicator connectionProgress;

    @FXML
    private Label connectionMessage;

    // fees
    @FXML
    private Label feesMessage;

    @FXML
    private Label catalogMessage;

    @FXML
    private GridPane feesGrid;

    @FXML
    private Button feesSaveButton;

    // own password
    @FXML
    private Label passwordMessage;

    @FXML
    private Label passwordHeading;

    @FXML
    private Label currentPasswordLabel;

    @FXML
    private PasswordField currentPasswordField;

    @FXML
    private Label newPasswordLabel;

    @FXML
    private PasswordField newPasswordField;

    @FXML
    private Label repeatPasswordLabel;

    @FXML
    private PasswordField repeatPasswordField;

    @FXML
    private Button passwordButton;

    public SettingsView(SettingsViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    SettingsViewModel viewModel() {
        return viewModel;
    }

    @FXML
    private void initialize() {
        usernameLabel.setLabelFor(usernameField);
        displayNameLabel.setLabelFor(displayNameField);
        auditOperatorLabel.setLabelFor(auditOperatorBox);
        auditActionLabel.setLabelFor(auditActionBox);
        auditFromLabel.setLabelFor(auditFromPicker);
        auditToLabel.setLabelFor(auditToPicker);
        shopNameLabel.setLabelFor(shopNameField);
        shopAddressLabel.setLabelFor(shopAddressField);
        printerLabel.setLabelFor(printerBox);
        paperLabel.setLabelFor(paperBox);
        verifiedAboveLabel.setLabelFor(verifiedAboveField);
        networkLabel.setLabelFor(networkBox);
        digiflazzUsernameLabel.setLabelFor(digiflazzUsernameField);
        digiflazzKeyLabel.setLabelFor(digiflazzKeyField);
        digiflazzUrlLabel.setLabelFor(digiflazzUrlField);
        currentPasswordLabel.setLabelFor(currentPasswordField);
        newPasswordLabel.setLabelFor(newPasswordField);
        repeatPasswordLabel.setLabelFor(repeatPasswordField);
        ViewTies.collapseWhenHidden(progress, clerkNote, tabsHint, usersMessage, codeBox, confirmBox, auditMessage,
                shopMessage, verifiedAboveError, networkMessage, connectionProgress, connectionMessage, feesMessage,
                catalogMessage, passwordMessage);

        boolean owner = viewModel.isOwner();
        clerkNote.setVisible(!owner);
        tabsHint.setVisible(owner);
        if (!owner) {
            // A clerk gets their own password only: the other tabs' nodes are not even in the scene.
            tabs.getTabs().setAll(passwordTab);
        }
        passwordHeading.setText(Message.of("settings.password.heading", viewModel.operator().displayName(),
                viewModel.operator().username()).in(resources));

        setUpOperatorsTable();
        setUpAuditFilters();
        setUpAuditTable();
        setUpShopChoices();
        setUpNetworkChoices();

        page.addEventFilter(KeyEvent.KEY_PRESSED, this::escapeSaysNo);
        operatorsTable.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DELETE) {
                requestDisable();
                e.consume();
            }
        });
        operatorsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> showRowActions());
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> markInitialFocus());
        ties.whileInScene(page, this::show);
        markInitialFocus();
    }

    // ---- actions ------------------------------------------------------------------------------------------------

    @FXML
    private void usernameEntered() {
        displayNameField.requestFocus();
    }

    @FXML
    private void registerClerk() {
        viewModel.registerClerk();
    }

    @FXML
    private void forgetCode() {
        viewModel.forgetCode();
        usernameField.requestFocus();
    }

    @FXML
    private void requestDisable() {
        viewModel.requestDisable(operatorsTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void requestReset() {
        viewModel.requestReset(operatorsTable.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void confirmPending() {
        viewModel.confirmPending();
        operatorsTable.requestFocus();
    }

    @FXML
    private void cancelPending() {
        viewModel.cancelPending();
        operatorsTable.requestFocus();
    }

    @FXML
    private void searchAudit() {
        viewModel.searchAudit();
    }

    @FXML
    private void saveShop() {
        viewModel.saveShop();
    }

    @FXML
    private void digiflazzUsernameEntered() {
        digiflazzKeyField.requestFocus();
    }

    @FXML
    private void digiflazzKeyEntered() {
        digiflazzUrlField.requestFocus();
    }

    @FXML
    private void testConnection() {
        viewModel.testConnection();
    }

    @FXML
    private void saveNetwork() {
        viewModel.saveNetwork();
    }

    @FXML
    private void saveFees() {
        viewModel.saveFees();
    }

    @FXML
    private void currentPasswordEntered() {
        newPasswordField.requestFocus();
    }

    @FXML
    private void newPasswordEntered() {
        repeatPasswordField.requestFocus();
    }

    @FXML
    private void changePassword() {
        viewModel.changePassword();
    }

    private void escapeSaysNo(KeyEvent event) {
        if (event.getCode() == KeyCode.ESCAPE && viewModel.pending().get() != null) {
            cancelPending();
            event.consume();
        }
    }

    // ---- showing and hiding -------------------------------------------------------------------------------------

    /** The page came into a scene: bind, and let the view model read what the page shows. */
    private void show() {
        ties.bind(usernameField.textProperty(), viewModel.newUsername());
        ties.bind(displayNameField.textProperty(), viewModel.newDisplayName());
        ties.bind(currentPasswordField.textProperty(), viewModel.currentPassword());
        ties.bind(newPasswordField.textProperty(), viewModel.newPassword());
        ties.bind(repeatPasswordField.textProperty(), viewModel.repeatPassword());
        ties.bind(shopNameField.textProperty(), viewModel.shopName());
        ties.bind(shopAddressField.textProperty(), viewModel.shopAddress());
        ties.bind(verifiedAboveField.textProperty(), viewModel.verifiedAboveText());
        ties.bind(auditOperatorBox.valueProperty(), viewModel.auditOperator());
        ties.bind(auditActionBox.valueProperty(), viewModel.auditAction());
        ties.bind(auditFromPicker.valueProperty(), viewModel.auditFrom());
        ties.bind(auditToPicker.valueProperty(), viewModel.auditTo());
        ties.bind(printerBox.valueProperty(), viewModel.printer());
        ties.bind(paperBox.valueProperty(), viewModel.paperWidth());
        ties.bind(networkBox.valueProperty(), viewModel.network());
        ties.bind(digiflazzUsernameField.textProperty(), viewModel.digiflazzUsername());
        ties.bind(digiflazzKeyField.textProperty(), viewModel.digiflazzKey());
        ties.bind(digiflazzUrlField.textProperty(), viewModel.digiflazzUrl());
        ties.bind(digiflazzTestingBox.selectedProperty(), viewModel.digiflazzTesting());
        items(operatorsTable::setItems, viewModel.operators());
        items(auditTable::setItems, viewModel.auditRows());
        items(auditOperatorBox::setItems, viewModel.auditOperatorChoices());
        items(auditActionBox::setItems, viewModel.auditActionChoices());
        items(printerBox::setItems, viewModel.printerChoices());

        ActionStatus users = viewModel.usersStatus();
        ActionStatus password = viewModel.passwordStatus();
        ActionStatus audit = viewModel.auditStatus();
        ActionStatus shop = viewModel.shopStatus();
        ActionStatus fees = viewModel.feesStatus();
        ActionStatus network = viewModel.networkStatus();
        ActionStatus connection = viewModel.connectionStatus();
        ties.listen(() -> showStatus(usersMessage, users), users.message(), users.isError());
        ties.listen(() -> showStatus(passwordMessage, password), password.message(), password.isError());
        ties.listen(() -> showStatus(auditMessage, audit), audit.message(), audit.isError());
        ties.listen(() -> showStatus(shopMessage, shop), shop.message(), shop.isError());
        ties.listen(() -> showStatus(feesMessage, fees), fees.message(), fees.isError());
        ties.listen(() -> showStatus(networkMessage, network), network.message(), network.isError());
        ties.listen(() -> showStatus(connectionMessage, connection), connection.message(), connection.isError());
        ties.listen(this::showBusy, users.busy(), password.busy(), audit.busy(), shop.busy(), fees.busy(),
                network.busy(), connection.busy());
        ties.listen(this::showNetworkForm, viewModel.network(), viewModel.keyStored());
        ties.listen(this::showCode, viewModel.code());
        ties.listen(this::showPending, viewModel.pending());
        ties.listen(this::showRowActions, viewModel.operators());
        ties.listen(this::showShopProblems, viewModel.verifiedAboveProblem(), viewModel.lockAfter());
        ties.listen(this::showCatalogProblem, viewModel.catalogProblem());
        ties.onListChange(viewModel.fees(), change -> showFees());
        ties.onUndo(feeTies::undoAll);
        ties.onUndo(viewModel::deactivate);

        viewModel.activate();
        showStatus(usersMessage, users);
        showStatus(passwordMessage, password);
        showStatus(auditMessage, audit);
        showStatus(shopMessage, shop);
        showStatus(feesMessage, fees);
        showStatus(networkMessage, network);
        showStatus(connectionMessage, connection);
        showBusy();
        showNetworkForm();
        showCode();
        showPending();
        showRowActions();
        showShopProblems();
        showCatalogProblem();
        showFees();
        markInitialFocus();
        // The fields are inside a tab pane and scroll panes, which put their content into the scene only once they
        // have their skins: without this, a page shown for the first time could not be focused by the shell.
        page.applyCss();
    }

    // ---- operators ----------------------------------------------------------------------------------------------

    private void setUpOperatorsTable() {
        operatorsTable.setPlaceholder(new Label(resources.getString("settings.operators.none")));
        opUsernameColumn.setCellValueFactory(c -> Choices.text(c.getValue().username()));
        opNameColumn.setCellValueFactory(c -> Choices.text(c.getValue().displayName()));
        opRoleColumn.setCellValueFactory(c -> Choices.text(resources.getString("settings.role." + c.getValue().role().name())));
        opStatusColumn.setCellValueFactory(c -> Choices.text(status(c.getValue())));
        opRegisteredColumn.setCellValueFactory(c -> Choices.text(DAY.format(viewModel.localTime(c.getValue().registeredAt()))));
    }

    private String status(SettingsViewModel.OperatorRow row) {
        if (row.lockedUntil().isPresent() && row.status() != OperatorStatus.DISABLED) {
            return Message.of("settings.status.locked", dayTime(row.lockedUntil().get())).in(resources);
        }
        if (row.status() == OperatorStatus.PENDING_ACTIVATION) {
            return row.activationExpiresAt()
                    .map(until -> !viewModel.now().isBefore(until)
                            ? resources.getString("settings.status.expired")
                            : Message.of("settings.status.PENDING_ACTIVATION", dayTime(until)).in(resources))
                    .orElse(resources.getString("settings.status.expired"));
        }
        return resources.getString("settings.status." + row.status().name());
    }

    private void showCode() {
        SettingsViewModel.CodeNotice notice = viewModel.code().get();
        if (notice == null) {
            codeBox.setVisible(false);
            codeHeading.setText("");
            codeValue.setText("");
            codeInstruction.setText("");
            return;
        }
        codeHeading.setText(Message.of(notice.reset() ? "settings.code.heading.reset" : "settings.code.heading.new",
                notice.displayName(), notice.username()).in(resources));
        codeValue.setText(notice.code());
        codeInstruction.setText(Message.of("settings.code.instruction", notice.displayName(), notice.username(),
                dayTime(notice.expiresAt())).in(resources));
        codeBox.setVisible(true);
        followWithTheFocus(usernameField);
    }

    private void showPending() {
        SettingsViewModel.Pending pending = viewModel.pending().get();
        confirmBox.setVisible(pending != null);
        if (pending == null) {
            confirmText.setText("");
            return;
        }
        boolean disable = pending.kind() == SettingsViewModel.PendingKind.DISABLE;
        confirmText.setText(Message.of(disable ? "settings.confirm.disable" : "settings.confirm.reset",
                pending.displayName(), pending.username()).in(resources));
        confirmYes.setText(resources.getString(disable ? "settings.confirm.yes.disable" : "settings.confirm.yes.reset"));
        confirmYes.requestFocus();
    }

    private void showRowActions() {
        SettingsViewModel.OperatorRow row = operatorsTable.getSelectionModel().getSelectedItem();
        boolean busy = viewModel.usersStatus().busy().get();
        disableButton.setDisable(busy || row == null || !row.canDisable());
        resetButton.setDisable(busy || row == null || !row.canReset());
    }

    // ---- audit log ----------------------------------------------------------------------------------------------

    private void setUpAuditFilters() {
        auditOperatorBox.setConverter(Choices.converter(who -> who == null || who.isEmpty()
                ? resources.getString("settings.audit.everyone") : who.get()));
        auditActionBox.setConverter(Choices.converter(kind -> kind == null || kind.isEmpty()
                ? resources.getString("settings.audit.allActions") : actionName(kind.get())));
        auditOperatorBox.setButtonCell(new Choices.OptionCell<>(auditOperatorBox.getConverter()));
        auditActionBox.setButtonCell(new Choices.OptionCell<>(auditActionBox.getConverter()));
        for (DatePicker picker : new DatePicker[] {auditFromPicker, auditToPicker}) {
            picker.setConverter(dayConverter(picker));
            picker.setPromptText(resources.getString("settings.audit.date.prompt"));
        }
    }

    private void setUpAuditTable() {
        auditTable.setPlaceholder(new Label(resources.getString("settings.audit.none")));
        auditTimeColumn.setCellValueFactory(c -> Choices.text(FULL_TIME.format(viewModel.localTime(c.getValue().at()))));
        auditOperatorColumn.setCellValueFactory(c -> Choices.text(c.getValue().operator().orElse("—")));
        auditActionColumn.setCellValueFactory(c -> Choices.text(actionName(c.getValue().action())));
        auditSubjectColumn.setCellValueFactory(c -> Choices.text(c.getValue().subject().orElse("")));
        auditDetailColumn.setCellValueFactory(c -> Choices.text(c.getValue().detail()));
    }

    private String actionName(AuditAction action) {
        return resources.getString("settings.audit.action." + action.name());
    }

    /** Typed dates as dd/MM/yyyy; a date that cannot be read leaves the filter as it was. */
    private StringConverter<LocalDate> dayConverter(DatePicker picker) {
        return new StringConverter<>() {
            @Override
            public String toString(LocalDate day) {
                return day == null ? "" : DAY.format(day);
            }

            @Override
            public LocalDate fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(text.strip(), DAY);
                } catch (DateTimeParseException e) {
                    viewModel.dateRefused(text.strip());
                    return picker.getValue();
                }
            }
        };
    }

    // ---- shop ---------------------------------------------------------------------------------------------------

    private void setUpShopChoices() {
        printerBox.setConverter(Choices.converter(choice -> {
            if (choice == null || choice.name().isEmpty()) {
                return resources.getString("settings.shop.printer.none");
            }
            return choice.installed() ? choice.name().get()
                    : Message.of("settings.shop.printer.missing", choice.name().get()).in(resources);
        }));
        printerBox.setButtonCell(new Choices.OptionCell<>(printerBox.getConverter()));
        paperBox.getItems().setAll(SettingsViewModel.PAPER_WIDTHS);
        paperBox.setConverter(Choices.converter(mm -> mm == null ? "" : Message.of("settings.shop.paper.mm", mm).in(resources)));
        paperBox.setButtonCell(new Choices.OptionCell<>(paperBox.getConverter()));
    }

    private void showShopProblems() {
        Message problem = viewModel.verifiedAboveProblem().get();
        verifiedAboveError.setText(problem.in(resources));
        verifiedAboveError.setVisible(!problem.isEmpty());
        verifiedAboveField.pseudoClassStateChanged(INVALID, !problem.isEmpty());
        lockValue.setText(viewModel.lockAfter().get().in(resources));
    }

    // ---- biller network -----------------------------------------------------------------------------------------

    private void setUpNetworkChoices() {
        networkBox.setConverter(Choices.converter(network -> network == null ? ""
                : resources.getString("settings.network.choice." + network)));
        networkBox.setButtonCell(new Choices.OptionCell<>(networkBox.getConverter()));
        networkBox.getItems().setAll(viewModel.networkChoices());
    }

    /** Digiflazz's fields only for Digiflazz; the key field says when a key is stored (never what it is). */
    private void showNetworkForm() {
        boolean house = !SettingsViewModel.DIGIFLAZZ.equals(viewModel.network().get());
        for (Node n : new Node[] {digiflazzUsernameField, digiflazzKeyField, digiflazzUrlField, digiflazzTestingBox}) {
            n.setDisable(house);
        }
        digiflazzKeyField.setPromptText(resources.getString(viewModel.keyStored().get()
                ? "settings.network.key.stored" : "settings.network.key.prompt"));
        digiflazzUrlField.setPromptText(SettingsService.DIGIFLAZZ_DEFAULT_URL);
    }

    // ---- fees ---------------------------------------------------------------------------------------------------

    private void showCatalogProblem() {
        Message problem = viewModel.catalogProblem().get();
        catalogMessage.setText(problem.in(resources));
        catalogMessage.setVisible(!problem.isEmpty());
        catalogMessage.pseudoClassStateChanged(ERROR, !problem.isEmpty());
    }

    /** One line per fee: what, the gateway's own admin fee (billers), the shop's fee, and why it is refused. */
    private void showFees() {
        feeTies.undoAll();
        feesGrid.getChildren().clear();
        int rowIndex = 0;
        feesGrid.addRow(rowIndex++, header("settings.fees.column.what"), header("settings.fees.column.gateway"),
                header("settings.fees.column.shop"));
        SettingsViewModel.FeeKind section = null;
        for (SettingsViewModel.FeeRow row : viewModel.fees()) {
            if (row.kind() != section) {
                section = row.kind();
                Label heading = new Label(resources.getString("settings.fees.by" + switch (section) {
                    case CATEGORY -> "Category";
                    case MARKUP -> "Markup";
                    case BILLER -> "Biller";
                }));
                heading.getStyleClass().add("settings-subheading");
                feesGrid.add(heading, 0, rowIndex++, 3, 1);
            }
            String category = resources.getString("settings.category." + row.category().name());
            Label what = new Label(row.kind() == SettingsViewModel.FeeKind.BILLER
                    ? Message.of("settings.fees.biller", row.billerName(), row.code(), category).in(resources)
                    : category);
            Label gateway = new Label(row.gatewayFee().map(this::money).orElse(""));
            gateway.getStyleClass().add("settings-amount");
            TextField field = new TextField();
            field.setId("fee-" + row.kind().name() + "-" + row.code());
            field.getStyleClass().add("settings-fee-field");
            field.setPromptText(resources.getString("settings.fees.none"));
            field.setAccessibleText(row.kind() == SettingsViewModel.FeeKind.MARKUP
                    ? Message.of("settings.fees.markup", category).in(resources) : what.getText());
            field.setOnAction(e -> viewModel.saveFees());
            what.setLabelFor(field);
            Label problem = new Label();
            problem.getStyleClass().add("settings-field-error");
            feeTies.bind(field.textProperty(), row.text());
            Runnable showProblem = () -> {
                Message p = row.problem().get();
                problem.setText(p.in(resources));
                field.pseudoClassStateChanged(INVALID, !p.isEmpty());
            };
            feeTies.listen(showProblem, row.problem());
            showProblem.run();
            feesGrid.addRow(rowIndex++, what, gateway, field, problem);
        }
    }

    private Label header(String key) {
        Label label = new Label(resources.getString(key));
        label.getStyleClass().add("settings-column-header");
        return label;
    }

    // ---- common -------------------------------------------------------------------------------------------------

    private void showStatus(Label label, ActionStatus status) {
        Message text = status.message().get();
        label.setText(text.in(resources));
        label.setVisible(!text.isEmpty());
        label.pseudoClassStateChanged(ERROR, status.isError().get());
    }

    private void showBusy() {
        boolean users = viewModel.usersStatus().busy().get();
        boolean password = viewModel.passwordStatus().busy().get();
        boolean audit = viewModel.auditStatus().busy().get();
        boolean shop = viewModel.shopStatus().busy().get();
        boolean fees = viewModel.feesStatus().busy().get();
        boolean network = viewModel.networkStatus().busy().get();
        boolean testing = viewModel.connectionStatus().busy().get();
        progress.setVisible(users || password || audit || shop || fees || network || testing);
        connectionProgress.setVisible(testing);
        // Buttons only: a disabled field would lose the focus, and the next keys would go elsewhere.
        registerButton.setDisable(users);
        confirmYes.setDisable(users);
        passwordButton.setDisable(password);
        auditSearchButton.setDisable(audit);
        shopSaveButton.setDisable(shop);
        feesSaveButton.setDisable(fees);
        // Not the network's buttons: they are pressed where they have the focus, and a disabled button would pass
        // it on; the view model ignores a second press while the first is on its way.
        showRowActions();
    }

    /**
     * Marks the node the window focuses when Ctrl+7 is pressed: the first field of the tab on show (a clerk's is
     * their current password).
     */
    private void markInitialFocus() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        Node start = selected == usersTab ? usernameField
                : selected == auditTab ? auditOperatorBox
                : selected == shopTab ? shopNameField
                : selected == networkTab ? networkBox
                : selected == paymentTab ? paymentTabController.start()
                : selected == qrisTab ? qrisTabController.start()
                : selected == messengerTab ? messengerTabController.start()
                : selected == feesTab ? feesSaveButton
                : currentPasswordField;
        for (Node n : new Node[] {usernameField, auditOperatorBox, shopNameField, networkBox, feesSaveButton,
            currentPasswordField, paymentTabController.start(), qrisTabController.start(),
            messengerTabController.start()}) {
            n.getStyleClass().remove(INITIAL_FOCUS);
        }
        start.getStyleClass().add(INITIAL_FOCUS);
    }

    /** Moves the focus to {@code target} when the focus is on this page; never pulls it from elsewhere. */
    private void followWithTheFocus(Node target) {
        Scene scene = page.getScene();
        if (scene == null) {
            return;
        }
        if (ViewTies.isInside(scene.getFocusOwner(), page)) {
            target.requestFocus();
        }
    }

    private String money(Money amount) {
        return amount.format(locale());
    }

    private String dayTime(Instant at) {
        return DAY_TIME.format(viewModel.localTime(at));
    }

    private Locale locale() {
        return resources.getLocale();
    }




    private <T> void items(java.util.function.Consumer<ObservableList<T>> setter, ObservableList<T> list) {
        setter.accept(list);
        ties.onUndo(() -> setter.accept(javafx.collections.FXCollections.observableArrayList()));
    }
}
