package id.loket.ui;

import id.loket.billing.Inquiry;
import id.loket.core.Biller;
import id.loket.core.BillerKind;
import id.loket.core.ChargeChannel;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.Product;
import id.loket.customers.Customer;
import id.loket.customers.CustomerStatus;
import id.loket.customers.SavedReference;
import id.loket.payment.Amounts;
import id.loket.payment.ChargeDetails;
import id.loket.payment.Payment;
import id.loket.ui.CounterViewModel.Step;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/**
 * Controller of {@code fxml/counter.fxml}: shows the {@link CounterViewModel}'s step and turns the clerk's keys into
 * its calls. Enter goes on, Esc steps back, F5 reprints the last receipt, Shift+F5 sends it to the customer's
 * WhatsApp, F6..F12 pick the method (only those the shop takes now), Alt+1..4 the quick amounts; with several banks
 * for a virtual account, the arrow keys or the bank's number (1–5) choose it. The shop's static QRIS (F12) is
 * confirmed with Ctrl+Enter only: a reflex Enter must not record money nobody has checked. The focus follows the
 * step, so a cash payment needs no mouse and no Tab.
 *
 * <p>The reference field is checked as the clerk types against the catalog's pattern (ControlsFX validation) and
 * completes references paid before for the same biller (ControlsFX auto-completion).
 */
public final class CounterView {

    private static final PseudoClass SUCCESS = PseudoClass.getPseudoClass("success");
    private static final PseudoClass FAILURE = PseudoClass.getPseudoClass("failure");
    private static final PseudoClass PENDING = PseudoClass.getPseudoClass("pending");
    private static final PseudoClass NUMBER = PseudoClass.getPseudoClass("number");
    private static final int QR_SIZE = 240;

