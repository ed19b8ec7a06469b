package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.Money;
import org.junit.jupiter.api.Test;

/** The counter's small rules, without the toolkit; the whole flow is in {@link CounterFlowTest}. */
class CounterViewModelTest {

    @Test
    void cashIsReadTheWaysClerksWriteIt() {
        assertThat(CounterViewModel.parseRupiah("50000")).contains(Money.of(50_000));
        assertThat(CounterViewModel.parseRupiah("50.000")).contains(Money.of(50_000));
        assertThat(CounterViewModel.parseRupiah("Rp 1.250.000")).contains(Money.of(1_250_000));
        assertThat(CounterViewModel.parseRupiah("rp50.000,-")).contains(Money.of(50_000));
        assertThat(CounterViewModel.parseRupiah(" 0 ")).contains(Money.ZERO);
    }

    @Test
    void anythingElseIsNotAnAmount() {
        assertThat(CounterViewModel.parseRupiah("")).isEmpty();
        assertThat(CounterViewModel.parseRupiah("lima puluh ribu")).isEmpty();
        assertThat(CounterViewModel.parseRupiah("-5000")).isEmpty();
        assertThat(CounterViewModel.parseRupiah("50,5")).isEmpty();
        assertThat(CounterViewModel.parseRupiah("99999999999999")).as("beyond any bill").isEmpty();
    }

    @Test
    void theCatalogsPatternsReadAsDigitCounts() {
        assertThat(CounterViewModel.humanPattern("^[0-9]{12}$")).isEqualTo("12");
        assertThat(CounterViewModel.humanPattern("^[0-9]{6,10}$")).isEqualTo("6–10");
        assertThat(CounterViewModel.humanPattern("^([0-9]{11}|[0-9]{12})$")).isEqualTo("11/12");
        assertThat(CounterViewModel.humanPattern("\\d{16}")).isEqualTo("16");
        assertThat(CounterViewModel.humanPattern("^[A-Z]{3}[0-9]{5}$")).isEqualTo("^[A-Z]{3}[0-9]{5}$");
    }
}
