package id.loket.ui;

import java.util.Objects;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;

/** Controller of {@code fxml/lock.fxml}: the lock over the window, bound to the {@link LockViewModel}. */
public final class LockView {

    private final LockViewModel viewModel;

    @FXML
    private ResourceBundle resources;
    @FXML
    private StackPane lock;
    @FXML
    private Label who;
    @FXML
    private PasswordField lockPassword;
    @FXML
    private Label lockMessage;
    @FXML
    private Button unlock;

    public LockView(LockViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    @FXML
    private void initialize() {
        who.setText(Bundles.format(resources, resources.getLocale(), "lock.who",
                viewModel.operator().displayName(), viewModel.operator().username()));
        lockPassword.textProperty().bindBidirectional(viewModel.password());
        unlock.disableProperty().bind(viewModel.busy());
        lock.visibleProperty().bind(viewModel.locked());
        viewModel.message().addListener((obs, old, now) -> showMessage(now));
        viewModel.locked().addListener((obs, old, now) -> {
            if (now) {
                lockPassword.requestFocus();
            }
        });
        showMessage(viewModel.message().get());
    }

    public StackPane root() {
        return lock;
    }

    @FXML
    private void unlock() {
        viewModel.unlock();
    }

    private void showMessage(Message message) {
        lockMessage.setText(message.in(resources));
        lockMessage.setVisible(!message.isEmpty());
        lockMessage.setManaged(!message.isEmpty());
    }
}
