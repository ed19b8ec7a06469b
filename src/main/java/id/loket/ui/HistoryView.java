package id.loket.ui;

import java.util.Objects;

/** Placeholder controller of {@code fxml/history.fxml}, replaced by the history screen's work. */
public final class HistoryView {

    private final HistoryViewModel viewModel;

    public HistoryView(HistoryViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    HistoryViewModel viewModel() {
        return viewModel;
    }
}
