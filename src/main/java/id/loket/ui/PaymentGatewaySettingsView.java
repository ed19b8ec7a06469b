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
        ProviderTab tab = new ProviderTab(resources, gatewayBox, midtransKeyField, midtransUrlField, paymentMessage,
                paymentTestProgress, paymentTestMessage, paymentSaveButton);
        tab.initialize(viewModel.choices(), "settings.payment.choice.", SettingsService.MIDTRANS_DEFAULT_URL);
        if (upstreams.isOwner()) {
            // Midtrans' fields only for Midtrans.
            ties.whileInScene(paymentBody, () -> tab.show(ties, viewModel.form(), viewModel::activate,
                    UpstreamSettingsViewModel.MIDTRANS, "settings.payment.key.prompt"));
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
}
