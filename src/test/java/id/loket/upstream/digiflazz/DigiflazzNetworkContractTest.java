package id.loket.upstream.digiflazz;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.InquiryRequest;
import id.loket.billing.NetworkInfo;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.billing.TopUpTicket;
import id.loket.core.Biller;
import id.loket.core.BillerCategory;
import id.loket.core.BillerKind;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.Product;
import id.loket.testing.DigiflazzBed;
import id.loket.testing.TestClock;
import id.loket.upstream.digiflazz.sim.SimulatedTransaction;
import id.loket.upstream.digiflazz.sim.SimulatorFault;
import id.loket.upstream.digiflazz.sim.SimulatorOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of {@link DigiflazzNetwork} (the {@code BillerNetwork} port over Digiflazz) against the
 * {@code DigiflazzSimulator} over real HTTP on loopback: the catalog and its kept price list, every postpaid scenario
 * of the official test-case page for {@code pln}, {@code pdam}, {@code bpjs} and {@code internet}, the prepaid test
 * numbers and PLN tokens, the response-code classes, the transport faults and the adapter's own rules (same-day
 * payment, one call a minute, the 80-day horizon). One simulator per test, on a clock the test moves.
 */
class DigiflazzNetworkContractTest {

    private static final long DEPOSIT = SimulatorOptions.DEFAULT_DEPOSIT;
    /** An XL number of the simulator's own that succeeds at once (not a test number, does not end in 9). */
    private static final String XL_NUMBER = "087812345670";
    private static final String OTHER_XL_NUMBER = "087812345680";
    /** PLN meters: one that sells at once, one that goes Pending first (ends in 9). */
    private static final String METER = "14123456780";
    private static final String PENDING_METER = "14123456789";

    @TempDir
    Path dir;

    private DigiflazzBed bed;

    private DigiflazzBed start() {
        return start(o -> o);
    }

    private DigiflazzBed start(UnaryOperator<SimulatorOptions.Builder> options) {
        bed = DigiflazzBed.start(dir, options);
        return bed;
    }

    @AfterEach
    void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    // ==== the catalog ===============================================================================================

    @Test
    void thePriceListsBecomeBillersAndAreKeptInTheFile() throws Exception {
        start();
        DigiflazzNetwork network = bed.network();

        List<Biller> billers = answer(network.billers());

        Biller tokens = biller(billers, "PLN_PRABAYAR");
        assertThat(tokens.category()).isEqualTo(BillerCategory.ELECTRICITY);
        assertThat(tokens.kind()).isEqualTo(BillerKind.PREPAID);
        assertThat(tokens.products()).extracting(Product::code)
                .containsExactly("pln20", "pln50", "pln100", "pln200", "pln500");
        assertThat(tokens.product("pln20").orElseThrow().cost()).isEqualTo(Money.of(20_150));
        assertThat(tokens.acceptsReference(METER)).isTrue();
        Biller xl = biller(billers, "XL_PULSA");
        assertThat(xl.category()).isEqualTo(BillerCategory.PHONE);
        assertThat(xl.product("xld10").orElseThrow().cost()).isEqualTo(Money.of(10_000));
        // isat5 is out of order at its seller: not sold.
        assertThat(billers).flatExtracting(Biller::products).extracting(Product::code).doesNotContain("isat5");

        Map<String, BillerCategory> postpaid = Map.of("PLN", BillerCategory.ELECTRICITY, "PDAM", BillerCategory.WATER,
                "AETRA", BillerCategory.WATER, "BPJS", BillerCategory.BPJS, "INTERNET", BillerCategory.INTERNET,
                "HP", BillerCategory.PHONE, "TV", BillerCategory.TV, "MULTIFINANCE", BillerCategory.FINANCE,
                "PGAS", BillerCategory.GAS, "CIMAHI", BillerCategory.TAX);
        postpaid.forEach((code, category) -> {
            Biller b = biller(billers, code);
            assertThat(b.kind()).as(code).isEqualTo(BillerKind.POSTPAID);
            assertThat(b.category()).as(code).isEqualTo(category);
            assertThat(b.products()).as(code).isEmpty();
        });
        assertThat(biller(billers, "PLN").adminFee()).isEqualTo(Money.of(2_500));
        assertThat(biller(billers, "PLN").acceptsReference("530000000001")).isTrue();
        assertThat(biller(billers, "BPJS").acceptsReference("8801234560001")).isTrue();
        assertThat(biller(billers, "PDAM").acceptsReference("1013226")).isTrue();

        assertThat(network.catalogAsOf()).contains(DigiflazzBed.START);
        assertThat(network.priceListAge()).contains(Duration.ZERO);
        String kept = Files.readString(bed.priceListFile(), StandardCharsets.UTF_8);
        assertThat(kept).contains("\"fetched_at\"", DigiflazzBed.START.toString(), "\"pln20\"", "\"xld10\"",
                "\"pdam\"", "\"bpjs\"");
        assertThat(dir.resolve("digiflazz-pricelist.json.tmp")).doesNotExist();

        NetworkInfo info = network.info();
        assertThat(info.id()).isEqualTo("digiflazz");
        assertThat(info.mode()).isEqualTo(NetworkInfo.Mode.TESTING);
        assertThat(info.hasStatement()).isFalse();
        assertThat(info.quotesCost()).isTrue();
    }

    @Test
    void aSecondReadWithinFiveMinutesAsksDigiflazzNothing() {
        start();
        DigiflazzNetwork network = bed.network();
        List<Biller> first = answer(network.billers());
        // Any request for the price list would use this up.
        SimulatorFault trap = SimulatorFault.http500().onPath("/v1/price-list").times(10);
        bed.simulator().armFault(trap);

        bed.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(answer(network.billers())).isEqualTo(first);
        assertThat(answer(network.refreshCatalog())).isEqualTo(first);
        // Nor does a counter restarted meanwhile: it sells from the kept list.
        DigiflazzNetwork restarted = bed.network(bed.client(bed.credentials(), DigiflazzBed.READ_TIMEOUT));
        assertThat(answer(restarted.billers())).isEqualTo(first);
        assertThat(restarted.catalogAsOf()).contains(DigiflazzBed.START);

        assertThat(bed.simulator().armedFaults()).containsExactly(trap);
    }

