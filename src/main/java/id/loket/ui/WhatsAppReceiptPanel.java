package id.loket.ui;

import id.loket.ui.WhatsAppReceipt.State;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The small inline panel that sends a receipt to the customer's WhatsApp ({@link WhatsAppReceipt}): the phone
 * (Enter sends), what became of it, and, when the messenger could not send, the {@code wa.me} link with its QR
 * code for the customer to scan, and a button that copies the link for the clerk's WhatsApp (the application has
 * no browser of its own to open it with). Esc is the page's: it closes the panel.
 *
 * <p>Built in code rather than FXML: the counter and History both show it, each inside its own page. Every tie to
 * the longer-lived model is a binding or a weak listener, so a page thrown away on a language switch is collected.
 */
final class WhatsAppReceiptPanel extends VBox {

    /**
     * A receipt makes a long link, so a dense code: at this size each module is at least two pixels up to 150
     * modules, which a phone reads off a counter screen; one pixel per module it does not.
     */
    private static final int QR_SIZE = 300;
    private static final PseudoClass SENT = PseudoClass.getPseudoClass("sent");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final WhatsAppReceipt model;
    private final TextField phone = new TextField();
    private final ImageView linkQr = new ImageView();
    private final TextField linkText = new TextField();
    private final Label linkHint = new Label();
    private final Button copy = new Button();
    private final HBox linkBox;
    private final Label copied = new Label();
    private final ChangeListener<State> stateChanged = (obs, old, now) -> showState(now);
    private final ChangeListener<Optional<String>> linkChanged = (obs, old, now) -> showLink(now);

    WhatsAppReceiptPanel(WhatsAppReceipt model, ResourceBundle resources) {
        this.model = Objects.requireNonNull(model, "model");
        getStyleClass().add("wa-panel");
        setId("waPanel");
        // As wide as the page gives, never wider: a long link or reason must not push the counter's columns.
        setMinWidth(0);
        setPrefWidth(0);

        Label title = new Label(resources.getString("counter.wa.title"));
        title.getStyleClass().add("wa-title");
        Label phoneLabel = new Label(resources.getString("counter.wa.phone"));
        phoneLabel.setLabelFor(phone);
        phone.setId("waPhone");
        phone.setPromptText(resources.getString("counter.wa.phone.prompt"));
        phone.textProperty().bindBidirectional(model.phone());
        phone.setOnAction(e -> model.send());
        HBox.setHgrow(phone, Priority.ALWAYS);
        Button send = new Button(resources.getString("counter.wa.send"));
        send.setId("waSend");
        send.getStyleClass().add("primary");
        send.setFocusTraversable(false);
        send.setOnAction(e -> model.send());
        ProgressIndicator sending = new ProgressIndicator();
        sending.getStyleClass().add("wa-progress");
        sending.setMaxSize(22, 22);
        sending.visibleProperty().bind(model.state().isEqualTo(State.SENDING));
        sending.managedProperty().bind(sending.visibleProperty());
        send.disableProperty().bind(model.state().isEqualTo(State.SENDING));
        HBox phoneRow = new HBox(8, phone, send, sending);
        phoneRow.getStyleClass().add("wa-phone-row");

        Label status = new Label();
        status.setId("waStatus");
        status.getStyleClass().add("wa-status");
        status.setWrapText(true);
        status.textProperty().bind(Bindings.createStringBinding(() -> model.message().get().in(resources),
                model.message()));
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        linkQr.setId("waLinkQr");
        linkQr.setPreserveRatio(true);
        linkText.setId("waLink");
        linkText.setEditable(false);
        linkText.getStyleClass().add("wa-link");
        linkHint.setText(resources.getString("counter.wa.link.hint"));
        linkHint.setWrapText(true);
        copy.setId("waCopy");
        copy.setText(resources.getString("counter.wa.copy"));
        copy.setFocusTraversable(false);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(linkText.getText());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(resources.getString("counter.wa.copied"));
        });
        copied.setId("waCopied");
        copied.getStyleClass().add("wa-copied");
        VBox linkSide = new VBox(6, linkHint, linkText, new HBox(8, copy, copied));
        HBox.setHgrow(linkSide, Priority.ALWAYS);
        linkBox = new HBox(12, linkQr, linkSide);
        linkBox.setId("waLinkBox");
        linkBox.getStyleClass().add("wa-link-box");

        Label keys = new Label(resources.getString("counter.wa.keys"));
        keys.getStyleClass().add("keys-hint");

        getChildren().setAll(title, phoneLabel, phoneRow, status, linkBox, keys);
        model.state().addListener(new WeakChangeListener<>(stateChanged));
        model.link().addListener(new WeakChangeListener<>(linkChanged));
        showLink(model.link().get());
        showState(model.state().get());
    }

    /** Puts the focus in the phone (the panel opened, or a send is to be tried again). */
    void focusPhone() {
        phone.requestFocus();
        phone.end();
    }

    boolean isOpen() {
        return model.state().get() != State.CLOSED;
    }

    private void showState(State state) {
        boolean open = state != State.CLOSED;
        setVisible(open);
        setManaged(open);
        // Not disabled while sending: a disabled field would lose the focus to the next control outside the counter
        // (the language box), where Enter and Esc no longer reach the counter.
        phone.setEditable(state != State.SENDING);
        pseudoClassStateChanged(SENT, state == State.SENT);
        pseudoClassStateChanged(FAILED, state == State.NOT_SENT);
        if (state == State.ASKING && getScene() != null) {
            focusPhone();
        }
        if (state == State.NOT_SENT && getScene() != null && !phone.isFocused()) {
            focusPhone();
        }
    }

    private void showLink(Optional<String> link) {
        copied.setText("");
        linkText.setText(link.orElse(""));
        linkQr.setImage(link.flatMap(WhatsAppReceiptPanel::qrOf).orElse(null));
        linkQr.setVisible(linkQr.getImage() != null);
        linkQr.setManaged(linkQr.isVisible());
        linkBox.setVisible(link.isPresent());
        linkBox.setManaged(link.isPresent());
    }

    /** The link's QR code; none when the receipt makes a link too long for one (the copy button still works). */
    private static Optional<javafx.scene.image.Image> qrOf(String link) {
        try {
            return Optional.of(QrImage.of(link, QR_SIZE));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
