package id.loket.ui;

import java.util.Objects;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;

/**
 * Controller of {@code fxml/door.fxml}: the setup, sign-in and activation forms of the {@link DoorViewModel}. Enter
 * submits (the primary button is the default button), Tab moves between fields; the focus starts in the first
 * empty field.
 */
public final class DoorView {

    private final DoorViewModel viewModel;

    @FXML
    private ResourceBundle resources;
    @FXML
    private StackPane door;
    @FXML
    private Label heading;
    @FXML
    private Label intro;
    @FXML
    private Node shopFields;
    @FXML
    private TextField shopName;
    @FXML
    private TextField shopAddress;
    @FXML
    private TextField username;
    @FXML
    private Node codeFields;
    @FXML
    private TextField code;
    @FXML
    private Label passwordLabel;
    @FXML
    private PasswordField password;
    @FXML
    private Node repeatFields;
    @FXML
    private PasswordField repeated;
    @FXML
    private Label doorMessage;
    @FXML
    private Button submit;
    @FXML
    private Node busy;
    @FXML
    private Hyperlink switchMode;

    public DoorView(DoorViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    @FXML
    private void initialize() {
        shopName.textProperty().bindBidirectional(viewModel.shopName());
        shopAddress.textProperty().bindBidirectional(viewModel.shopAddress());
        username.textProperty().bindBidirectional(viewModel.username());
        code.textProperty().bindBidirectional(viewModel.code());
        password.textProperty().bindBidirectional(viewModel.password());
        repeated.textProperty().bindBidirectional(viewModel.repeated());
        busy.visibleProperty().bind(viewModel.busy());
        submit.disableProperty().bind(viewModel.busy());
        viewModel.message().addListener((obs, old, now) -> showMessage(now));
        viewModel.mode().addListener((obs, old, now) -> showMode(now));
        door.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && viewModel.mode().get() == DoorViewModel.Mode.ACTIVATE) {
                viewModel.toSignIn();
                e.consume();
            }
        });
        showMessage(viewModel.message().get());
        showMode(viewModel.mode().get());
    }

    /** Puts the focus in the first field the clerk has to fill. */
    public void focus() {
        for (TextField field : new TextField[] {shopName, username, code, password, repeated}) {
            if (field.isVisible() && !field.isDisabled() && field.getText().isEmpty()) {
                field.requestFocus();
                return;
            }
        }
        submit.requestFocus();
    }

    @FXML
    private void submit() {
        viewModel.submit();
    }

    @FXML
    private void switchMode() {
        if (viewModel.mode().get() == DoorViewModel.Mode.SIGN_IN) {
            viewModel.toActivation();
        } else {
            viewModel.toSignIn();
        }
    }

    private void showMode(DoorViewModel.Mode mode) {
        boolean setup = mode == DoorViewModel.Mode.SETUP;
        boolean activate = mode == DoorViewModel.Mode.ACTIVATE;
        boolean checking = mode == DoorViewModel.Mode.CHECKING;
        shown(shopFields, setup);
        shown(codeFields, activate);
        shown(repeatFields, setup || activate);
        shown(switchMode, mode == DoorViewModel.Mode.SIGN_IN || activate);
        username.setDisable(checking);
        password.setDisable(checking);
        String key = switch (mode) {
            case CHECKING -> "door.checking";
            case SETUP -> "door.setup";
            case SIGN_IN -> "door.signIn";
            case ACTIVATE -> "door.activate";
        };
        heading.setText(resources.getString(key + ".title"));
        intro.setText(resources.getString(key + ".intro"));
        submit.setText(resources.getString(key + ".submit"));
        passwordLabel.setText(resources.getString(setup || activate ? "door.newPassword" : "door.password"));
        switchMode.setText(resources.getString(activate ? "door.toSignIn" : "door.toActivate"));
        if (door.getScene() != null) {
            focus();
        }
    }

    private void showMessage(Message message) {
        doorMessage.setText(message.in(resources));
        shown(doorMessage, !message.isEmpty());
        if (!message.isEmpty() && password.getText().isEmpty() && door.getScene() != null) {
            // A refused password was cleared: the clerk types it again where it belongs.
            password.requestFocus();
        }
    }

    private static void shown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
