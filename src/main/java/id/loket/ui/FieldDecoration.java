package id.loket.ui;

import javafx.css.PseudoClass;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * ControlsFX validation shown on the field itself: a red frame (pseudo-class {@code :invalid}) and the problem as
 * its tooltip; screens also put the words in a label under the field. Not ControlsFX's own decorations: they put
 * the scene's root into a decoration layer of theirs (the page is taken out of the window and put back) and their
 * icons stay on screen when the clerk switches to another section. Required fields are not marked: each form says
 * what is missing when it is submitted.
 */
final class FieldDecoration implements ValidationDecoration {

    /** The pseudo-class a refused field carries; styled in {@code css/loket.css}. */
    static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    @Override
    public void removeDecorations(Control target) {
        target.pseudoClassStateChanged(INVALID, false);
        target.setTooltip(null);
    }

    @Override
    public void applyValidationDecoration(ValidationMessage problem) {
        Control target = problem.getTarget();
        target.pseudoClassStateChanged(INVALID, problem.getSeverity() == Severity.ERROR);
        target.setTooltip(new Tooltip(problem.getText()));
    }

    @Override
    public void applyRequiredDecoration(Control target) {
        // Nothing marked: submitting the form says what is missing.
    }
}
