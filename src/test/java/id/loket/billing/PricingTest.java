package id.loket.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.Biller;
import id.loket.core.BillerCategory;
import id.loket.core.BillerKind;
import id.loket.core.Money;
import id.loket.core.Product;
import id.loket.settings.SettingsService;
import id.loket.settings.SettingsStore;
import id.loket.users.PermissionDeniedException;
import id.loket.users.TestOperators;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shop's prices on a network that quotes its cost: the owner's markup per category or price per SKU, applied to
 * the catalog and to a prepaid look-up; never to the house network, which quotes the customer's price. And the
 * reference a look-up hands to a network that pays under it.
 */
class PricingTest {

    private static final Biller TOKENS = new Biller("PLN_PRABAYAR", BillerCategory.ELECTRICITY, "PLN Prabayar",
            BillerKind.PREPAID, "Nomor meter", "\\d{11,12}", Money.ZERO,
            List.of(new Product("pln20", "PLN 20.000", Money.of(20_150), Money.of(20_150)),
                    new Product("pln50", "PLN 50.000", Money.of(50_150), Money.of(50_150))));
    private static final Biller BILLS = new Biller("PLN", BillerCategory.ELECTRICITY, "PLN Pascabayar",
            BillerKind.POSTPAID, "ID pelanggan", "\\d{11,12}", Money.of(2_500), List.of());

    /** A network answering from a fixed catalog; its prepaid quotes are at cost. */
    private static final class QuotingNetwork implements BillerNetwork {
        final boolean quotesCost;
        final List<InquiryRequest> asked = new ArrayList<>();

        QuotingNetwork(boolean quotesCost) {
            this.quotesCost = quotesCost;
        }

        @Override
        public NetworkInfo info() {
            return new NetworkInfo("test", "Test", NetworkInfo.Mode.TESTING, false, quotesCost);
        }

        @Override
        public GatewayResult<List<Biller>> billers() {
            return new GatewayResult.Answer<>(List.of(TOKENS, BILLS));
        }

        @Override
        public GatewayResult<Inquiry> inquire(InquiryRequest request) {
            asked.add(request);
            Money cost = request.product().map(p -> TOKENS.product(p).orElseThrow().cost()).orElse(Money.of(10_000));
            return new GatewayResult.Answer<>(new Inquiry("id", request.biller(), request.reference(), "NAMA", cost,
                    Money.ZERO, cost, Map.of(), Instant.now().plusSeconds(600), cost,
                    request.product().isPresent() ? Optional.empty() : request.clientRef()));
        }