    @Test
    void afterFiveMinutesTheListIsAskedForAgainWithoutHittingTheLimit() {
        start();
        DigiflazzNetwork network = bed.network();
        answer(network.billers());

        bed.advance(Duration.ofMinutes(5).plusSeconds(1));
        List<Biller> again = answer(network.refreshCatalog());

        // Had the limit been hit (rc 83), the kept list would have been kept with its old time.
        assertThat(network.catalogAsOf()).contains(DigiflazzBed.START.plus(Duration.ofMinutes(5).plusSeconds(1)));
        assertThat(again).extracting(Biller::code).contains("PLN_PRABAYAR", "PLN");
    }

    @Test
    void whenDigiflazzCannotBeReachedTheKeptListIsSoldFromAndItsAgeTold() {
        start();
        List<Biller> fetched = answer(bed.network().billers());
        bed.simulator().close();
        bed.advance(Duration.ofHours(2));

        // The same counter, and one restarted, both go on selling from the kept list and say how old it is.
        assertThat(answer(bed.network().billers())).isEqualTo(fetched);
        assertThat(bed.network().catalogAsOf()).contains(DigiflazzBed.START);
        DigiflazzNetwork restarted = bed.network(bed.client(bed.credentials(), DigiflazzBed.READ_TIMEOUT));
        assertThat(answer(restarted.billers())).isEqualTo(fetched);
        assertThat(restarted.catalogAsOf()).contains(DigiflazzBed.START);
        assertThat(restarted.priceListAge()).contains(Duration.ofHours(2));
        // A look-up still finds its biller in the kept list (and then meets the closed simulator).
        assertThat(noAnswer(restarted.inquire(new InquiryRequest("PLN", "530000000001", Optional.empty(),
                Optional.of(bed.newRef()))))).isNotBlank();
    }

    @Test
    void aRefreshThatCannotReachDigiflazzKeepsTheListsTrueAge() {
        start();
        List<Biller> fetched = answer(bed.network().billers());
        bed.simulator().close();
        bed.advance(Duration.ofMinutes(10));

        assertThat(answer(bed.network().refreshCatalog())).isEqualTo(fetched);

        assertThat(bed.network().catalogAsOf()).contains(DigiflazzBed.START);
        assertThat(bed.network().priceListAge()).contains(Duration.ofMinutes(10));
    }

    @Test
    void withNoListKeptAndDigiflazzUnreachableTheCatalogIsNoAnswer() {
        start();
        bed.simulator().close();

        assertThat(noAnswer(bed.network().billers())).contains("price list");
        assertThat(bed.network().catalogAsOf()).isEmpty();
        assertThat(bed.priceListFile()).doesNotExist();
    }

    @Test
    void aPriceListRefusedForAWrongKeyIsARefusalNamingTheKey() {
        start();
        DigiflazzNetwork wrongKey = bed.network(bed.client(new DigiflazzCredentials(SimulatorOptions.DEFAULT_USERNAME,
                "dev-00000000-0000-0000-0000-000000000000", true), DigiflazzBed.READ_TIMEOUT));

        assertThat(refused(wrongKey.billers()).code()).isEqualTo(GatewayError.WRONG_KEY);
    }

    @Test
    void aMalformedPriceListRowIsSkippedAndTheOthersSold() throws Exception {
        ScriptedServer server = ScriptedServer.start();
        try {
            server.thenJson(200, "{\"data\":["
                    + prepaidRow("pln20", "20150") + ","
                    + prepaidRow("pln50", "\"lima puluh ribu\"") + ","
                    + prepaidRow("pln100", "100150").replace("\"buyer_sku_code\":\"pln100\",", "") + ","
                    + prepaidRow("pln200", "200150")
                    + "]}");
            server.thenJson(200, "{\"data\":[{\"product_name\":\"PLN Pascabayar\",\"category\":\"Pascabayar\","
                    + "\"brand\":\"PLN PASCABAYAR\",\"seller_name\":\"PT Tagihan\",\"admin\":2500,\"commission\":1000,"
                    + "\"buyer_sku_code\":\"pln\",\"buyer_product_status\":true,\"seller_product_status\":true,"
                    + "\"desc\":\"-\"},{\"product_name\":\"Rusak\",\"admin\":\"dua\",\"buyer_sku_code\":\"rusak\"}]}");
            Path file = dir.resolve("scripted-pricelist.json");
            DigiflazzNetwork network = new DigiflazzNetwork(new DigiflazzClient(server.baseUrl(),
                    new DigiflazzCredentials("loketuser", SimulatorOptions.DEFAULT_DEVELOPMENT_KEY, true),
                    Duration.ofSeconds(5), Duration.ofSeconds(5)), true, file,
                    TestClock.at(DigiflazzBed.START));

            List<Biller> billers = answer(network.billers());

            assertThat(biller(billers, "PLN_PRABAYAR").products()).extracting(Product::code)
                    .containsExactly("pln20", "pln200");
            assertThat(billers).extracting(Biller::code).containsExactly("PLN_PRABAYAR", "PLN");
            assertThat(server.requests()).hasSize(2);
            String kept = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(kept).contains("\"pln20\"", "\"pln200\"", "\"pln\"").doesNotContain("pln50", "rusak",
                    "lima puluh");
        } finally {
            server.close();
        }
    }

    // ==== postpaid: the official test-case page ===================================================================

