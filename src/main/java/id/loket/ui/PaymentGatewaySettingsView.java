package id.loket.ui;

import id.loket.settings.SettingsService;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * Controller of {@code fxml/settings-payment.fxml}, the Settings tab (owner only) of the gateway that takes
 * non-cash money: the training sandbox or Midtrans with its server key (masked, never shown once stored) and
 * address; "Test connection", then "Save", used from the next start. Binds to
 * {@link UpstreamSettingsViewModel#payment()} while the tab is in a scene.
 *
 * <p>Keyboard: Enter in the key field moves to the address, Enter in the address tests the connection; Enter on a
 * focused button presses it.
 */
public final class PaymentGatewaySettingsView {

    private final UpstreamSettingsViewModel.PaymentGateway viewModel;
    private final UpstreamSettingsViewModel upstreams;
    private final ViewTies ties = new ViewTies();

    @FXML
    private ResourceBundle resources;

    @FXML
    private VBox paymentBody;

    @FXML
    private Label paymentMessage;

    @FXML
    private Label gatewayLabel;

    @FXML
    private ComboBox<String> gatewayBox;

    @FXML
    private Label midtransKeyLabel;

    @FXML
    private PasswordField midtransKeyField;

    @FXML
    private Label midtransUrlLabel;

    @FXML
    private TextField midtransUrlField;

    @FXML
    private Button paymentTestButton;

    @FXML
    private Button paymentSaveButton;

    @FXML
    private ProgressIndicator paymentTestProgress;

    @FXML
    private Label paymentTestMessage;

    public PaymentGatewaySettingsView(UpstreamSettingsViewModel upstreams) {
        this.upstreams = Objects.requireNonNull(upstreams, "upstreams");
        this.viewModel = upstreams.payment();
    }

    /** The node the window focuses when this tab is the one shown. */
    Node start() {
        return gatewayBox;
    }

    @FXML
    private void initialize() {
        gatewayLabel.setLabelFor(gatewayBox);
        midtransKeyLabel.setLabelFor(midtransKeyField);
        midtransUrlLabel.setLabelFor(midtransUrlField);
        ViewTies.collapseWhenHidden(paymentMessage, paymentTestProgress, paymentTestMessage);
        Choices.show(gatewayBox, choice -> choice == null ? ""
                : resources.getString("settings.payment.choice." + choice));
        gatewayBox.getItems().setAll(viewModel.choices());
        midtransUrlField.setPromptText(SettingsService.MIDTRANS_DEFAULT_URL);
        if (upstreams.isOwner()) {
            ties.whileInScene(paymentBody, this::show);
        }
    }

    @FXML
    private void keyEntered() {
        midtransUrlField.requestFocus();
    }

    @FXML
    private void test() {
        viewModel.test();
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    private void show() {
        ties.bind(gatewayBox.valueProperty(), viewModel.gateway());
        ties.bind(midtransKeyField.textProperty(), viewModel.serverKey());
        ties.bind(midtransUrlField.textProperty(), viewModel.url());
        ActionStatus status = viewModel.status();
        ActionStatus testStatus = viewModel.testStatus();
        ties.listen(() -> UpstreamTabTexts.show(paymentMessage, status, resources), status.message(),
                status.isError());
        ties.listen(() -> UpstreamTabTexts.show(paymentTestMessage, testStatus, resources), testStatus.message(),
                testStatus.isError());
        ties.listen(this::showBusy, status.busy(), testStatus.busy());
        ties.listen(this::showForm, viewModel.gateway(), viewModel.keyStored());
        ties.onUndo(viewModel::deactivate);

        viewModel.activate();
        UpstreamTabTexts.show(paymentMessage, status, resources);
        UpstreamTabTexts.show(paymentTestMessage, testStatus, resources);
        showBusy();
        showForm();
    }

    private void showBusy() {
        paymentTestProgress.setVisible(viewModel.testStatus().busy().get());
        // The save button only: the view model ignores a second test while the first is on its way, and a disabled
        // focused button would pass the focus on.
        paymentSaveButton.setDisable(viewModel.status().busy().get());
    }

    /** Midtrans' fields only for Midtrans; the key field says when a key is stored (never what it is). */
    private void showForm() {
        boolean house = !UpstreamSettingsViewModel.MIDTRANS.equals(viewModel.gateway().get());
        midtransKeyField.setDisable(house);
        midtransUrlField.setDisable(house);
        midtransKeyField.setPromptText(resources.getString(viewModel.keyStored().get()
                ? "settings.upstream.secret.stored" : "settings.payment.key.prompt"));
    }
}
