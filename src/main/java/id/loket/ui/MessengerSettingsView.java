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
 * Controller of {@code fxml/settings-messenger.fxml}, the Settings tab (owner only) of who sends codes and receipts:
 * the training sandbox, Fonnte (WhatsApp) with its token (masked, never shown once stored) and address, or none.
 * "Test connection" sends one test text to a number the owner types; "Save" is used from the next start. Binds to
 * {@link UpstreamSettingsViewModel#messenger()} while the tab is in a scene.
 *
 * <p>Keyboard: Enter in the token field moves to the address, in the address to the test number, and in the test
 * number sends the test; Enter on a focused button presses it.
 */
public final class MessengerSettingsView {

    private final UpstreamSettingsViewModel.Messenger viewModel;
    private final UpstreamSettingsViewModel upstreams;
    private final ViewTies ties = new ViewTies();

    @FXML
    private ResourceBundle resources;

    @FXML
    private VBox messengerBody;

    @FXML
    private Label messengerMessage;

    @FXML
    private Label messengerLabel;

    @FXML
    private ComboBox<String> messengerBox;

    @FXML
    private Label fonnteTokenLabel;

    @FXML
    private PasswordField fonnteTokenField;

    @FXML
    private Label fonnteUrlLabel;

    @FXML
    private TextField fonnteUrlField;

    @FXML
    private Label testPhoneLabel;

    @FXML
    private TextField testPhoneField;

    @FXML
    private Button messengerTestButton;

    @FXML
    private Button messengerSaveButton;

    @FXML
    private ProgressIndicator messengerTestProgress;

    @FXML
    private Label messengerTestMessage;

    public MessengerSettingsView(UpstreamSettingsViewModel upstreams) {
        this.upstreams = Objects.requireNonNull(upstreams, "upstreams");
        this.viewModel = upstreams.messenger();
    }

    /** The node the window focuses when this tab is the one shown. */
    Node start() {
        return messengerBox;
    }

    @FXML
    private void initialize() {
        messengerLabel.setLabelFor(messengerBox);
        fonnteTokenLabel.setLabelFor(fonnteTokenField);
        fonnteUrlLabel.setLabelFor(fonnteUrlField);
        testPhoneLabel.setLabelFor(testPhoneField);
        ProviderTab tab = new ProviderTab(resources, messengerBox, fonnteTokenField, fonnteUrlField, messengerMessage,
                messengerTestProgress, messengerTestMessage, messengerSaveButton);
        tab.initialize(viewModel.choices(), "settings.messenger.choice.", SettingsService.FONNTE_DEFAULT_URL);
        if (upstreams.isOwner()) {
            ties.whileInScene(messengerBody, () -> {
                ties.bind(testPhoneField.textProperty(), viewModel.testPhone());
                // Fonnte's fields only for Fonnte.
                tab.show(ties, viewModel.form(), viewModel::activate, UpstreamSettingsViewModel.FONNTE,
                        "settings.messenger.token.prompt", testPhoneField);
            });
        }
    }

    @FXML
    private void tokenEntered() {
        fonnteUrlField.requestFocus();
    }

    @FXML
    private void urlEntered() {
        testPhoneField.requestFocus();
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
