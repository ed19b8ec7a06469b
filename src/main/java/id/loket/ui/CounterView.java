package id.loket.ui;

import java.util.Objects;

/** Placeholder controller of {@code fxml/counter.fxml}, replaced by the counter screen's work. */
public final class CounterView {

    private final CounterViewModel viewModel;

    public CounterView(CounterViewModel viewModel) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    }

    CounterViewModel viewModel() {
        return viewModel;
    }
}