    private static final Map<PaymentMethod, KeyCode> METHOD_KEYS = new EnumMap<>(Map.of(
            PaymentMethod.CASH, KeyCode.F6,
            PaymentMethod.DEBIT_CARD, KeyCode.F7,
            PaymentMethod.QRIS, KeyCode.F8,
            PaymentMethod.VIRTUAL_ACCOUNT, KeyCode.F9,
            PaymentMethod.EWALLET, KeyCode.F10,
            PaymentMethod.PAYMENT_LINK, KeyCode.F11,
            PaymentMethod.STATIC_QRIS, KeyCode.F12));
    private static final List<KeyCode> BANK_KEYS = List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3,
            KeyCode.DIGIT4, KeyCode.DIGIT5);
    private static final List<KeyCode> BANK_NUMPAD_KEYS = List.of(KeyCode.NUMPAD1, KeyCode.NUMPAD2, KeyCode.NUMPAD3,
            KeyCode.NUMPAD4, KeyCode.NUMPAD5);
    private static final List<KeyCode> QUICK_KEYS = List.of(KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3,
            KeyCode.DIGIT4);

    private final CounterViewModel viewModel;
    private final Timeline ticker;
    private final ToggleGroup methodGroup = new ToggleGroup();
    private final Map<PaymentMethod, ToggleButton> methodButtons = new EnumMap<>(PaymentMethod.class);
    private final ToggleGroup bankGroup = new ToggleGroup();
    private final Map<ChargeChannel, ToggleButton> bankButtons = new EnumMap<>(ChargeChannel.class);
    private WhatsAppReceiptPanel waPanel;

    @FXML
    private ResourceBundle resources;
    @FXML
    private VBox counter;
    @FXML
    private TextField customerField;
    @FXML
    private Button clearCustomer;
    @FXML
    private Label customerChip;
    @FXML
    private ListView<SavedReference> savedRefs;
    @FXML
    private TextField billerSearch;
    @FXML
    private ListView<Biller> billerList;
    @FXML
    private Label chosenBiller;
    @FXML
    private Label referenceLabel;
    @FXML
    private TextField reference;
    @FXML
    private Label referenceHint;
    @FXML
    private Label productLabel;
    @FXML
    private ListView<Product> productList;
    @FXML
    private javafx.scene.control.ScrollPane counterScroll;
    @FXML
    private VBox readyPanel;
    @FXML
    private Label readyTitle;
    @FXML
    private Label readyText;
    @FXML
    private Node lookingUp;
    @FXML
    private VBox billPanel;
    @FXML
    private GridPane billGrid;
    @FXML
    private Label total;
    @FXML
    private FlowPane methods;
    @FXML
    private VBox cashBox;
    @FXML
    private TextField tendered;
    @FXML
    private FlowPane quickAmounts;
    @FXML
    private Label change;
    @FXML
    private VBox cardBox;
    @FXML
    private TextField approvalCode;
    @FXML
    private Label chargeHint;
    @FXML
    private VBox bankBox;
    @FXML
    private FlowPane bankChooser;
    @FXML
    private VBox linkBox;
    @FXML
    private TextField linkPhone;
    @FXML
    private Label chargeBadge;
    @FXML
    private Node billerCodeRow;
    @FXML
    private Label chargeBillerCode;
    @FXML
    private Button copyChargeCode;
    @FXML
    private VBox staticPanel;
    @FXML
    private ImageView staticQr;
    @FXML
    private Label staticMerchant;
    @FXML
    private Label staticNmid;
    @FXML
    private Label staticTotal;
    @FXML
    private Button waButton;
    @FXML
    private VBox waHolder;
    @FXML
    private VBox confirmPanel;
    @FXML
    private Label confirmText;
    @FXML
    private Button confirmButton;
    @FXML
    private VBox payingPanel;
    @FXML
    private Label payingText;
    @FXML
    private VBox chargePanel;
    @FXML
    private Label chargeTitle;
    @FXML
    private ImageView chargeQr;
    @FXML
    private Label chargeCode;
    @FXML
    private Label chargeTotal;
    @FXML
    private Label countdown;
    @FXML
    private Button cancelCharge;
    @FXML
    private VBox resultPanel;
    @FXML
    private Label resultTitle;
    @FXML
    private Label resultAdvice;
    @FXML
    private Label resultChange;
    @FXML
    private Label resultToken;
    @FXML
    private Label resultRef;
    @FXML
    private Label printStatus;
    @FXML
    private Button nextButton;
    @FXML
    private Button reprintButton;
    @FXML
    private Label counterMessage;

    public CounterView(CounterViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            if (counter.getScene() == null || counter.getScene().getWindow() == null) {
                ticker().stop();
            } else {
                viewModel.tick();
            }
        }));
        ticker.setCycleCount(Animation.INDEFINITE);
    }

    @FXML
    private void initialize() {
        Locale language = resources.getLocale();

        // The customer (optional, F4): found by name, phone or NIK; their saved references offered.
        AutoCompletionBinding<Customer> found = TextFields.bindAutoCompletion(customerField,
                request -> viewModel.findCustomers(request.getUserText()), new CustomerNames());
        found.setOnAutoCompleted(e -> {
            viewModel.chooseCustomer(e.getCompletion());
            Platform.runLater(() -> {
                customerField.clear();
                (viewModel.customerReferences().isEmpty() ? billerSearch : savedRefs).requestFocus();
            });
        });
        savedRefs.setItems(viewModel.customerReferences());
        savedRefs.setCellFactory(list -> new SavedReferenceCell());
        savedRefs.setOnKeyPressed(e -> {
            SavedReference chosen = savedRefs.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && chosen != null) {
                viewModel.useReference(chosen);
                e.consume();
            }
        });
        savedRefs.focusedProperty().addListener((obs, was, now) -> {
            if (now && savedRefs.getSelectionModel().isEmpty() && !savedRefs.getItems().isEmpty()) {
                savedRefs.getSelectionModel().select(0);
            }
        });
        viewModel.customer().addListener((obs, old, now) -> showCustomer(now));
        viewModel.customerReferences().addListener((javafx.collections.ListChangeListener<SavedReference>) change -> {
            showCustomer(viewModel.customer().get());
            // The references arrive after the pick: offer them where the clerk is about to type the biller.
            javafx.scene.Node focused = counter.getScene() == null ? null : counter.getScene().getFocusOwner();
            if (!viewModel.customerReferences().isEmpty() && viewModel.step().get() == Step.BILLER
                    && (focused == billerSearch || focused == customerField)) {
                savedRefs.requestFocus();
            }
        });
        showCustomer(viewModel.customer().get());

        // The biller: a search field over a list the arrow keys move through; Enter picks.
        billerList.setItems(viewModel.matches());
        billerList.setCellFactory(list -> new BillerCell());
        billerSearch.textProperty().bindBidirectional(viewModel.billerQuery());
        viewModel.highlighted().addListener((obs, old, now) -> showHighlight(now));
        billerList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null && now != viewModel.highlighted().get()) {
                viewModel.highlighted().set(now);
            }
        });
        billerList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                viewModel.chooseBiller();
            }
        });
        billerSearch.setOnAction(e -> viewModel.chooseBiller());
        billerSearch.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
                viewModel.moveHighlight(e.getCode() == KeyCode.DOWN ? 1 : -1);
                e.consume();
            }
        });
        showHighlight(viewModel.highlighted().get());

        // The reference: checked as typed, completed from earlier payments, Enter looks the bill up.
        reference.textProperty().bindBidirectional(viewModel.reference());
        reference.setOnAction(e -> viewModel.lookUp());
        reference.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && productList.isVisible()) {
                productList.requestFocus();
                e.consume();
            }
        });
        ValidationSupport validation = new ValidationSupport();
        validation.setValidationDecorator(new FieldDecoration());
        validation.registerValidator(reference, false, (javafx.scene.control.Control c, String typed) -> {
            Message problem = typed == null || typed.isBlank() ? Message.NONE : viewModel.referenceProblem(typed);
            return ValidationResult.fromMessageIf(c, problem.in(resources), Severity.ERROR, !problem.isEmpty());
        });
        reference.textProperty().addListener((obs, old, now) -> referenceHint.setText(
                now == null || now.isBlank() ? "" : viewModel.referenceProblem(now).in(resources)));
        AutoCompletionBinding<String> completion = TextFields.bindAutoCompletion(reference,
                request -> viewModel.recentReferences().stream()
                        .filter(r -> !request.getUserText().isBlank() && r.startsWith(request.getUserText().strip())
                                && !r.equals(request.getUserText().strip()))
                        .limit(8)
                        .toList());
        completion.setVisibleRowCount(6);
        productList.setCellFactory(list -> new ProductCell(language));
        viewModel.biller().addListener((obs, old, now) -> showBiller(now));
        productList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.product().set(now);
            }
        });
        productList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.lookUp();
                e.consume();
            }
        });
        showBiller(viewModel.biller().get());

        // The bill and the money.
        for (PaymentMethod m : PaymentMethod.values()) {
            ToggleButton button = new ToggleButton(resources.getString("counter.method." + m.name()) + "  "
                    + METHOD_KEYS.get(m).getName());
            button.setId("method-" + m.name());
            button.setToggleGroup(methodGroup);
            button.setFocusTraversable(false);
            button.setOnAction(e -> choose(m));
            methodButtons.put(m, button);
            methods.getChildren().add(button);
        }
        viewModel.offeredMethods().addListener((javafx.collections.ListChangeListener<PaymentMethod>) c ->
                showOffered());
        viewModel.banks().addListener((javafx.collections.ListChangeListener<ChargeChannel>) c -> showBanks());
        viewModel.channel().addListener((obs, old, now) -> showChannel());
        linkPhone.textProperty().bindBidirectional(viewModel.linkPhone());
        linkPhone.setOnAction(e -> viewModel.review());
        viewModel.method().addListener((obs, old, now) -> showMethod(now));
        tendered.textProperty().bindBidirectional(viewModel.tendered());
        tendered.setOnAction(e -> viewModel.review());
        ValidationSupport cash = new ValidationSupport();
        cash.setValidationDecorator(new FieldDecoration());
        cash.registerValidator(tendered, false, Validator.createPredicateValidator(
                (String typed) -> typed == null || typed.isBlank() || viewModel.enoughCash().get(),
                resources.getString("counter.tendered.notEnough")));
        approvalCode.textProperty().bindBidirectional(viewModel.approvalCode());
        approvalCode.setOnAction(e -> viewModel.review());
        viewModel.change().addListener((obs, old, now) -> showChange());
        viewModel.amounts().addListener((obs, old, now) -> showBill());
        viewModel.inquiry().addListener((obs, old, now) -> showBill());

        viewModel.step().addListener((obs, old, now) -> showStep(now));
        viewModel.message().addListener((obs, old, now) -> showMessage(now));
        viewModel.payment().addListener((obs, old, now) -> showPayment(now));
        viewModel.secondsLeft().addListener((obs, old, now) -> showCountdown(now.longValue()));
        viewModel.printStatus().addListener((obs, old, now) -> printStatus.setText(now.in(resources)));
        reprintButton.visibleProperty().bind(viewModel.printFailed());
        reprintButton.managedProperty().bind(reprintButton.visibleProperty());
        viewModel.staticQrisCode().addListener((obs, old, now) -> showStaticQris(now));
        viewModel.chargeTesting().addListener((obs, old, now) -> setShown(chargeBadge, now));
        setShown(chargeBadge, viewModel.chargeTesting().get());
        waPanel = new WhatsAppReceiptPanel(viewModel.whatsApp(), resources);
        waHolder.getChildren().setAll(waPanel);
        viewModel.whatsApp().state().addListener((obs, old, now) -> {
            boolean open = now != WhatsAppReceipt.State.CLOSED;
            setShown(waButton, !open);
            if (!open && viewModel.step().get() == Step.RESULT && counter.getScene() != null) {
                // After the panel has hidden itself (which moves the focus out of the counter): Enter serves the
                // next customer.
                javafx.application.Platform.runLater(nextButton::requestFocus);
            }
        });

        counter.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // Ticks only while the page is on screen; a language switch or another section detaches it.
        counter.sceneProperty().addListener((obs, old, now) -> {
            if (now == null) {
                ticker.stop();
            } else {
                ticker.play();
            }
        });

        showBill();
        showOffered();
        showBanks();
        showMethod(viewModel.method().get());
        showStaticQris(viewModel.staticQrisCode().get());
        showPayment(viewModel.payment().get());
        showMessage(viewModel.message().get());
        printStatus.setText(viewModel.printStatus().get().in(resources));
        showStep(viewModel.step().get());
        if (viewModel.matches().isEmpty()) {
            viewModel.loadCatalog();
        }
    }

    private Timeline ticker() {
        return ticker;
    }

    /** Puts the focus where the current step expects the clerk's next key (called when the page is shown). */
    public void focus() {
        Node target = switch (viewModel.step().get()) {
            case BILLER -> billerSearch;
            case REFERENCE, LOOKING_UP -> reference;
            case BILL -> moneyField();
            case CONFIRM -> confirmButton;
            case PAYING -> counter;
            case WAITING_CHARGE -> cancelCharge;
            // Not the confirm button: a reflex Enter or Space there would record money nobody has checked.
            case STATIC_QRIS -> counter;
            case RESULT -> waPanel.isOpen() ? null : nextButton;
        };
        if (target == null) {
            waPanel.focusPhone();
            return;
        }
        target.requestFocus();
        if (target instanceof TextField field) {
            field.end();
        }
    }

    @FXML
    private void pay() {
        viewModel.pay();
    }

    @FXML
    private void back() {
        viewModel.back();
    }

    @FXML
    private void next() {
        viewModel.nextCustomer();
    }

    @FXML
    private void clearCustomer() {
        viewModel.clearCustomer();
        billerSearch.requestFocus();
    }

    @FXML
    private void reprint() {
        viewModel.reprintLast();
    }

    @FXML
    private void confirmStaticQris() {
        viewModel.confirmStaticQris();
    }

    @FXML
    private void openWhatsApp() {
        viewModel.openWhatsApp();
    }

    @FXML
    private void copyChargeCode() {
        Payment p = viewModel.payment().get();
        p.charge().ifPresent(c -> copy(c.vaNumber().or(c::paymentUrl).orElse("")));
    }

    @FXML
    private void copyBillerCode() {
        Payment p = viewModel.payment().get();
        p.charge().flatMap(ChargeDetails::billerCode).ifPresent(CounterView::copy);
    }

    private static void copy(String text) {
        javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
        content.putString(text);
        javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
    }

    private void onKey(KeyEvent e) {
        Step step = viewModel.step().get();
        if (e.getCode() == KeyCode.ESCAPE) {
            viewModel.back();
            e.consume();
        } else if (e.getCode() == KeyCode.F5 && e.isShiftDown()) {
            viewModel.openWhatsApp();
            e.consume();
        } else if (e.getCode() == KeyCode.F5) {
            viewModel.reprintLast();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && step == Step.STATIC_QRIS) {
            if (e.isControlDown()) {
                viewModel.confirmStaticQris();
            } else {
                viewModel.enterOnStaticQris();
            }
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && step == Step.RESULT && waPanel.isOpen()
                && viewModel.whatsApp().state().get() == WhatsAppReceipt.State.SENT) {
            // Sent: Enter goes on to the next customer, as it does without the panel (never a second send).
            viewModel.whatsApp().close();
            viewModel.nextCustomer();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && step == Step.RESULT && waPanel.isOpen()) {
            viewModel.whatsApp().send();
            e.consume();
        } else if (e.getCode() == KeyCode.F4 && (step == Step.BILLER || step == Step.REFERENCE)) {
            customerField.requestFocus();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && step == Step.CONFIRM) {
            viewModel.pay();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && step == Step.RESULT) {
            viewModel.nextCustomer();
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && step == Step.BILL && viewModel.method().get() != PaymentMethod.CASH
                && viewModel.method().get() != PaymentMethod.DEBIT_CARD) {
            viewModel.review();
            e.consume();
        } else if (step == Step.BILL && bankChooserShown() && !e.isAltDown() && !e.isControlDown()
                && bankKey(e)) {
            e.consume();
        } else if (step == Step.BILL) {
            for (Map.Entry<PaymentMethod, KeyCode> key : METHOD_KEYS.entrySet()) {
                if (e.getCode() == key.getValue() && !e.isAltDown() && !e.isControlDown()) {
                    choose(key.getKey());
                    e.consume();
                    return;
                }
            }
            for (int i = 0; i < QUICK_KEYS.size(); i++) {
                if (new KeyCodeCombination(QUICK_KEYS.get(i), KeyCombination.ALT_DOWN).match(e)) {
                    List<Money> quick = viewModel.quickAmounts();
                    if (i < quick.size()) {
                        viewModel.tender(quick.get(i));
                        tendered.end();
                    }
                    e.consume();
                    return;
                }
            }
        }
    }

    private void choose(PaymentMethod m) {
        viewModel.chooseMethod(m);
        showMethod(viewModel.method().get());
        Platform.runLater(this::focus);
    }

    private void showStep(Step step) {
        boolean typing = step == Step.BILLER;
        billerList.setVisible(typing);
        billerList.setManaged(typing);
        billerSearch.setDisable(!typing);
        boolean referenceOpen = step == Step.REFERENCE;
        reference.setDisable(!referenceOpen);
        productList.setDisable(!referenceOpen);
        setShown(readyPanel, step == Step.BILLER || step == Step.REFERENCE || step == Step.LOOKING_UP);
        setShown(billPanel, step == Step.BILL || step == Step.CONFIRM);
        setShown(confirmPanel, step == Step.CONFIRM);
        tendered.setDisable(step != Step.BILL);
        approvalCode.setDisable(step != Step.BILL);
        setShown(payingPanel, step == Step.PAYING);
        setShown(chargePanel, step == Step.WAITING_CHARGE);
        setShown(staticPanel, step == Step.STATIC_QRIS);
        setShown(resultPanel, step == Step.RESULT);
        linkPhone.setDisable(step != Step.BILL);
        lookingUp.setVisible(step == Step.LOOKING_UP);
        readyTitle.setText(resources.getString(switch (step) {
            case LOOKING_UP -> "counter.ready.lookingUp";
            case REFERENCE -> "counter.ready.reference";
            default -> "counter.ready.biller";
        }));
        readyText.setText(resources.getString(step == Step.BILLER ? "counter.ready.billerHint"
                : "counter.ready.referenceHint"));
        payingText.setText(resources.getString(viewModel.method().get().isGatewayCharge()
                ? "counter.paying.charge" : "counter.paying.text"));
        if (step == Step.CONFIRM) {
            showConfirmation();
            // The confirmation closes the bill panel, below the fold on a small screen: bring it into view.
            Platform.runLater(() -> counterScroll.setVvalue(counterScroll.getVmax()));
        } else {
            counterScroll.setVvalue(counterScroll.getVmin());
        }
        if (counter.getScene() != null) {
            focus();
        }
    }

    private void showCustomer(Customer customer) {
        boolean chosen = customer != null;
        customerChip.setText(chosen ? customer.name() + " · " + customer.phone() + " · " + resources.getString(
                customer.status() == CustomerStatus.VERIFIED ? "counter.customer.verified"
                        : "counter.customer.unverified") : "");
        customerChip.pseudoClassStateChanged(SUCCESS, chosen && customer.status() == CustomerStatus.VERIFIED);
        setShown(customerChip, chosen);
        setShown(clearCustomer, chosen);
        setShown(savedRefs, chosen && !viewModel.customerReferences().isEmpty());
    }

    private void showHighlight(Biller biller) {
        if (biller == null) {
            billerList.getSelectionModel().clearSelection();
        } else {
            billerList.getSelectionModel().select(biller);
            billerList.scrollTo(biller);
        }
    }

    private void showBiller(Biller biller) {
        boolean prepaid = biller != null && biller.kind() == BillerKind.PREPAID && !biller.products().isEmpty();
        chosenBiller.setText(biller == null ? "" : biller.name() + " · " + biller.code());
        chosenBiller.setVisible(biller != null);
        chosenBiller.setManaged(biller != null);
        referenceLabel.setText(biller == null ? resources.getString("counter.reference.label") : biller.referenceLabel());
        setShown(productLabel, prepaid);
        setShown(productList, prepaid);
        productList.getItems().setAll(prepaid ? biller.products() : List.of());
        if (prepaid && viewModel.product().get() != null) {
            productList.getSelectionModel().select(viewModel.product().get());
        }
        referenceHint.setText("");
    }

    private void showBill() {
        Inquiry bill = viewModel.inquiry().get();
        Amounts amounts = viewModel.amounts().get();
        billGrid.getChildren().clear();
        if (bill == null || amounts == null) {
            total.setText("");
            quickAmounts.getChildren().clear();
            return;
        }
        Locale language = resources.getLocale();
        int row = 0;
        row = billRow(row, resources.getString("counter.bill.biller"), viewModel.biller().get().name(), "bill-biller");
        row = billRow(row, viewModel.biller().get().referenceLabel(), bill.reference(), "bill-reference");
        row = billRow(row, resources.getString("counter.bill.name"), bill.customerName(), "bill-name");
        for (Map.Entry<String, String> detail : bill.details().entrySet()) {
            row = billRow(row, readable(detail.getKey()), detail.getValue(), "bill-detail-" + detail.getKey());
        }
        row = billRow(row, resources.getString("counter.bill.amount"), amounts.bill().format(language), "bill-amount");
        billRow(row, resources.getString("counter.bill.admin"), amounts.adminFee().format(language), "bill-admin");
        total.setText(amounts.total().format(language));
        quickAmounts.getChildren().clear();
        List<Money> quick = viewModel.quickAmounts();
        for (int i = 0; i < quick.size(); i++) {
            Money amount = quick.get(i);
            Button b = new Button((i == 0 ? resources.getString("counter.quick.exact") + " " : "")
                    + amount.format(language));
            b.setTooltip(new javafx.scene.control.Tooltip("Alt+" + (i + 1)));
            b.setId("quick" + i);
            b.setFocusTraversable(false);
            b.setOnAction(e -> {
                viewModel.tender(amount);
                tendered.requestFocus();
                tendered.end();
            });
            quickAmounts.getChildren().add(b);
        }
        showChange();
    }

    private int billRow(int row, String label, String value, String id) {
        Label name = new Label(label);
        name.getStyleClass().add("bill-key");
        Label text = new Label(value);
        text.setId(id);
        text.getStyleClass().add("bill-value");
        text.setWrapText(true);
        billGrid.addRow(row, name, text);
        return row + 1;
    }

    private void showChange() {
        Optional<Money> c = viewModel.change().get();
        change.setText(c.map(m -> m.format(resources.getLocale())).orElse("—"));
        change.pseudoClassStateChanged(FAILURE, c.isEmpty() && !viewModel.tendered().get().isBlank());
    }

    private void showMethod(PaymentMethod m) {
        methodGroup.selectToggle(methodButtons.get(m));
        setShown(cashBox, m == PaymentMethod.CASH);
        setShown(cardBox, m == PaymentMethod.DEBIT_CARD);
        setShown(chargeHint, m.isGatewayCharge() || m == PaymentMethod.STATIC_QRIS);
        chargeHint.setText(m.isGatewayCharge() || m == PaymentMethod.STATIC_QRIS
                ? resources.getString("counter.charge.hint." + m.name()) : "");
        setShown(linkBox, m == PaymentMethod.PAYMENT_LINK);
        showBanks();
        showBill();
    }

    /** Only the methods the shop takes now have a button (and a key). */
    private void showOffered() {
        for (Map.Entry<PaymentMethod, ToggleButton> button : methodButtons.entrySet()) {
            setShown(button.getValue(), viewModel.offeredMethods().contains(button.getKey()));
        }
    }

    private boolean bankChooserShown() {
        return viewModel.method().get() == PaymentMethod.VIRTUAL_ACCOUNT && viewModel.banks().size() > 1;
    }

    private void showBanks() {
        bankChooser.getChildren().clear();
        bankButtons.clear();
        List<ChargeChannel> banks = viewModel.banks();
        for (int i = 0; i < banks.size(); i++) {
            ChargeChannel bank = banks.get(i);
            ToggleButton button = new ToggleButton((i + 1) + "  " + resources.getString("counter.channel."
                    + bank.name()));
            button.setId("bank-" + bank.name());
            button.setToggleGroup(bankGroup);
            button.setFocusTraversable(false);
            button.setOnAction(e -> {
                viewModel.chooseBank(bank);
                showChannel();
            });
            bankButtons.put(bank, button);
            bankChooser.getChildren().add(button);
        }
        setShown(bankBox, bankChooserShown());
        showChannel();
    }

    private void showChannel() {
        ChargeChannel chosen = viewModel.channel().get();
        bankGroup.selectToggle(chosen == null ? null : bankButtons.get(chosen));
        if (viewModel.step().get() == Step.CONFIRM) {
            showConfirmation();
        }
    }

    /** The arrow keys and the bank's number in the bank chooser; true when the key was the chooser's. */
    private boolean bankKey(KeyEvent e) {
        switch (e.getCode()) {
            case UP, LEFT -> {
                viewModel.moveBank(-1);
                return true;
            }
            case DOWN, RIGHT -> {
                viewModel.moveBank(1);
                return true;
            }
            default -> {
                int number = BANK_KEYS.indexOf(e.getCode());
                if (number < 0) {
                    number = BANK_NUMPAD_KEYS.indexOf(e.getCode());
                }
                if (number < 0) {
                    return false;
                }
                viewModel.chooseBank(number + 1);
                return true;
            }
        }
    }

    /** "Virtual account BNI", "E-wallet GoPay"; the method alone where it has one channel. */
    private String methodName(PaymentMethod m, ChargeChannel ch) {
        String name = resources.getString("counter.method." + m.name());
        return ch == null || m == PaymentMethod.QRIS || m == PaymentMethod.PAYMENT_LINK ? name
                : name + " " + resources.getString("counter.channel." + ch.name());
    }

    private void showStaticQris(CounterViewModel.StaticQrisCode code) {
        if (code == null) {
            staticQr.setImage(null);
            return;
        }
        Locale language = resources.getLocale();
        staticQr.setImage(QrImage.of(code.payload(), QR_SIZE));
        staticMerchant.setText(code.merchantName() + " · " + code.merchantCity());
        staticNmid.setText(code.nmidLast4().map(last -> Bundles.format(resources, language, "counter.staticQris.nmid",
                last)).orElse(""));
        setShown(staticNmid, code.nmidLast4().isPresent());
        staticTotal.setText(code.total().format(language));
    }

    private void showConfirmation() {
        Amounts amounts = viewModel.amounts().get();
        Inquiry bill = viewModel.inquiry().get();
        if (amounts == null || bill == null) {
            return;
        }
        Locale language = resources.getLocale();
        String method = methodName(viewModel.method().get(), viewModel.channel().get());
        String text = Bundles.format(resources, language, "counter.confirm.text", amounts.total().format(language),
                bill.customerName(), viewModel.biller().get().name(), method);
        if (viewModel.method().get() == PaymentMethod.CASH) {
            text += "\n" + Bundles.format(resources, language, "counter.confirm.change",
                    viewModel.change().get().orElse(Money.ZERO).format(language));
        }
        confirmText.setText(text);
    }

    private void showPayment(Payment p) {
        if (p == null) {
            chargeQr.setImage(null);
            return;
        }
        Locale language = resources.getLocale();
        if (p.charge().isPresent()) {
            ChargeDetails charge = p.charge().get();
            Optional<ChargeChannel> bank = charge.channel().filter(c -> c.method() == PaymentMethod.VIRTUAL_ACCOUNT);
            boolean mandiriBill = charge.billerCode().isPresent();
            chargeTitle.setText(mandiriBill ? resources.getString("counter.charge.title.MANDIRI_BILL")
                    : bank.map(b -> Bundles.format(resources, language, "counter.charge.title.bank",
                            resources.getString("counter.channel." + b.name())))
                            .orElseGet(() -> resources.getString("counter.charge.title." + p.method().name())));
            chargeBillerCode.setText(charge.billerCode().map(code -> Bundles.format(resources, language,
                    "counter.charge.billerCode", code)).orElse(""));
            setShown(billerCodeRow, mandiriBill);
            String code = charge.vaNumber().map(va -> Bundles.format(resources, language, mandiriBill
                            ? "counter.charge.billKey" : "counter.charge.va", va))
                    .or(() -> charge.paymentUrl())
                    .orElse("");
            chargeCode.setText(code);
            chargeCode.pseudoClassStateChanged(NUMBER, charge.vaNumber().isPresent());
            setShown(copyChargeCode, !code.isEmpty());
            Optional<String> qr = charge.qrString().or(() -> charge.paymentUrl());
            chargeQr.setImage(qr.map(text -> (javafx.scene.image.Image) QrImage.of(text, QR_SIZE)).orElse(null));
            setShown(chargeQr, qr.isPresent());
            chargeTotal.setText(p.total().format(language));
        }
        resultTitle.setText(resources.getString("counter.result." + p.advice().name()));
        resultAdvice.setText(resources.getString("counter.advice." + p.advice().name()));
        boolean success = p.state() == id.loket.core.PaymentState.SUCCESS;
        resultTitle.pseudoClassStateChanged(SUCCESS, success);
        resultTitle.pseudoClassStateChanged(FAILURE, p.advice() == id.loket.payment.ClerkAdvice.RETURN_THE_MONEY
                || p.advice() == id.loket.payment.ClerkAdvice.REFUND_DUE);
        resultTitle.pseudoClassStateChanged(PENDING, p.advice() == id.loket.payment.ClerkAdvice.PENDING);
        Optional<Money> back = switch (p.advice()) {
            case PAID, PENDING -> p.change().filter(Money::isPositive);
            case RETURN_THE_MONEY -> p.tendered();
            default -> Optional.empty();
        };
        resultChange.setText(back.map(m -> Bundles.format(resources, language,
                p.advice() == id.loket.payment.ClerkAdvice.RETURN_THE_MONEY ? "counter.result.giveBack"
                        : "counter.result.change", m.format(language))).orElse(""));
        setShown(resultChange, back.isPresent());
        Optional<String> token = p.outcome().flatMap(id.loket.payment.GatewayOutcome::token);
        resultToken.setText(token.map(t -> Bundles.format(resources, language, "counter.result.token",
                String.join(" ", t.replaceAll("\\D", "").split("(?<=\\G.{4})")))).orElse(""));
        setShown(resultToken, token.isPresent());
        resultRef.setText(Bundles.format(resources, language, "counter.result.ref", p.clientRef(),
                p.failureReason().orElse("")));
        setShown(waButton, CounterViewModel.hasReceipt(p) && !waPanel.isOpen());
    }

    private void showCountdown(long seconds) {
        countdown.setText(Bundles.format(resources, resources.getLocale(), "counter.charge.countdown",
                String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60)));
    }

    private void showMessage(Message message) {
        counterMessage.setText(message.in(resources));
        setShown(counterMessage, !message.isEmpty());
    }

    private Node moneyField() {
        return switch (viewModel.method().get()) {
            case CASH -> tendered;
            case DEBIT_CARD -> approvalCode;
            case PAYMENT_LINK -> linkPhone;
            default -> counter;
        };
    }

    /** "tarif_daya" → "Tarif daya": the gateway's detail names, readable. */
    private static String readable(String key) {
        String spaced = key.replace('_', ' ').strip();
        return spaced.isEmpty() ? key : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static void setShown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    /** How a customer reads in the completion list: name, phone, and whether verified. */
    private final class CustomerNames extends javafx.util.StringConverter<Customer> {
        @Override
        public String toString(Customer c) {
            return c == null ? "" : c.name() + " · " + c.phone() + (c.status() == CustomerStatus.VERIFIED
                    ? " · " + resources.getString("counter.customer.verified") : "");
        }

        @Override
        public Customer fromString(String text) {
            return null;
        }
    }

    private static final class SavedReferenceCell extends ListCell<SavedReference> {
        @Override
        protected void updateItem(SavedReference saved, boolean empty) {
            super.updateItem(saved, empty);
            setText(empty || saved == null ? null : saved.label().map(l -> l + " · ").orElse("") + saved.billerCode()
                    + " " + saved.reference());
        }
    }

    private final class BillerCell extends ListCell<Biller> {
        @Override
        protected void updateItem(Biller biller, boolean empty) {
            super.updateItem(biller, empty);
            setText(empty || biller == null ? null : biller.name() + "  ·  " + biller.code());
            setId(empty || biller == null ? null : "biller-" + biller.code());
        }
    }

    private static final class ProductCell extends ListCell<Product> {
        private final Locale language;

        ProductCell(Locale language) {
            this.language = language;
        }

        @Override
        protected void updateItem(Product product, boolean empty) {
            super.updateItem(product, empty);
            setText(empty || product == null ? null : product.name() + "  ·  " + product.price().format(language));
            setId(empty || product == null ? null : "product-" + product.code());
        }
    }
}
