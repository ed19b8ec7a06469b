package id.loket.ui;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Label;

/**
 * Controller of {@code fxml/coming.fxml}: the page of a section that is not built yet. It says honestly what
 * the section will do and that it is coming, rather than showing empty controls that do nothing.
 */
public final class ComingView {

    @FXML
    private ResourceBundle resources;

    @FXML
    private Label title;

    @FXML
    private Label purpose;

    @FXML
    private Label shortcuts;

    public ComingView() {
        // Needs no collaborators; registered in the ControllerFactory like every controller.
    }

    /** Fills the page for {@code section}, in the language the page was loaded with. */
    public void show(Section section) {
        title.setText(resources.getString(section.nameKey()));
        purpose.setText(resources.getString(section.purposeKey()));
        shortcuts.setText(Bundles.format(resources, resources.getLocale(), "coming.shortcuts", section.shortcutText()));
    }
}
