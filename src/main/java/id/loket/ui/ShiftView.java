package id.loket.ui;

import java.util.Objects;

/** Placeholder controller of {@code fxml/shift.fxml}, replaced by the shift screen's work. */
public final class ShiftView {

    private final ShiftViewModel viewModel;

    public ShiftView(ShiftViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    ShiftViewModel viewModel() {
        return viewModel;
    }
}
