package id.loket.ui;

import java.util.Objects;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * Controller of {@code fxml/settings-qris.fxml}, the Settings tab (owner only) of the shop's own static QRIS: the
 * payload is pasted into the field (a barcode scanner typing into it works the same), checked as it comes in, and
 * saved only when it parses: the tab shows the merchant, the city and the NMID's last digits before saving, or why
 * the payload is refused. Binds to {@link UpstreamSettingsViewModel#qris()} while the tab is in a scene.
 *
 * <p>Keyboard: Enter in the field (a scanner ends with it) moves to "Save" when the payload is good, so the owner
 * reads what it is before pressing Enter again.
 */
public final class StaticQrisSettingsView {

    private final UpstreamSettingsViewModel.StaticQris viewModel;
    private final UpstreamSettingsViewModel upstreams;
    private final ViewTies ties = new ViewTies();

    @FXML
    private ResourceBundle resources;

    @FXML
    private VBox qrisBody;

    @FXML
    private Label qrisMessage;

    @FXML
    private Label qrisStored;

    @FXML
    private Label qrisPayloadLabel;

    @FXML
    private TextField qrisPayloadField;

    @FXML
    private Label qrisCheck;

    @FXML
    private Button qrisSaveButton;

    @FXML
    private Button qrisRemoveButton;

    public StaticQrisSettingsView(UpstreamSettingsViewModel upstreams) {
        this.upstreams = Objects.requireNonNull(upstreams, "upstreams");
        this.viewModel = upstreams.qris();
    }

    /** The node the window focuses when this tab is the one shown. */
    Node start() {
        return qrisPayloadField;
    }

    @FXML
    private void initialize() {
        qrisPayloadLabel.setLabelFor(qrisPayloadField);
        ViewTies.collapseWhenHidden(qrisMessage, qrisCheck);
        if (upstreams.isOwner()) {
            ties.whileInScene(qrisBody, this::show);
        }
    }

    @FXML
    private void payloadEntered() {
        if (viewModel.valid().get()) {
            qrisSaveButton.requestFocus();
        }
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void remove() {
        viewModel.remove();
    }

    private void show() {
        ties.bind(qrisPayloadField.textProperty(), viewModel.payload());
        ActionStatus status = viewModel.status();
        ties.listen(() -> UpstreamTabTexts.show(qrisMessage, status, resources), status.message(), status.isError());
        ties.listen(this::showCheck, viewModel.check(), viewModel.valid());
        ties.listen(this::showStored, viewModel.stored(), viewModel.qrisStored(), status.busy());

        viewModel.activate();
        UpstreamTabTexts.show(qrisMessage, status, resources);
        showCheck();
        showStored();
    }

    private void showCheck() {
        UpstreamTabTexts.show(qrisCheck, viewModel.check().get(), !viewModel.valid().get(), resources);
    }

    private void showStored() {
        qrisStored.setText(UpstreamTabTexts.words(viewModel.stored().get(), resources));
        boolean busy = viewModel.status().busy().get();
        qrisSaveButton.setDisable(busy);
        qrisRemoveButton.setDisable(busy || !viewModel.qrisStored().get());
    }
}