    /** One postpaid SKU of the test-case page: its five numbers and what its bill says. */
    record Postpaid(String biller, String success, String inquiryFails, String payFails, String pendingSuccess,
            String pendingFail, long sellingPrice, long admin, long price, String customerName, String sn,
            Map<String, String> details) {

        @Override
        public String toString() {
            return biller;
        }
    }

    static Stream<Postpaid> postpaid() {
        return Stream.of(
                new Postpaid("PLN", "530000000001", "530000000003", "530000000006", "630000000001", "630000000006",
                        11_000, 2_500, 10_000, "Nama Pelanggan Pertama", "S1234554321N", Map.of(
                                "idpel", "530000000001", "tarif_daya", "R1/1300 VA", "periode", "201901",
                                "lembar_tagihan", "1", "denda", "500")),
                new Postpaid("PDAM", "1013226", "1013227", "1013230", "2013226", "2013230",
                        12_500, 2_500, 11_500, "Nama Pelanggan Pertama", "S1234554321N", Map.of(
                                "tarif_daya", "3A", "periode", "201901", "lembar_tagihan", "1", "denda", "500",
                                "alamat", "WONOKROMO S.S BARU 2 8", "jatuh_tempo", "1-15 DES 2014")),
                new Postpaid("BPJS", "8801234560001", "8801234560002", "8801234560005", "9801234560001",
                        "9801234560005", 25_000, 2_500, 24_700, "Nama Pelanggan", "BP1234554321JS", Map.of(
                                "periode", "01", "lembar_tagihan", "1", "alamat", "JAKARTA PUSAT",
                                "jumlah_peserta", "2")),
                new Postpaid("INTERNET", "6391601001", "6391601002", "6391601005", "7391601001", "7391601005",
                        24_500, 5_000, 22_500, "Nama Pelanggan", "I1234554321N", Map.of(
                                "periode", "MEI 2019,JUN 2019", "lembar_tagihan", "2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postpaid")
    void aPostpaidBillIsLookedUpUnderThePaymentsRef(Postpaid c) {
        start();
        String ref = bed.newRef();

        Inquiry bill = answer(inquirePostpaid(c.biller(), c.success(), ref));

        assertThat(bill.inquiryId()).isEqualTo("pasca:" + c.biller().toLowerCase(java.util.Locale.ROOT));
        assertThat(bill.biller()).isEqualTo(c.biller());
        assertThat(bill.reference()).isEqualTo(c.success());
        assertThat(bill.customerName()).isEqualTo(c.customerName());
        assertThat(bill.total()).isEqualTo(Money.of(c.sellingPrice()));
        assertThat(bill.adminFee()).isEqualTo(Money.of(c.admin()));
        assertThat(bill.amount()).isEqualTo(Money.of(c.sellingPrice() - c.admin()));
        assertThat(bill.cost()).isEqualTo(Money.of(c.price()));
        assertThat(bill.paymentRef()).contains(ref);
        assertThat(bill.details()).containsAllEntriesOf(c.details());
        if (!c.biller().equals("PLN")) {
            assertThat(bill.details()).doesNotContainKey("idpel");
        }
        assertThat(bill.expiresAt()).isEqualTo(bed.calendar().endOf(bed.today()).minusSeconds(1));
        SimulatedTransaction inquiry = bed.simulator().transaction(ref).orElseThrow();
        assertThat(inquiry.stage()).isEqualTo("inquiry");
        assertThat(inquiry.customerNo()).isEqualTo(c.success());
        assertThat(inquiry.testing()).isTrue();
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postpaid")
    void aPostpaidBillIsPaidUnderTheSameRefId(Postpaid c) {
        start();
        String ref = bed.newRef();
        Inquiry bill = answer(inquirePostpaid(c.biller(), c.success(), ref));

        PaymentResult paid = answer(bed.network().pay(requestFor(bill, ref)));

        assertThat(paid.status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(paid.rc()).isEqualTo("00");
        assertThat(paid.clientRef()).isEqualTo(ref);
        assertThat(paid.paymentId()).isEqualTo("df:" + ref);
        assertThat(paid.billerRef()).contains(c.sn());
        assertThat(paid.token()).isEmpty();
        assertThat(paid.paidAt()).contains(DigiflazzBed.START);
        assertThat(paid.cost()).contains(Money.of(c.price()));
        assertThat(paid.depositBalance()).contains(Money.of(DEPOSIT - c.price()));
        List<SimulatedTransaction> held = bed.transactionsOf(ref);
        assertThat(held).hasSize(1);
        assertThat(held.get(0).stage()).isEqualTo("payment");
        assertThat(held.get(0).status()).isEqualTo("Sukses");
        assertThat(held.get(0).price()).isEqualTo(c.price());
        assertThat(held.get(0).sellingPrice()).isEqualTo(c.sellingPrice());
        assertThat(bed.simulator().transactions()).hasSize(1);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - c.price());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postpaid")
    void aPostpaidInquiryThatFailsIsARefusal(Postpaid c) {
        start();

        GatewayError error = refused(inquirePostpaid(c.biller(), c.inquiryFails(), bed.newRef()));

        assertThat(error.code()).isEqualTo(GatewayError.REFERENCE_NOT_FOUND);
        assertThat(error.message()).startsWith("rc 02");
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postpaid")
    void aPostpaidPaymentThatFailsIsAFailedAnswer(Postpaid c) {
        start();
        String ref = bed.newRef();
        Inquiry bill = answer(inquirePostpaid(c.biller(), c.payFails(), ref));

        PaymentResult result = answer(bed.network().pay(requestFor(bill, ref)));

        assertThat(result.status()).isEqualTo(PaymentResult.Status.FAILED);
        assertThat(result.rc()).isEqualTo("02");
        assertThat(result.isDefinitive()).isTrue();
        assertThat(result.token()).isEmpty();
        assertThat(result.paidAt()).isEmpty();
        assertThat(bed.simulator().transaction(ref).orElseThrow().status()).isEqualTo("Gagal");
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postpaid")
    void aPendingPostpaidPaymentSettlesSuccessOnTheReCheckAMinuteLater(Postpaid c) {
        start();
        String ref = bed.newRef();
        Inquiry bill = answer(inquirePostpaid(c.biller(), c.pendingSuccess(), ref));
        PaymentRequest request = requestFor(bill, ref);

        PaymentResult pending = answer(bed.network().pay(request));
        assertThat(pending.status()).isEqualTo(PaymentResult.Status.PENDING);
        assertThat(pending.rc()).isEqualTo("03");
        assertThat(pending.isDefinitive()).isFalse();
        assertThat(pending.billerRef()).isEmpty();

        // Within the minute nothing is asked.
        bed.advance(Duration.ofSeconds(30));
        assertThat(noAnswer(bed.network().paymentStatus(request))).contains("once a minute");
        assertThat(bed.simulator().transaction(ref).orElseThrow().checks()).isZero();

        bed.advance(Duration.ofSeconds(31));
        PaymentResult settled = answer(bed.network().paymentStatus(request));

        assertThat(settled.status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(settled.billerRef()).contains(c.sn());
        SimulatedTransaction t = bed.simulator().transaction(ref).orElseThrow();
        assertThat(t.checks()).isEqualTo(1);
        assertThat(t.status()).isEqualTo("Sukses");
        assertThat(bed.transactionsOf(ref)).hasSize(1);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - c.price());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("postpaid")
    void aPendingPostpaidPaymentSettlesFailedOnTheReCheckAMinuteLater(Postpaid c) {
        start();
        String ref = bed.newRef();
        Inquiry bill = answer(inquirePostpaid(c.biller(), c.pendingFail(), ref));
        PaymentRequest request = requestFor(bill, ref);
        assertThat(answer(bed.network().pay(request)).status()).isEqualTo(PaymentResult.Status.PENDING);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - c.price());

        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        PaymentResult settled = answer(bed.network().paymentStatus(request));

        assertThat(settled.status()).isEqualTo(PaymentResult.Status.FAILED);
        assertThat(settled.rc()).isEqualTo("02");
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT);
        assertThat(bed.transactionsOf(ref)).hasSize(1);
    }

    @Test
    void aPlnCustomerWithTwoBillsIsLookedUpWithBothPeriodsAndTheirFines() {
        start();
        String ref = bed.newRef();

        Inquiry bill = answer(inquirePostpaid("PLN", "530000000002", ref));

        assertThat(bill.total()).isEqualTo(Money.of(25_000));
        assertThat(bill.adminFee()).isEqualTo(Money.of(5_000));
        assertThat(bill.amount()).isEqualTo(Money.of(20_000));
        assertThat(bill.cost()).isEqualTo(Money.of(23_000));
        assertThat(bill.details()).containsEntry("periode", "201901,201902").containsEntry("lembar_tagihan", "2")
                .containsEntry("denda", "500");
        PaymentResult paid = answer(bed.network().pay(requestFor(bill, ref)));
        assertThat(paid.status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - 23_000);
    }

    // ==== prepaid ==================================================================================================

    @Test
    void theOfficialPrepaidNumbersOfXld10() {
        start();
        DigiflazzNetwork network = bed.network();
        Inquiry quote = answer(network.inquire(new InquiryRequest("XL_PULSA", "087800001230", Optional.of("xld10"),
                Optional.of(bed.newRef()))));
        assertThat(quote.inquiryId()).isEqualTo("prepaid:xld10");
        assertThat(quote.amount()).isEqualTo(Money.of(10_000));
        assertThat(quote.cost()).isEqualTo(Money.of(10_000));
        assertThat(quote.adminFee()).isEqualTo(Money.ZERO);
        assertThat(quote.paymentRef()).isEmpty();
        assertThat(quote.details()).containsEntry("no_hp", "087800001230").containsEntry("operator", "XL");

        String success = bed.newRef();
        PaymentResult sold = answer(network.pay(topup("XL_PULSA", "xld10", "087800001230", success, 10_000)));
        assertThat(sold.status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(sold.billerRef()).contains("1234567890");
        assertThat(sold.token()).isEmpty();
        assertThat(sold.depositBalance()).contains(Money.of(990_000));

        String failure = bed.newRef();
        PaymentResult failed = answer(network.pay(topup("XL_PULSA", "xld10", "087800001232", failure, 10_000)));
        assertThat(failed.status()).isEqualTo(PaymentResult.Status.FAILED);
        assertThat(failed.rc()).isEqualTo("02");

        String pendingThenSuccess = bed.newRef();
        PaymentRequest p1 = topup("XL_PULSA", "xld10", "087800001233", pendingThenSuccess, 10_000);
        assertThat(answer(network.pay(p1)).status()).isEqualTo(PaymentResult.Status.PENDING);
        String pendingThenFailure = bed.newRef();
        PaymentRequest p2 = topup("XL_PULSA", "xld10", "087800001234", pendingThenFailure, 10_000);
        assertThat(answer(network.pay(p2)).status()).isEqualTo(PaymentResult.Status.PENDING);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - 30_000);

        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        assertThat(answer(network.paymentStatus(p1)).status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(answer(network.paymentStatus(p2)).status()).isEqualTo(PaymentResult.Status.FAILED);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - 20_000);
        // A re-check is the identical topup: still one transaction per ref_id.
        for (String ref : List.of(success, failure, pendingThenSuccess, pendingThenFailure)) {
            assertThat(bed.transactionsOf(ref)).as(ref).hasSize(1);
        }
    }

    @Test
    void aPhoneCreditsTwentyDigitSerialIsItsBillerReferenceNotAToken() {
        start();
        String ref = bed.newRef();

        PaymentResult sold = answer(bed.network().pay(topup("XL_PULSA", "xld10", XL_NUMBER, ref, 10_000)));

        String sn = bed.simulator().transaction(ref).orElseThrow().sn();
        assertThat(sn).matches("\\d{20}");
        assertThat(sold.status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(sold.token()).isEmpty();
        assertThat(sold.kwh()).isEmpty();
        assertThat(sold.billerRef()).contains(sn);
    }

    @Test
    void aTopupIsSentWithTheBookedCostAsMaxPrice() {
        start();
        String ref = bed.newRef();

        // The price list said 10000; a payment booked at 9000 must not be charged 10000 (rc 69).
        GatewayError error = refused(bed.network().pay(topup("XL_PULSA", "xld10", XL_NUMBER, ref, 9_000)));

        assertThat(error.code()).isEqualTo(GatewayError.AMOUNT_MISMATCH);
        assertThat(bed.simulator().transaction(ref)).isEmpty();
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT);
    }

    @Test
    void aPlnTokenShowsTheMetersNameThenComesWithItsTwentyDigitsAndKwh() {
        start();
        DigiflazzNetwork network = bed.network();

        Inquiry quote = answer(network.inquire(new InquiryRequest("PLN_PRABAYAR", METER, Optional.of("pln20"),
                Optional.of(bed.newRef()))));
        assertThat(quote.inquiryId()).isEqualTo("prepaid:pln20");
        assertThat(quote.customerName()).isNotBlank();
        assertThat(quote.details()).containsEntry("no_meter", METER).containsKeys("idpel", "tarif_daya", "produk");
        assertThat(quote.cost()).isEqualTo(Money.of(20_150));

        String ref = bed.newRef();
        PaymentResult sold = answer(network.pay(new PaymentRequest(ref, quote.inquiryId(), quote.total(),
                PaymentMethod.CASH, Optional.empty(), quote.biller(), METER, quote.cost())));

        assertThat(sold.status()).isEqualTo(PaymentResult.Status.SUCCESS);
        String sn = bed.simulator().transaction(ref).orElseThrow().sn();
        String[] parts = sn.split("/");
        assertThat(sold.token()).hasValueSatisfying(t -> {
            assertThat(t.replaceAll("[^0-9]", "")).matches("\\d{20}").isEqualTo(parts[0].replace("-", ""));
        });
        assertThat(sold.kwh()).contains(parts[parts.length - 1]);
        assertThat(sold.billerRef()).isEmpty();
        // The name the clerk was shown is the name the token was sold to.
        assertThat(quote.customerName()).isEqualTo(parts[1]);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - 20_150);
    }

    @Test
    void aPendingTokenSettlesOnTheReCheck() {
        start();
        String ref = bed.newRef();
        PaymentRequest request = topup("PLN_PRABAYAR", "pln50", PENDING_METER, ref, 50_150);

        PaymentResult pending = answer(bed.network().pay(request));
        assertThat(pending.status()).isEqualTo(PaymentResult.Status.PENDING);
        assertThat(pending.token()).isEmpty();

        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        PaymentResult settled = answer(bed.network().paymentStatus(request));

        assertThat(settled.status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(settled.token()).hasValueSatisfying(t -> assertThat(t.replaceAll("[^0-9]", "")).hasSize(20));
        assertThat(settled.kwh()).isPresent();
        assertThat(bed.transactionsOf(ref)).hasSize(1);
        assertThat(bed.simulator().transaction(ref).orElseThrow().checks()).isEqualTo(1);
    }

    @Test
    void anUnknownPlnMeterIsARefusal() {
        start();

        GatewayError error = refused(bed.network().inquire(new InquiryRequest("PLN_PRABAYAR", "00000000000",
                Optional.of("pln20"), Optional.of(bed.newRef()))));

        assertThat(error.code()).isEqualTo(GatewayError.REFERENCE_NOT_FOUND);
    }

    // ==== response-code classes ====================================================================================

    @Test
    void aDepositTooLowIsARefusalAndLeavesTheDepositAlone() {
        start();
        DigiflazzNetwork network = bed.network();
        String postpaidRef = bed.newRef();
        Inquiry bill = answer(inquirePostpaid("PLN", "530000000001", postpaidRef));
        bed.simulator().setDeposit(5_000);

        GatewayError prepaid = refused(network.pay(topup("XL_PULSA", "xld10", XL_NUMBER, bed.newRef(), 10_000)));
        GatewayError postpaid = refused(network.pay(requestFor(bill, postpaidRef)));

        assertThat(prepaid.code()).isEqualTo(GatewayError.INSUFFICIENT_DEPOSIT);
        assertThat(prepaid.message()).startsWith("rc 44");
        assertThat(postpaid.code()).isEqualTo(GatewayError.INSUFFICIENT_DEPOSIT);
        assertThat(bed.simulator().deposit()).isEqualTo(5_000);
        assertThat(bed.simulator().transaction(postpaidRef).orElseThrow().stage()).isEqualTo("inquiry");
        assertThat(bed.simulator().transactions()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"02", "53", "55", "58", "85"})
    void aCodeOfAFailedTransactionIsAFailedAnswer(String rc) {
        start();
        answer(bed.network().billers());
        bed.simulator().armFault(SimulatorFault.rc(rc));
        String ref = bed.newRef();

        PaymentResult result = answer(bed.network().pay(topup("XL_PULSA", "xld10", XL_NUMBER, ref, 10_000)));

        assertThat(result.status()).isEqualTo(PaymentResult.Status.FAILED);
        assertThat(result.rc()).isEqualTo(rc);
        assertThat(bed.simulator().transaction(ref).orElseThrow().status()).isEqualTo("Gagal");
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"03", "99"})
    void aPendingCodeIsPendingAndSettlesOnTheReCheck(String rc) {
        start();
        answer(bed.network().billers());
        bed.simulator().armFault(SimulatorFault.rc(rc));
        String ref = bed.newRef();
        PaymentRequest request = topup("XL_PULSA", "xld10", XL_NUMBER, ref, 10_000);

        PaymentResult pending = answer(bed.network().pay(request));
        assertThat(pending.status()).isEqualTo(PaymentResult.Status.PENDING);
        assertThat(pending.rc()).isEqualTo(rc);

        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        assertThat(answer(bed.network().paymentStatus(request)).status()).isEqualTo(PaymentResult.Status.SUCCESS);
    }

    @Test
    void aWrongKeyOrUsernameIsARefusalNamingIt() {
        start();
        DigiflazzNetwork wrongKey = bed.network(bed.client(new DigiflazzCredentials(SimulatorOptions.DEFAULT_USERNAME,
                "dev-00000000-0000-0000-0000-000000000000", true), DigiflazzBed.READ_TIMEOUT));
        DigiflazzNetwork wrongUser = bed.network(bed.client(new DigiflazzCredentials("someoneelse",
                SimulatorOptions.DEFAULT_DEVELOPMENT_KEY, true), DigiflazzBed.READ_TIMEOUT));

        assertThat(refused(wrongKey.balance()).code()).isEqualTo(GatewayError.WRONG_KEY);
        assertThat(refused(wrongUser.balance()).code()).isEqualTo(GatewayError.WRONG_USERNAME);
        assertThat(answer(bed.network().balance()).balance()).isEqualTo(Money.of(DEPOSIT));
        assertThat(answer(bed.network().balance()).asOf()).isEqualTo(DigiflazzBed.START);
    }

    @Test
    void aCounterWhoseIpIsNotWhitelistedIsToldSo() {
        start(o -> o.whitelistedIps(List.of()));

        GatewayError error = refused(bed.network().balance());

        assertThat(error.code()).isEqualTo(GatewayError.IP_NOT_WHITELISTED);
        assertThat(error.message()).startsWith("rc 45");
    }

    @Test
    void aRefIdUsedForAnotherCustomerIsAnIdempotencyConflict() {
        start();
        DigiflazzNetwork network = bed.network();
        String ref = bed.newRef();
        assertThat(answer(network.pay(topup("XL_PULSA", "xld10", XL_NUMBER, ref, 10_000))).status())
                .isEqualTo(PaymentResult.Status.SUCCESS);

        GatewayError prepaid = refused(network.pay(topup("XL_PULSA", "xld10", OTHER_XL_NUMBER, ref, 10_000)));

        String postpaidRef = bed.newRef();
        Inquiry bill = answer(inquirePostpaid("PLN", "530000000001", postpaidRef));
        GatewayError postpaid = refused(network.pay(new PaymentRequest(postpaidRef, bill.inquiryId(), bill.total(),
                PaymentMethod.CASH, Optional.empty(), "PLN", "530000000002", bill.cost())));

        assertThat(prepaid.code()).isEqualTo(GatewayError.IDEMPOTENCY_CONFLICT);
        assertThat(postpaid.code()).isEqualTo(GatewayError.IDEMPOTENCY_CONFLICT);
        assertThat(bed.simulator().transaction(ref).orElseThrow().customerNo()).isEqualTo(XL_NUMBER);
        assertThat(bed.simulator().transaction(postpaidRef).orElseThrow().stage()).isEqualTo("inquiry");
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - 10_000);
    }

    @ParameterizedTest(name = "HTTP {0} on Gagal")
    @ValueSource(ints = {400, 200})
    void failuresAndRefusalsReadTheSameWhateverTheHttpStatus(int httpStatusOnError) {
        start(o -> o.httpStatusOnError(httpStatusOnError));
        DigiflazzNetwork network = bed.network();

        PaymentResult failed = answer(network.pay(topup("XL_PULSA", "xld10", "087800001232", bed.newRef(), 10_000)));
        GatewayError inquiry = refused(inquirePostpaid("PLN", "530000000003", bed.newRef()));
        bed.simulator().setDeposit(1_000);
        GatewayError deposit = refused(network.pay(topup("XL_PULSA", "xld10", XL_NUMBER, bed.newRef(), 10_000)));
        GatewayError key = refused(bed.network(bed.client(new DigiflazzCredentials(SimulatorOptions.DEFAULT_USERNAME,
                "dev-00000000-0000-0000-0000-000000000000", true), DigiflazzBed.READ_TIMEOUT)).balance());

        assertThat(failed.status()).isEqualTo(PaymentResult.Status.FAILED);
        assertThat(inquiry.code()).isEqualTo(GatewayError.REFERENCE_NOT_FOUND);
        assertThat(deposit.code()).isEqualTo(GatewayError.INSUFFICIENT_DEPOSIT);
        assertThat(deposit.httpStatus()).isEqualTo(httpStatusOnError);
        assertThat(key.code()).isEqualTo(GatewayError.WRONG_KEY);
    }

    // ==== transport faults ========================================================================================

    @Test
    void aTimeoutIsNoAnswerAndTheReCheckMakesTheOnePurchase() {
        start();
        DigiflazzNetwork impatient = bed.network(bed.client(bed.credentials(), Duration.ofMillis(500)));
        answer(impatient.billers());
        bed.simulator().armFault(SimulatorFault.timeout().onPath("/v1/transaction"));
        String ref = bed.newRef();
        PaymentRequest request = topup("XL_PULSA", "xld10", XL_NUMBER, ref, 10_000);

        long started = System.nanoTime();
        String reason = noAnswer(impatient.pay(request));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(reason).contains("500 ms");
        // The timeout fault does nothing: the identical re-send a minute later is the purchase.
        assertThat(bed.simulator().transaction(ref)).isEmpty();
        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        assertThat(answer(impatient.paymentStatus(request)).status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(bed.transactionsOf(ref)).hasSize(1);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - 10_000);
    }

    @Test
    void anAnswerDroppedAfterProcessingIsNoAnswerAndTheReCheckFindsTheOneTransaction() {
        start();
        answer(bed.network().billers());
        bed.simulator().armFault(SimulatorFault.dropAfterProcessing().onPath("/v1/transaction"));
        String ref = bed.newRef();
        PaymentRequest request = topup("XL_PULSA", "xld10", "087800001230", ref, 10_000);

        noAnswer(bed.network().pay(request));

        // Digiflazz made it, and the client did not send it again on its own.
        SimulatedTransaction made = bed.simulator().transaction(ref).orElseThrow();
        assertThat(made.status()).isEqualTo("Sukses");
        assertThat(made.checks()).isZero();
        noAnswer(bed.network().paymentStatus(request));
        assertThat(bed.simulator().transaction(ref).orElseThrow().checks()).isZero();

        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        PaymentResult found = answer(bed.network().paymentStatus(request));

        assertThat(found.status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(found.billerRef()).contains(made.sn());
        assertThat(bed.transactionsOf(ref)).hasSize(1);
        assertThat(bed.simulator().transaction(ref).orElseThrow().checks()).isEqualTo(1);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - 10_000);
    }

    @Test
    void aPostpaidPaymentDroppedAfterProcessingIsFoundByStatusPasca() {
        start();
        String ref = bed.newRef();
        Inquiry bill = answer(inquirePostpaid("PLN", "530000000001", ref));
        bed.simulator().armFault(SimulatorFault.dropAfterProcessing().onPath("/v1/transaction"));
        PaymentRequest request = requestFor(bill, ref);

        noAnswer(bed.network().pay(request));
        assertThat(bed.simulator().transaction(ref).orElseThrow().stage()).isEqualTo("payment");

        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        PaymentResult found = answer(bed.network().paymentStatus(request));

        assertThat(found.status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(found.billerRef()).contains("S1234554321N");
        assertThat(bed.transactionsOf(ref)).hasSize(1);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT - 10_000);
    }

    @Test
    void aPostpaidPaymentThatNeverReachedDigiflazzIsPaymentNotFound() {
        start();
        String ref = bed.newRef();
        Inquiry bill = answer(inquirePostpaid("PLN", "530000000001", ref));
        bed.simulator().armFault(SimulatorFault.http500().onPath("/v1/transaction"));
        PaymentRequest request = requestFor(bill, ref);
        noAnswer(bed.network().pay(request));
        assertThat(bed.simulator().transaction(ref).orElseThrow().stage()).isEqualTo("inquiry");

        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        GatewayResult<PaymentResult> status = bed.network().paymentStatus(request);

        assertThat(refused(status).code()).isEqualTo(GatewayError.PAYMENT_NOT_FOUND);
    }

    @Test
    void aMalformedBodyOrAnHttp500IsNoAnswer() {
        start();
        answer(bed.network().billers());
        bed.simulator().armFault(SimulatorFault.malformedBody().onPath("/v1/transaction"));
        String malformed = bed.newRef();
        assertThat(noAnswer(bed.network().pay(topup("XL_PULSA", "xld10", XL_NUMBER, malformed, 10_000))))
                .contains("HTTP 200");

        bed.simulator().armFault(SimulatorFault.http500().onPath("/v1/transaction"));
        assertThat(noAnswer(bed.network().pay(topup("XL_PULSA", "xld10", OTHER_XL_NUMBER, bed.newRef(), 10_000))))
                .contains("HTTP 500");
        bed.simulator().armFault(SimulatorFault.http500().onPath("/v1/cek-saldo"));
        assertThat(noAnswer(bed.network().balance())).contains("HTTP 500");
        bed.simulator().armFault(SimulatorFault.malformedBody().onPath("/v1/inquiry-pln"));
        noAnswer(bed.network().inquire(new InquiryRequest("PLN_PRABAYAR", METER, Optional.of("pln20"),
                Optional.empty())));

        // The malformed answer's purchase was made: the re-check a minute later finds it.
        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        assertThat(answer(bed.network().paymentStatus(topup("XL_PULSA", "xld10", XL_NUMBER, malformed, 10_000)))
                .status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(bed.transactionsOf(malformed)).hasSize(1);
    }

    // ==== the adapter's own rules =================================================================================

    @Test
    void aPostpaidBillLookedUpYesterdayIsRefusedWithoutAsking() {
        // 23:59 WIB on 7 December 2026.
        Instant lateEvening = Instant.parse("2026-12-07T16:59:00Z");
        bed = DigiflazzBed.startAt(dir, lateEvening, o -> o);
        String ref = bed.newRef();
        assertThat(ref).startsWith("LKT-20261207-");
        Inquiry bill = answer(inquirePostpaid("PLN", "530000000001", ref));
        assertThat(bill.expiresAt()).isEqualTo(Instant.parse("2026-12-07T16:59:59Z"));

        bed.advance(Duration.ofMinutes(2));
        SimulatorFault trap = SimulatorFault.http500().onPath("/v1/transaction");
        bed.simulator().armFault(trap);
        GatewayError error = refused(bed.network().pay(requestFor(bill, ref)));

        assertThat(error.code()).isEqualTo(GatewayError.INQUIRY_EXPIRED);
        assertThat(error.message()).contains("2026-12-07");
        assertThat(bed.simulator().armedFaults()).containsExactly(trap);
        assertThat(bed.simulator().transaction(ref).orElseThrow().stage()).isEqualTo("inquiry");
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT);
    }

    @Test
    void aReCheckWithinAMinuteIsNoAnswerWithoutAsking() {
        start();
        String ref = bed.newRef();
        PaymentRequest request = topup("XL_PULSA", "xld10", XL_NUMBER, ref, 10_000);
        answer(bed.network().pay(request));
        SimulatorFault trap = SimulatorFault.http500().onPath("/v1/transaction");
        bed.simulator().armFault(trap);

        bed.advance(Duration.ofSeconds(59));
        assertThat(noAnswer(bed.network().paymentStatus(request))).contains("59 s ago");
        assertThat(bed.simulator().armedFaults()).containsExactly(trap);

        bed.advance(Duration.ofSeconds(2));
        assertThat(noAnswer(bed.network().paymentStatus(request))).contains("HTTP 500");
        assertThat(bed.simulator().armedFaults()).isEmpty();
        // The failed call counts too: the next one waits its minute.
        assertThat(noAnswer(bed.network().paymentStatus(request))).contains("once a minute");
        bed.advance(DigiflazzBed.OVER_A_MINUTE);
        assertThat(answer(bed.network().paymentStatus(request)).status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(bed.simulator().transaction(ref).orElseThrow().checks()).isEqualTo(1);
    }

    @Test
    void aPaymentOlderThanEightyDaysIsNeverAskedAbout() {
        start();
        answer(bed.network().billers());
        SimulatorFault trap = SimulatorFault.http500().onPath("/v1/transaction");
        bed.simulator().armFault(trap);
        LocalDate today = bed.today();
        String old = bed.refOn(today.minusDays(81));

        String reason = noAnswer(bed.network().paymentStatus(topup("XL_PULSA", "xld10", XL_NUMBER, old, 10_000)));

        assertThat(reason).contains(today.minusDays(81).toString(), "80 days");
        assertThat(bed.simulator().armedFaults()).containsExactly(trap);
        assertThat(bed.simulator().transaction(old)).isEmpty();
        // Nor for a postpaid payment.
        noAnswer(bed.network().paymentStatus(new PaymentRequest(bed.refOn(today.minusDays(200)), "pasca:pln",
                Money.of(11_000), PaymentMethod.CASH, Optional.empty(), "PLN", "530000000001", Money.of(10_000))));
        assertThat(bed.simulator().armedFaults()).containsExactly(trap);

        // Eighty days is still inside the horizon: that one is asked about.
        String eighty = bed.refOn(today.minusDays(80));
        noAnswer(bed.network().paymentStatus(topup("XL_PULSA", "xld10", XL_NUMBER, eighty, 10_000)));
        assertThat(bed.simulator().armedFaults()).isEmpty();
    }

    @Test
    void thereIsNoDaysStatement() {
        start();

        GatewayError error = refused(bed.network().settlement(bed.today(), dir.resolve("settlement.csv")));

        assertThat(error.code()).isEqualTo(GatewayError.NO_STATEMENT);
        assertThat(dir.resolve("settlement.csv")).doesNotExist();
    }

    @Test
    void aDepositTicketCarriesTheAmountWithItsUniqueSuffix() {
        start();

        TopUpTicket first = answer(bed.network().depositTicket(Money.of(10_000_000), "BCA", "Budi Santoso"));
        TopUpTicket second = answer(bed.network().depositTicket(Money.of(10_000_000), "BCA", "Budi Santoso"));

        assertThat(first.amount()).isEqualTo(Money.of(10_000_001));
        assertThat(second.amount()).isEqualTo(Money.of(10_000_002));
        assertThat(first.bank()).isEqualTo("BCA");
        assertThat(first.method()).isEqualTo("Bank Transfer");
        assertThat(first.accountNo()).isNotBlank();
        assertThat(first.notes()).isNotBlank();
        assertThat(refused(bed.network().depositTicket(Money.ZERO, "BCA", "Budi")).code())
                .isEqualTo(GatewayError.INVALID_AMOUNT);
        assertThat(bed.simulator().deposit()).isEqualTo(DEPOSIT);
    }

    // ==== helpers ==================================================================================================

    private GatewayResult<Inquiry> inquirePostpaid(String biller, String customerNo, String ref) {
        return bed.network().inquire(new InquiryRequest(biller, customerNo, Optional.empty(), Optional.of(ref)));
    }

    /** The payment of a looked-up bill, as {@code PaymentService.requestOf} builds it. */
    private static PaymentRequest requestFor(Inquiry bill, String ref) {
        return new PaymentRequest(ref, bill.inquiryId(), bill.total(), PaymentMethod.CASH, Optional.empty(),
                bill.biller(), bill.reference(), bill.cost());
    }

    private static PaymentRequest topup(String biller, String sku, String customerNo, String ref, long cost) {
        return new PaymentRequest(ref, "prepaid:" + sku, Money.of(cost), PaymentMethod.CASH, Optional.empty(), biller,
                customerNo, Money.of(cost));
    }

    private static Biller biller(List<Biller> billers, String code) {
        return billers.stream().filter(b -> b.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no biller " + code + " in "
                        + billers.stream().map(Biller::code).toList()));
    }

    private static String prepaidRow(String sku, String price) {
        return "{\"product_name\":\"PLN " + sku + "\",\"category\":\"PLN\",\"brand\":\"PLN\",\"type\":\"Umum\","
                + "\"seller_name\":\"CV Sinar Token\",\"price\":" + price + ",\"buyer_sku_code\":\"" + sku + "\","
                + "\"buyer_product_status\":true,\"seller_product_status\":true,\"unlimited_stock\":true,"
                + "\"stock\":0,\"multi\":true,\"start_cut_off\":\"00:00\",\"end_cut_off\":\"00:00\","
                + "\"desc\":\"Token\"}";
    }

    static <T> T answer(GatewayResult<T> result) {
        if (result instanceof GatewayResult.Answer<T> a) {
            return a.value();
        }
        throw new AssertionError("expected an answer, got " + result);
    }

    static GatewayError refused(GatewayResult<?> result) {
        if (result instanceof GatewayResult.Refused<?> r) {
            return r.error();
        }
        throw new AssertionError("expected a refusal, got " + result);
    }

    static String noAnswer(GatewayResult<?> result) {
        if (result instanceof GatewayResult.NoAnswer<?> n) {
            return n.reason();
        }
        throw new AssertionError("expected no answer, got " + result);
    }
}
