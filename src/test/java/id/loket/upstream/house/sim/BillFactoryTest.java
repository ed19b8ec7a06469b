package id.loket.upstream.house.sim;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.Biller;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BillFactoryTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Test
    void amountsArePlausibleAndRoundedToHundreds() {
        for (Biller biller : Catalog.BILLERS) {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < 200; i++) {
                String reference = referenceFor(biller.code(), i);
                assertThat(biller.acceptsReference(reference)).as(reference).isTrue();
                BillFactory.Bill bill = BillFactory.bill(biller, reference,
                        biller.products().isEmpty() ? Optional.empty() : Optional.of(biller.products().get(i % 6)),
                        TODAY);
                assertThat(bill.amount() % 100).isZero();
                assertThat(bill.amount()).isBetween(5_000L, 2_500_000L);
                assertThat(bill.adminFee()).isEqualTo(biller.adminFee().rupiah());
                assertThat(bill.details().keySet()).allMatch(k -> k.matches("[a-z0-9_]+"));
                names.add(bill.customerName());
            }
            assertThat(names.size()).as("names vary for " + biller.code()).isGreaterThan(50);
        }
    }

    @Test
    void tokensAndKwh() {
        assertThat(BillFactory.token("pay_1")).matches("\\d{4} \\d{4} \\d{4} \\d{4} \\d{4}")
                .isEqualTo(BillFactory.token("pay_1")).isNotEqualTo(BillFactory.token("pay_2"));
        assertThat(BillFactory.kwh(50_000, "R1/1300VA")).isEqualTo("34.6");
        assertThat(BillFactory.kwh(20_000, "R1/900VA")).isEqualTo("14.7");
        assertThat(BillFactory.period(LocalDate.of(2025, 11, 1))).isEqualTo("NOV25");
        assertThat(BillFactory.formatRupiah(152_500)).isEqualTo("Rp 152.500");
    }

    private static String referenceFor(String biller, int i) {
        return switch (biller) {
            case "PLN_POSTPAID" -> String.format("5%011d", 31_000_000L + i * 13L);
            case "PLN_PREPAID" -> String.format("1%010d", 31_000_000L + i * 13L);
            case "TELKOM" -> String.format("02%010d", 31_000_000L + i * 13L);
            case "HALO", "PULSA" -> String.format("0812%08d", 31_000_000L + i * 13L);
            case "KAI" -> String.format("KB%04d", 3100 + i);
            default -> String.format("%07d", 3_100_000L + i * 13L);
        };
    }
}
