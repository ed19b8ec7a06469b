package id.loket.ui;

import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/**
 * What the payment gateway's and the messenger's Settings tabs share on screen, bound to a {@link ProviderForm}: the
 * provider chosen in a box, in words; its secret in a masked field whose prompt says when one is stored (never what it
 * is); its address, the default as the prompt; the provider's fields only for that provider; "Test connection" with
 * its progress and answer, and "Save" with its message (the save button off while saving: the view model ignores a
 * second test while the first is on its way, and a disabled focused button would pass the focus on).
 */
final class ProviderTab {

    private final ResourceBundle resources;
    private final ComboBox<String> choiceBox;
    private final PasswordField secretField;
    private final TextField urlField;
    private final Label message;
    private final ProgressIndicator testProgress;
    private final Label testMessage;
    private final Button saveButton;

    ProviderTab(ResourceBundle resources, ComboBox<String> choiceBox, PasswordField secretField, TextField urlField,
            Label message, ProgressIndicator testProgress, Label testMessage, Button saveButton) {
        this.resources = Objects.requireNonNull(resources, "resources");
        this.choiceBox = choiceBox;
        this.secretField = secretField;
        this.urlField = urlField;
        this.message = message;
        this.testProgress = testProgress;
        this.testMessage = testMessage;
        this.saveButton = saveButton;
    }

    /**
     * From the controller's {@code initialize}: the messages and progress take no room while hidden, the choices are
     * said as {@code choicePrefix} + the choice in the bundle, and the address field's prompt is {@code defaultUrl}.
     */
    void initialize(List<String> choices, String choicePrefix, String defaultUrl) {
        ViewTies.collapseWhenHidden(message, testProgress, testMessage);
        Choices.show(choiceBox, choice -> choice == null ? "" : resources.getString(choicePrefix + choice));
        choiceBox.getItems().setAll(choices);
        urlField.setPromptText(defaultUrl);
    }

    /**
     * While the tab is in a scene: binds the controls to {@code form} through {@code ties}, forgets the typed secret
     * when they are undone, then calls {@code activate} (the view model reads the stored settings the first time).
     *
     * @param provider the choice whose fields are on: the secret, the address and {@code providerFields}
     * @param secretPrompt the secret field's prompt while no secret is stored
     */
    void show(ViewTies ties, ProviderForm form, Runnable activate, String provider, String secretPrompt,
            Node... providerFields) {
        ties.bind(choiceBox.valueProperty(), form.choice());
        ties.bind(secretField.textProperty(), form.secret());
        ties.bind(urlField.textProperty(), form.url());
        ActionStatus status = form.status();
        ActionStatus testStatus = form.testStatus();
        Runnable showBusy = () -> {
            testProgress.setVisible(testStatus.busy().get());
            saveButton.setDisable(status.busy().get());
        };
        Runnable showForm = () -> {
            boolean off = !provider.equals(form.choice().get());
            secretField.setDisable(off);
            urlField.setDisable(off);
            for (Node n : providerFields) {
                n.setDisable(off);
            }
            secretField.setPromptText(resources.getString(form.secretStored().get()
                    ? "settings.upstream.secret.stored" : secretPrompt));
        };
        ties.listen(() -> UpstreamTabTexts.show(message, status, resources), status.message(), status.isError());
        ties.listen(() -> UpstreamTabTexts.show(testMessage, testStatus, resources), testStatus.message(),
                testStatus.isError());
        ties.listen(showBusy, status.busy(), testStatus.busy());
        ties.listen(showForm, form.choice(), form.secretStored());
        ties.onUndo(form::forget);

        activate.run();
        UpstreamTabTexts.show(message, status, resources);
        UpstreamTabTexts.show(testMessage, testStatus, resources);
        showBusy.run();
        showForm.run();
    }
}
