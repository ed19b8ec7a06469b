package id.loket.upstream.digiflazz.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PostpaidTest extends SimTestBase {

    /** The official test numbers: sku, successes, inquiry fails, payment fails, pending→success, pending→fail. */
    record Row(String sku, List<String> success, String inquiryFails, String payFails, List<String> pendingSuccess,
            String pendingFail) {}

    static final List<Row> ROWS = List.of(
            new Row("pln", List.of("530000000001", "530000000002"), "530000000003", "530000000006",
                    List.of("630000000001", "630000000002"), "630000000006"),
            new Row("pdam", List.of("1013226"), "1013227", "1013230", List.of("2013226"), "2013230"),
            new Row("internet", List.of("6391601001"), "6391601002", "6391601005", List.of("7391601001"),
                    "7391601005"),
            new Row("bpjs", List.of("8801234560001"), "8801234560002", "8801234560005", List.of("9801234560001"),
                    "9801234560005"),
            new Row("tv", List.of("127246500101"), "127246500102", "127246500105", List.of("227246500101"),
                    "227246500105"),
            new Row("multifinance", List.of("6391601201"), "6391601202", "6391601205", List.of("7391601201"),
                    "7391601205"),
            new Row("pgas", List.of("0110014601", "0110014602"), "0110014603", "0110014605",
                    List.of("1110014601", "1110014602"), "1110014605"),
            new Row("cimahi", List.of("329801092375999991"), "329801092375999992", "329801092375999995",
                    List.of("429801092375999991"), "429801092375999995"));

    static Stream<Arguments> successes() {
        return ROWS.stream().flatMap(r -> r.success().stream().map(n -> Arguments.of(r.sku(), n)));
    }

    static Stream<Arguments> inquiryFailures() {
        return ROWS.stream().map(r -> Arguments.of(r.sku(), r.inquiryFails()));
    }

    static Stream<Arguments> paymentFailures() {
        return ROWS.stream().map(r -> Arguments.of(r.sku(), r.payFails()));
    }

    static Stream<Arguments> pendingSuccesses() {
        return ROWS.stream().flatMap(r -> r.pendingSuccess().stream().map(n -> Arguments.of(r.sku(), n)));
    }

    static Stream<Arguments> pendingFailures() {
        return ROWS.stream().map(r -> Arguments.of(r.sku(), r.pendingFail()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("successes")
    void successNumberInquiresThenPays(String sku, String number) {
        String ref = ref();
        SimClient.Response inquiry = client.inquire(sku, number, ref);

        assertThat(inquiry.status()).isEqualTo(200);
        JsonNode q = inquiry.data();
        assertThat(q.get("rc").asText()).isEqualTo("00");
        assertThat(q.has("sn")).isFalse();
        assertThat(q.get("customer_name").asText()).isNotBlank();
        assertThat(q.get("buyer_last_saldo").asLong()).isEqualTo(1_000_000);
        assertInvariant(q);
        assertThat(client.deposit()).as("an inquiry moves nothing").isEqualTo(1_000_000);

        SimClient.Response pay = client.pay(sku, number, ref);

        JsonNode p = pay.data();
        assertThat(pay.status()).isEqualTo(200);
        assertThat(p.get("status").asText()).isEqualTo("Sukses");
        assertThat(p.get("sn").asText()).isNotBlank();
        assertThat(p.get("price").asLong()).isEqualTo(q.get("price").asLong());
        assertThat(p.get("selling_price").asLong()).isEqualTo(q.get("selling_price").asLong());
        assertThat(p.get("buyer_last_saldo").asLong()).isEqualTo(1_000_000 - p.get("price").asLong());
        assertInvariant(p);
        assertThat(client.deposit()).isEqualTo(1_000_000 - p.get("price").asLong());
        // A repeated pay never pays twice.
        assertThat(client.pay(sku, number, ref).data()).isEqualTo(p);
        assertThat(client.status(sku, number, ref).data()).isEqualTo(p);
        assertThat(client.deposit()).isEqualTo(1_000_000 - p.get("price").asLong());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("inquiryFailures")
    void inquiryFailureNumber(String sku, String number) {
        String ref = ref();
        SimClient.Response inquiry = client.inquire(sku, number, ref);

        assertThat(inquiry.status()).isEqualTo(400);
        assertShortFailure(inquiry.data(), ref, number, sku, "02", "Gagal");
        assertThat(client.pay(sku, number, ref).rc()).isEqualTo("02");
        assertThat(client.deposit()).isEqualTo(1_000_000);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("paymentFailures")
    void paymentFailureNumber(String sku, String number) {
        String ref = ref();
        assertThat(client.inquire(sku, number, ref).rc()).isEqualTo("00");

        SimClient.Response pay = client.pay(sku, number, ref);

        assertThat(pay.status()).isEqualTo(400);
        assertShortFailure(pay.data(), ref, number, sku, "02", "Gagal");
        assertThat(client.deposit()).isEqualTo(1_000_000);
        assertThat(sim.transaction(ref).orElseThrow().reserved()).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pendingSuccesses")
    void pendingThenSuccessNumber(String sku, String number) {
        String ref = ref();
        long price = client.inquire(sku, number, ref).data().get("price").asLong();

        SimClient.Response pay = client.pay(sku, number, ref);

        assertThat(pay.status()).isEqualTo(200);
        assertShortFailure(pay.data(), ref, number, sku, "03", "Pending");
        assertThat(pay.data().get("message").asText()).isEqualTo("Transaksi Pending");
        assertThat(client.deposit()).as("reserved while pending").isEqualTo(1_000_000 - price);

        client.topup("xld10", "087800001230", ref());
        SimClient.Response status = client.status(sku, number, ref);

        assertThat(status.data().get("status").asText()).isEqualTo("Sukses");
        assertThat(status.data().get("sn").asText()).isNotBlank();
        assertThat(status.data().get("buyer_last_saldo").asLong()).isEqualTo(1_000_000 - price);
        assertInvariant(status.data());
        assertThat(client.deposit()).isEqualTo(1_000_000 - price - 10_000);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("pendingFailures")
    void pendingThenFailureNumber(String sku, String number) {
        String ref = ref();
        client.inquire(sku, number, ref);
        assertThat(client.pay(sku, number, ref).rc()).isEqualTo("03");

        SimClient.Response status = client.status(sku, number, ref);

        assertShortFailure(status.data(), ref, number, sku, "02", "Gagal");
        assertThat(client.deposit()).isEqualTo(1_000_000);
    }

    @Test
    void plnOneBillMatchesTheOfficialExamplesExactly() throws Exception {
        sim.setDeposit(100_000);
        JsonNode inquiry = client.inquire("pln", "530000000001", "some1d").body();
        JsonNode pay = client.pay("pln", "530000000001", "some1d").body();

        assertThat(inquiry).isEqualTo(SimClient.MAPPER.readTree("""
                {"data":{"ref_id":"some1d","customer_no":"530000000001","customer_name":"Nama Pelanggan Pertama",
                "buyer_sku_code":"pln","admin":2500,"message":"Transaksi Sukses","status":"Sukses","rc":"00",
                "buyer_last_saldo":100000,"price":10000,"selling_price":11000,"desc":{"tarif":"R1","daya":1300,
                "lembar_tagihan":1,"detail":[{"periode":"201901","nilai_tagihan":"8000","admin":"2500",
                "denda":"500"}]}}}"""));
        assertThat(pay).isEqualTo(SimClient.MAPPER.readTree("""
                {"data":{"ref_id":"some1d","customer_no":"530000000001","customer_name":"Nama Pelanggan Pertama",
                "buyer_sku_code":"pln","admin":2500,"message":"Transaksi Sukses","status":"Sukses","rc":"00",
                "sn":"S1234554321N","buyer_last_saldo":90000,"price":10000,"selling_price":11000,"desc":{
                "tarif":"R1","daya":1300,"lembar_tagihan":1,"detail":[{"periode":"201901","nilai_tagihan":"8000",
                "admin":"2500","denda":"500","meter_awal":"00080000","meter_akhir":"00090000"}]}}}"""));
    }

    @Test
    void plnTwoBillsAndPdamMatchTheOfficialFigures() {
        sim.setDeposit(100_000);
        String ref = ref();
        client.inquire("pln", "530000000002", ref);
        JsonNode two = client.pay("pln", "530000000002", ref).data();
        assertThat(two.get("customer_name").asText()).isEqualTo("Nama Pelanggan Kedua");
        assertThat(two.get("admin").asLong()).isEqualTo(5_000);
        assertThat(two.get("price").asLong()).isEqualTo(23_000);
        assertThat(two.get("selling_price").asLong()).isEqualTo(25_000);
        assertThat(two.get("buyer_last_saldo").asLong()).isEqualTo(77_000);
        assertThat(two.at("/desc/detail/1/meter_akhir").asText()).isEqualTo("00095000");

        sim.setDeposit(100_000);
        String pdamRef = ref();
        client.inquire("pdam", "1013226", pdamRef);
        JsonNode pdam = client.pay("pdam", "1013226", pdamRef).data();
        assertThat(pdam.get("buyer_last_saldo").asLong()).isEqualTo(88_500);
        assertThat(pdam.at("/desc/detail/0/biaya_lain").asText()).isEqualTo("1500");
        assertThat(pdam.at("/desc/jatuh_tempo").asText()).isEqualTo("1-15 DES 2014");
    }

    @Test
    void payOnAnotherDayThanTheInquiryFails() {
        String ref = ref();
        client.inquire("pln", "530000000001", ref);
        clock.advance(Duration.ofHours(15)); // 01:00 WIB the next day

        SimClient.Response pay = client.pay("pln", "530000000001", ref);

        assertThat(pay.rc()).isEqualTo("02");
        assertThat(pay.data().get("status").asText()).isEqualTo("Gagal");
        assertThat(client.deposit()).isEqualTo(1_000_000);
        assertThat(client.status("pln", "530000000001", ref).rc()).isEqualTo("02");
    }

    @Test
    void payLaterTheSameJakartaDayWorks() {
        String ref = ref();
        client.inquire("pln", "530000000001", ref);
        clock.advance(Duration.ofHours(13)); // 23:00 WIB, 16:00 UTC: same day either way

        assertThat(client.pay("pln", "530000000001", ref).rc()).isEqualTo("00");
    }

    @Test
    void payWithoutInquiryIs50AndStatusOfAnUnpaidInquiryIs50() {
        assertThat(client.pay("pln", "530000000001", ref()).rc()).isEqualTo("50");
        String ref = ref();
        client.inquire("pln", "530000000001", ref);
        assertThat(client.status("pln", "530000000001", ref).rc()).isEqualTo("50");
        assertThat(client.status("pln", "530000000001", ref()).rc()).isEqualTo("50");
    }

    @Test
    void statusAfter90DaysSaysDataBelumAda() {
        String ref = ref();
        client.inquire("pln", "530000000001", ref);
        client.pay("pln", "530000000001", ref);
        clock.advance(Duration.ofDays(91));

        SimClient.Response status = client.status("pln", "530000000001", ref);

        assertThat(status.rc()).isEqualTo("50");
        assertThat(status.data().get("message").asText()).isEqualTo("Data belum ada");
    }

    @Test
    void payWithTooLittleDepositIs44AndCanBeRetriedWithTheSameRefId() {
        String ref = ref();
        client.inquire("pdam", "1013226", ref);
        sim.setDeposit(5_000);

        assertThat(client.pay("pdam", "1013226", ref).rc()).isEqualTo("44");
        sim.setDeposit(50_000);
        assertThat(client.pay("pdam", "1013226", ref).rc()).isEqualTo("00");
        assertThat(client.deposit()).isEqualTo(50_000 - 11_500);
    }

    @Test
    void otherNumbersGetAStableGeneratedBill() {
        String ref = ref();
        JsonNode first = client.inquire("hp", "081234567890", ref).data();
        JsonNode again = client.inquire("hp", "081234567890", ref()).data();

        assertThat(first.get("rc").asText()).isEqualTo("00");
        assertThat(first.get("customer_name").asText()).isEqualTo(again.get("customer_name").asText());
        assertThat(first.get("selling_price")).isEqualTo(again.get("selling_price"));
        assertThat(first.get("selling_price").asLong() - first.get("price").asLong()).isEqualTo(1_000);
        assertInvariant(first);
        assertThat(client.pay("hp", "081234567890", ref).rc()).isEqualTo("00");
        for (String sku : List.of("pln", "pdam", "aetra", "bpjs", "internet", "tv", "multifinance", "pgas",
                "cimahi")) {
            JsonNode bill = client.inquire(sku, "123456789012", ref()).data();
            assertThat(bill.get("rc").asText()).as(sku).isEqualTo("00");
            assertInvariant(bill);
        }
    }

    @Test
    void unknownPascaSkuIs43() {
        assertThat(client.inquire("nope", "530000000001", ref()).rc()).isEqualTo("43");
    }

    // ---- helpers

    /** selling_price = admin + Σ(nilai_tagihan + denda + biaya_lain); details' admins, if any, add up to admin. */
    static void assertInvariant(JsonNode d) {
        long sum = d.get("admin").asLong();
        long detailAdmins = 0;
        boolean detailsHaveAdmin = false;
        for (JsonNode detail : d.at("/desc/detail")) {
            assertThat(detail.path("nilai_tagihan").isMissingNode() || detail.get("nilai_tagihan").isTextual())
                    .as("detail amounts are strings").isTrue();
            sum += detail.path("nilai_tagihan").asLong(0) + detail.path("denda").asLong(0)
                    + detail.path("biaya_lain").asLong(0);
            if (detail.has("admin")) {
                detailsHaveAdmin = true;
                detailAdmins += detail.get("admin").asLong();
            }
        }
        assertThat(sum).as("selling_price invariant of %s", d).isEqualTo(d.get("selling_price").asLong());
        if (detailsHaveAdmin) {
            assertThat(detailAdmins).isEqualTo(d.get("admin").asLong());
        }
        assertThat(d.get("desc").get("lembar_tagihan").asInt()).isEqualTo(d.at("/desc/detail").size());
    }

    private static void assertShortFailure(JsonNode d, String ref, String number, String sku, String rc,
            String status) {
        assertThat(d.get("ref_id").asText()).isEqualTo(ref);
        assertThat(d.get("customer_no").asText()).isEqualTo(number);
        assertThat(d.get("buyer_sku_code").asText()).isEqualTo(sku);
        assertThat(d.get("rc").asText()).isEqualTo(rc);
        assertThat(d.get("status").asText()).isEqualTo(status);
        assertThat(d.has("price")).isFalse();
        assertThat(d.has("buyer_last_saldo")).isFalse();
    }
}