        @Override
        public GatewayResult<PaymentResult> pay(PaymentRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public GatewayResult<PaymentResult> paymentStatus(PaymentRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public GatewayResult<PaymentResult> awaitPayment(PaymentRequest request, int maxChecks) {
            throw new UnsupportedOperationException();
        }

        @Override
        public GatewayResult<DepositBalance> balance() {
            return new GatewayResult.Answer<>(new DepositBalance(Money.of(1_000_000), Instant.now()));
        }

        @Override
        public GatewayResult<SettlementSummary> settlement(LocalDate day, Path csvFile) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class MapStore implements SettingsStore {
        final Map<String, String> values = new HashMap<>();

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public void put(String key, String value) {
            values.put(key, value);
        }
    }

    private final MapStore store = new MapStore();
    private final SettingsService settings = new SettingsService(store, TestOperators.audit());

    private BillingService billing(BillerNetwork network) {
        int[] n = {0};
        return new BillingService(network, (b, p) -> settings.sellingPrice(b.category(), p.code(), p.cost()),
                () -> "LKT-20261207-TEST" + (n[0]++));
    }

    @Test
    void withoutAMarkupProductsSellAtCost() {
        Biller tokens = billing(new QuotingNetwork(true)).biller("PLN_PRABAYAR").orElseThrow();
        assertThat(tokens.product("pln20").orElseThrow().price()).isEqualTo(Money.of(20_150));
        assertThat(tokens.product("pln20").orElseThrow().cost()).isEqualTo(Money.of(20_150));
    }

    @Test
    void theCategorysMarkupIsAddedToTheCostAndTheLookUpIsRepriced() {
        settings.setMarkup(TestOperators.owner(), BillerCategory.ELECTRICITY, Money.of(2_000));
        BillingService billing = billing(new QuotingNetwork(true));
        assertThat(billing.biller("PLN_PRABAYAR").orElseThrow().product("pln50").orElseThrow().price())
                .isEqualTo(Money.of(52_150));

        Inquiry quote = billing.inquire("PLN_PRABAYAR", "12345678901", Optional.of("pln50")).orThrow();
        assertThat(quote.amount()).isEqualTo(Money.of(52_150));
        assertThat(quote.total()).isEqualTo(Money.of(52_150));
        assertThat(quote.cost()).as("the deposit still pays the cost").isEqualTo(Money.of(50_150));
    }

    @Test
    void aPriceSetForASkuWinsOverTheMarkupEvenBelowCost() {
        settings.setMarkup(TestOperators.owner(), BillerCategory.ELECTRICITY, Money.of(2_000));
        store.put(SettingsService.PRICE_SKU_PREFIX + "pln20", "20000");
        Inquiry quote = billing(new QuotingNetwork(true)).inquire("PLN_PRABAYAR", "12345678901", Optional.of("pln20"))
                .orThrow();
        assertThat(quote.amount()).isEqualTo(Money.of(20_000));
        assertThat(quote.cost()).as("kept: the counter refuses the sale until the owner decides")
                .isEqualTo(Money.of(20_150));
    }

    @Test
    void theHouseNetworkQuotesTheCustomersPriceAndIsNeverRepriced() {
        settings.setMarkup(TestOperators.owner(), BillerCategory.ELECTRICITY, Money.of(2_000));
        BillingService billing = billing(new QuotingNetwork(false));
        assertThat(billing.biller("PLN_PRABAYAR").orElseThrow().product("pln20").orElseThrow().price())
                .isEqualTo(Money.of(20_150));
        assertThat(billing.inquire("PLN_PRABAYAR", "12345678901", Optional.of("pln20")).orThrow().amount())
                .isEqualTo(Money.of(20_150));
    }

    @Test
    void aMarkupIsNeverNegativeAndOnlyTheOwnerSetsIt() {
        assertThatThrownBy(() -> settings.setMarkup(TestOperators.owner(), BillerCategory.PHONE, Money.of(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.setMarkup(TestOperators.clerk(), BillerCategory.PHONE, Money.of(500)))
                .isInstanceOf(PermissionDeniedException.class);
    }

    @Test
    void aLookUpHandsTheNetworkANewReferenceForItsPayment() {
        QuotingNetwork network = new QuotingNetwork(true);
        BillingService billing = billing(network);
        Inquiry bill = billing.inquire("PLN", "530000000001", Optional.empty()).orThrow();
        Inquiry again = billing.inquire("PLN", "530000000001", Optional.empty()).orThrow();
        assertThat(network.asked).extracting(InquiryRequest::clientRef)
                .containsExactly(Optional.of("LKT-20261207-TEST0"), Optional.of("LKT-20261207-TEST1"));
        assertThat(bill.paymentRef()).contains("LKT-20261207-TEST0");
        assertThat(again.paymentRef()).as("each look-up its own reference").contains("LKT-20261207-TEST1");
    }

    @Test
    void aSkuFindsItsPrepaidBillerOrThePostpaidBillerItIs() {
        BillingService billing = billing(new QuotingNetwork(true));
        assertThat(billing.sku("pln50")).hasValueSatisfying(m -> {
            assertThat(m.biller().code()).isEqualTo("PLN_PRABAYAR");
            assertThat(m.product()).contains("pln50");
        });
        assertThat(billing.sku("pln")).hasValueSatisfying(m -> {
            assertThat(m.biller().code()).isEqualTo("PLN");
            assertThat(m.product()).isEmpty();
        });
        assertThat(billing.sku("nothing")).isEmpty();
    }
}
