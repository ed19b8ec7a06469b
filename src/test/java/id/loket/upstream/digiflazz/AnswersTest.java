package id.loket.upstream.digiflazz;

import static id.loket.upstream.digiflazz.Results.answer;
import static id.loket.upstream.digiflazz.Results.noAnswer;
import static id.loket.upstream.digiflazz.Results.ok;
import static id.loket.upstream.digiflazz.Results.rejected;
import static id.loket.upstream.digiflazz.Results.rows;
import static id.loket.upstream.digiflazz.Results.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.core.Money;
import id.loket.upstream.digiflazz.ResponseCode.RcClass;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading response bodies, without HTTP: the documented examples, and what must not be read as an answer. */
class AnswersTest {

    private static DigiflazzResult<TransactionAnswer> transaction(String body) {
        return DigiflazzClient.parseTransaction(utf8(body), 200);
    }

    private static TransactionAnswer answered(String body) {
        return answer(transaction(body));
    }

    /** A minimal prepaid answer with one more field. */
    private static String prepaidWith(String field, String json) {
        return """
                {"data":{"ref_id":"r1","customer_no":"087800001230","buyer_sku_code":"xld10",\
                "message":"Transaksi Sukses","status":"Sukses","rc":"00","sn":"1234567890","price":10000,"%s":%s}}"""
                .formatted(field, json);
    }

    // --- prepaid -------------------------------------------------------------------------------------------------

    @Test
    void prepaidSuccessFromTheTestCasePage() {
        TransactionAnswer t = answered(DocsExamples.PREPAID_SUCCESS);

        assertThat(t.refId()).isEqualTo("test1");
        assertThat(t.customerNo()).isEqualTo("087800001230");
        assertThat(t.buyerSkuCode()).isEqualTo("xld10");
        assertThat(t.rc()).isEqualTo("00");
        assertThat(t.code()).isEqualTo(ResponseCode.TRANSACTION_SUCCESS);
        assertThat(t.status()).isEqualTo("Sukses");
        assertThat(t.message()).isEqualTo("Transaksi Sukses");
        assertThat(t.sn()).contains("1234567890");
        assertThat(t.price()).contains(Money.of(10000));
        assertThat(t.buyerLastSaldo()).contains(Money.of(990000));
        assertThat(t.sellingPrice()).isEmpty();
        assertThat(t.admin()).isEmpty();
        assertThat(t.customerName()).isEmpty();
        assertThat(t.desc()).isEmpty();
        assertThat(t.billDesc()).isEmpty();
    }

    @Test
    void prepaidFailureFromTheTestCasePage() {
        TransactionAnswer t = answered(DocsExamples.PREPAID_FAILED);

        assertThat(t.code()).isEqualTo(ResponseCode.TRANSACTION_FAILED);
        assertThat(t.code().rcClass()).isEqualTo(RcClass.FAILED);
        assertThat(t.sn()).isEmpty();
        assertThat(t.buyerLastSaldo()).contains(Money.of(1000000));
    }

    @Test
    void prepaidPendingFromTheTestCasePage() {
        TransactionAnswer t = answered(DocsExamples.PREPAID_PENDING);

        assertThat(t.rc()).isEqualTo("03");
        assertThat(t.code().rcClass()).isEqualTo(RcClass.PENDING);
        assertThat(t.message()).isEqualTo("Transaksi pending");
        assertThat(t.sn()).isEmpty();
    }

    @Test
    void anEmptyOrNotApplicableSerialNumberIsNone() {
        assertThat(answered(DocsExamples.TOPUP_PENDING).sn()).isEmpty();
        assertThat(answered(DocsExamples.TOPUP_PENDING.replace("\"sn\": \"\"", "\"sn\": \"N/A\"")).sn()).isEmpty();
    }

    // --- postpaid ------------------------------------------------------------------------------------------------

    @Test
    void plnPostpaidInquiryOneBill() {
        TransactionAnswer t = answered(DocsExamples.PLN_INQUIRY_ONE_BILL);

        assertThat(t.refId()).isEqualTo("some1d");
        assertThat(t.customerNo()).isEqualTo("530000000001");
        assertThat(t.customerName()).contains("Nama Pelanggan Pertama");
        assertThat(t.buyerSkuCode()).isEqualTo("pln");
        assertThat(t.code()).isEqualTo(ResponseCode.TRANSACTION_SUCCESS);
        assertThat(t.admin()).contains(Money.of(2500));
        assertThat(t.price()).contains(Money.of(10000));
        assertThat(t.sellingPrice()).contains(Money.of(11000));
        assertThat(t.buyerLastSaldo()).contains(Money.of(100000));
        assertThat(t.sn()).isEmpty();
        assertThat(t.desc()).isPresent();

        BillDesc bill = t.billDesc().orElseThrow();
        assertThat(bill.tarif()).contains("R1");
        assertThat(bill.daya()).contains(1300);
        assertThat(bill.lembarTagihan()).contains(1);
        assertThat(bill.alamat()).isEmpty();
        assertThat(bill.jatuhTempo()).isEmpty();
        assertThat(bill.otherFields()).isEmpty();
        assertThat(bill.detail()).containsExactly(new BillDetail("201901", Money.of(8000), Money.of(2500),
                Money.of(500), Money.ZERO, Optional.empty(), Optional.empty(), Map.of()));
        assertThat(bill.detail().get(0).total()).isEqualTo(t.sellingPrice().orElseThrow());
    }

    @Test
    void plnPostpaidPaymentTwoBillsWithMeters() {
        TransactionAnswer t = answered(DocsExamples.PLN_PAYMENT_TWO_BILLS);

        assertThat(t.sn()).contains("S1234554321N");
        BillDesc bill = t.billDesc().orElseThrow();
        assertThat(bill.lembarTagihan()).contains(2);
        assertThat(bill.detail()).hasSize(2);
        BillDetail second = bill.detail().get(1);
        assertThat(second.periode()).isEqualTo("201902");
        assertThat(second.nilaiTagihan()).isEqualTo(Money.of(11500));
        assertThat(second.denda()).isEqualTo(Money.ZERO);
        assertThat(second.meterAwal()).contains("00090000");
        assertThat(second.meterAkhir()).contains("00095000");
        assertThat(bill.detail().get(0).total().plus(second.total())).isEqualTo(t.sellingPrice().orElseThrow());
    }

    @Test
    void pdamWithBiayaLainAndTheAdminOnlyAtTheTop() {
        TransactionAnswer t = answered(DocsExamples.PDAM_PAYMENT);

        BillDesc bill = t.billDesc().orElseThrow();
        assertThat(bill.tarif()).contains("3A");
        assertThat(bill.daya()).isEmpty();
        assertThat(bill.alamat()).contains("WONOKROMO S.S BARU 2 8");
        assertThat(bill.jatuhTempo()).contains("1-15 DES 2014");
        BillDetail detail = bill.detail().get(0);
        assertThat(detail.nilaiTagihan()).isEqualTo(Money.of(8000));
        assertThat(detail.admin()).isEqualTo(Money.ZERO);
        assertThat(detail.denda()).isEqualTo(Money.of(500));
        assertThat(detail.biayaLain()).isEqualTo(Money.of(1500));
        assertThat(detail.other()).isEmpty();
        // 8000 + 500 + 1500 + 2500 = 12500, as on the test-case page.
        assertThat(detail.total().plus(t.admin().orElseThrow())).isEqualTo(t.sellingPrice().orElseThrow());
    }

    @Test
    void bpjsKeepsItsOwnFieldsAsText() {
        BillDesc bill = answered(DocsExamples.BPJS_PAYMENT).billDesc().orElseThrow();

        assertThat(bill.otherFields()).containsExactly(Map.entry("jumlah_peserta", "2"));
        assertThat(bill.detail()).containsExactly(new BillDetail("01", Money.ZERO, Money.ZERO, Money.ZERO,
                Money.ZERO, Optional.empty(), Optional.empty(), Map.of()));
    }

    @Test
    void bpjsTkHasNoDetailAndNumericFieldsComeAsText() {
        TransactionAnswer t = answered(DocsExamples.BPJSTK_PAYMENT);

        assertThat(t.sn()).isEmpty();
        BillDesc bill = t.billDesc().orElseThrow();
        assertThat(bill.detail()).isEmpty();
        assertThat(bill.otherFields()).containsEntry("jkk", "10000").containsEntry("kode_program", "JKK,JKM");
        assertThat(bill.otherFields().keySet()).startsWith("kode_iuran", "kode_program", "jkk");
    }

    @Test
    void postpaidFailureHasNoAmounts() {
        TransactionAnswer t = answered(DocsExamples.POSTPAID_FAILED);

        assertThat(t.code()).isEqualTo(ResponseCode.TRANSACTION_FAILED);
        assertThat(t.price()).isEmpty();
        assertThat(t.buyerLastSaldo()).isEmpty();
    }

    @Test
    void detailAmountsMayBeNumbers() {
        String numeric = DocsExamples.PLN_INQUIRY_ONE_BILL.replace("\"nilai_tagihan\":\"8000\"", "\"nilai_tagihan\":8000")
                .replace("\"denda\":\"500\"", "\"denda\":500.0");

        BillDetail detail = answered(numeric).billDesc().orElseThrow().detail().get(0);

        assertThat(detail.nilaiTagihan()).isEqualTo(Money.of(8000));
        assertThat(detail.denda()).isEqualTo(Money.of(500));
    }

    @Test
    void theDescIsACopy() {
        TransactionAnswer t = answered(DocsExamples.PLN_INQUIRY_ONE_BILL);

        ((ObjectNode) t.desc().orElseThrow()).put("tarif", "R3");

        assertThat(t.billDesc().orElseThrow().tarif()).contains("R1");
    }

    // --- rc and status -------------------------------------------------------------------------------------------

    @Test
    void aNumericRcIsWrittenWithTwoDigits() {
        TransactionAnswer pending = answered(DocsExamples.PREPAID_PENDING.replace("\"rc\": \"03\"", "\"rc\": 3"));
        TransactionAnswer success = answered(DocsExamples.PREPAID_SUCCESS.replace("\"rc\": \"00\"", "\"rc\": 0"));

        assertThat(pending.rc()).isEqualTo("03");
        assertThat(pending.code()).isEqualTo(ResponseCode.TRANSACTION_PENDING);
        assertThat(success.rc()).isEqualTo("00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"46\"", "\"48\"", "\"0\"", "\"\"", "\"OK\"", "146", "-1", "3.5", "true", "[]", "null"})
    void anRcOutsideTheTableIsNoAnswer(String rc) {
        String reason = noAnswer(transaction(DocsExamples.PREPAID_PENDING.replace("\"03\"", rc)));

        assertThat(reason).contains("rc");
    }

    @Test
    void anUnknownRcIsNoAnswerEvenWhenItSaysSuccess() {
        assertThat(noAnswer(transaction(DocsExamples.PREPAID_SUCCESS.replace("\"00\"", "\"46\""))))
                .isEqualTo("HTTP 200: rc 46 is not in Digiflazz's table");
    }

    @Test
    void aMissingRcIsNoAnswer() {
        assertThat(noAnswer(transaction(DocsExamples.PREPAID_SUCCESS.replace("\"rc\": \"00\",", ""))))
                .contains("no rc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pending", "Gagal", "OK"})
    void aStatusThatContradictsTheRcIsNoAnswer(String status) {
        String body = DocsExamples.PREPAID_SUCCESS.replace("\"status\": \"Sukses\"", "\"status\": \"" + status + "\"");

        assertThat(noAnswer(transaction(body))).contains("contradicts rc 00");
    }

    @Test
    void rc99IsPendingWithStatusPending() {
        TransactionAnswer t = answered(DocsExamples.PREPAID_PENDING.replace("\"03\"", "\"99\""));

        assertThat(t.code()).isEqualTo(ResponseCode.ROUTER_ISSUE);
        assertThat(t.code().rcClass()).isEqualTo(RcClass.PENDING);
    }

    @Test
    void aMissingStatusIsNoAnswer() {
        assertThat(noAnswer(transaction(DocsExamples.PREPAID_SUCCESS.replace("\"status\": \"Sukses\",", ""))))
                .contains("no status");
    }

    @Test
    void aRefusalMayLackTheSkuAndAmounts() {
        TransactionAnswer t = answered("""
                {"data":{"ref_id":"r1","customer_no":"0878","buyer_sku_code":"","message":"IP Anda tidak kami \
                kenali: 114.125.15.74","status":"Gagal","rc":"45"}}""");

        assertThat(t.code().rcClass()).isEqualTo(RcClass.CONFIG_ERROR);
        assertThat(t.buyerSkuCode()).isEmpty();
        assertThat(t.message()).isEqualTo("IP Anda tidak kami kenali: 114.125.15.74");
    }

    @Test
    void aMissingMessageIsTheOfficialOne() {
        TransactionAnswer t = answered(DocsExamples.POSTPAID_FAILED.replace("\"message\": \"Transaksi Gagal\",", ""));

        assertThat(t.message()).isEqualTo("Transaksi Gagal");
    }

    // --- amounts -------------------------------------------------------------------------------------------------

    @Test
    void amountsMayBeStringsOrWholeDecimals() {
        TransactionAnswer t = answered(prepaidWith("buyer_last_saldo", "\"990000\"").replace("10000,", "10000.0,"));

        assertThat(t.price()).contains(Money.of(10000));
        assertThat(t.buyerLastSaldo()).contains(Money.of(990000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000.5", "\"10.000\"", "\"Rp 10000\"", "\"abc\"", "-1", "1e400", "99999999999999999999",
        "{}", "true"})
    void aPriceThatIsNotAWholeNonNegativeAmountIsNoAnswer(String price) {
        String body = DocsExamples.PREPAID_SUCCESS.replace("\"price\": 10000", "\"price\": " + price);

        assertThat(noAnswer(transaction(body))).contains("price");
    }

    @Test
    void aFractionalLastBalanceIsDroppedNotTheAnswer() {
        TransactionAnswer t = answered(DocsExamples.PREPAID_SUCCESS.replace("990000", "990000.5"));

        assertThat(t.code()).isEqualTo(ResponseCode.TRANSACTION_SUCCESS);
        assertThat(t.buyerLastSaldo()).isEmpty();
        assertThat(Answers.transaction(utf8(DocsExamples.PREPAID_SUCCESS.replace("990000", "990000.5")), 200)
                .warnings()).singleElement().asString().contains("buyer_last_saldo");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"nilai_tagihan\":\"8000\" | \"nilai_tagihan\":\"8.000\"",
        "\"nilai_tagihan\":\"8000\" | \"nilai_tagihan\":\"abc\"",
        "\"denda\":\"500\" | \"denda\":\"500.5\"",
        "\"daya\":1300 | \"daya\":\"besar\"",
        "\"lembar_tagihan\":1 | \"lembar_tagihan\":[1]",
        "[{\"periode\" | [1,{\"periode\"",
        "\"detail\":[ | \"detail\":\"x\",\"ignored\":[",
    })
    void aDescThatCannotBeReadIsNoAnswer(String original, String replacement) {
        String body = DocsExamples.PLN_INQUIRY_ONE_BILL.replace(original, replacement);
        assertThat(body).isNotEqualTo(DocsExamples.PLN_INQUIRY_ONE_BILL);

        assertThat(noAnswer(transaction(body))).startsWith("HTTP 200: desc: ");
    }

    @Test
    void aTextDescIsKeptWithoutTypedView() {
        TransactionAnswer t = answered(prepaidWith("desc", "\"Pulsa XL\""));

        assertThat(t.desc()).isPresent();
        assertThat(t.billDesc()).isEmpty();
    }

    // --- the envelope --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "\"data\"", "<html>502 Bad Gateway</html>", "{\"data\":null}",
        "{\"message\":\"error\"}", "{\"data\":[]}", "{\"data\":\"Transaksi Sukses\"}",
        "{\"data\":{\"rc\":\"00\"},\"data\":{\"rc\":\"02\"}}", "{\"data\":{\"rc\":\"00\"}} trailing", "{\"data\":"})
    void aBodyThatIsNotAnEnvelopeWithDataIsNoAnswer(String body) {
        noAnswer(transaction(body));
    }

    @Test
    void duplicateKeysAreNoAnswer() {
        String body = DocsExamples.PREPAID_SUCCESS.replace("\"rc\": \"00\",", "\"rc\": \"00\", \"rc\": \"02\",");

        noAnswer(transaction(body));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 200, 201})
    void aClientErrorOrSuccessStatusWithADataBodyIsAnAnswer(int status) {
        DigiflazzResult<TransactionAnswer> result =
                DigiflazzClient.parseTransaction(utf8(DocsExamples.PREPAID_FAILED), status);

        assertThat(Results.httpStatus(result)).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 301, 302, 100})
    void aServerErrorOrRedirectIsNoAnswerWhateverTheBody(int status) {
        assertThat(noAnswer(DigiflazzClient.parseTransaction(utf8(DocsExamples.PREPAID_SUCCESS), status)))
                .startsWith("HTTP " + status);
    }

    // --- the other calls -----------------------------------------------------------------------------------------

    @Test
    void balanceFromTheDocs() {
        Balance balance = ok(answer(Answers.balance(utf8(DocsExamples.BALANCE), 200).result()));

        assertThat(balance.deposit()).isEqualTo(Money.of(500_000_000_000L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000", "1000000.0", "1000000.000", "\"1000000\"", "1e6"})
    void aWholeBalanceInAnyNumberForm(String deposit) {
        Balance balance = ok(answer(Answers.balance(utf8("{\"data\":{\"deposit\":" + deposit + "}}"), 200).result()));

        assertThat(balance.deposit()).isEqualTo(Money.of(1_000_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000.5", "0.1", "\"1.000.000\"", "null", "\"\""})
    void aBalanceThatIsNotWholeRupiahIsNoAnswer(String deposit) {
        noAnswer(Answers.balance(utf8("{\"data\":{\"deposit\":" + deposit + "}}"), 200).result());
    }

    @Test
    void aRefusedBalance() {
        Reply.Rejected<?> r = rejected(answer(Answers.balance(utf8(
                "{\"data\":{\"rc\":\"45\",\"message\":\"IP Anda tidak kami kenali: 114.125.15.74\",\"status\":\"Gagal\"}}"),
                400).result()));

        assertThat(r.code()).isEqualTo(ResponseCode.UNKNOWN_IP);
        assertThat(r.message()).isEqualTo("IP Anda tidak kami kenali: 114.125.15.74");
    }

    @Test
    void depositTicketFromTheDocs() {
        DepositTicket ticket = ok(answer(Answers.depositTicket(utf8(DocsExamples.DEPOSIT_TICKET), 200).result()));

        assertThat(ticket).isEqualTo(new DepositTicket("BCA", "Bank Transfer", "0123 4567 89", Money.of(10_000_001),
                "A6R5UPV"));
    }

    @Test
    void aRefusedDepositTicket() {
        Reply.Rejected<?> r = rejected(answer(Answers.depositTicket(utf8(
                "{\"data\":{\"rc\":\"64\",\"message\":\"Tarik tiket gagal\"}}"), 400).result()));

        assertThat(r.code()).isEqualTo(ResponseCode.DEPOSIT_TICKET_FAILED);
    }

    @Test
    void aDepositTicketWithoutItsMemoIsNoAnswer() {
        assertThat(noAnswer(Answers.depositTicket(
                utf8(DocsExamples.DEPOSIT_TICKET.replace("\"notes\": \"A6R5UPV\",", "")), 200).result()))
                .contains("notes");
    }

    @Test
    void plnCustomerFromTheDocs() {
        PlnCustomer customer = ok(answer(Answers.plnCustomer(utf8(DocsExamples.INQUIRY_PLN), 200).result()));

        assertThat(customer).isEqualTo(
                new PlnCustomer("1234554321", "1234554321", "523300817840", "DAVID", "R1 /000001300"));
    }

    @Test
    void aRateLimitedPlnCheckIsRejected() {
        Reply.Rejected<?> r = rejected(answer(Answers.plnCustomer(utf8(
                "{\"data\":{\"rc\":\"86\",\"message\":\"limit\",\"status\":\"Gagal\",\"customer_no\":\"1\"}}"),
                400).result()));

        assertThat(r.code().rcClass()).isEqualTo(RcClass.RATE_LIMITED);
    }

    @Test
    void aPlnCheckWithTheWrongStatusIsNoAnswer() {
        noAnswer(Answers.plnCustomer(utf8(DocsExamples.INQUIRY_PLN.replace("\"Sukses\"", "\"Gagal\"")), 200)
                .result());
    }

    @Test
    void prepaidPriceListSkipsTheMalformedRow() {
        PriceList<PriceListRow> list = rows(answer(
                Answers.prepaidPriceList(utf8(DocsExamples.PREPAID_PRICE_LIST_WITH_A_BAD_ROW), 200).result()));

        assertThat(list.rows()).containsExactly(
                new PriceListRow("Xl 100.000", "Pulsa", "XL", "Umum", "PT. ABC", Money.of(98000), "X100", true, true,
                        true, 0, true, "23:45", "00:15", "Pulsa Xl Rp 100.000"),
                new PriceListRow("Telkomsel Pulsa 5.000", "Pulsa", "TELKOMSEL", "Umum", "PT. BCA", Money.of(5100),
                        "S5", true, false, false, 1200, false, "00:00", "00:00", "Pulsa Telkomsel Rp 5.000"));
        assertThat(list.skipped()).containsExactly("row 2: buyer_sku_code is missing");
    }

    @Test
    void eachKindOfBadRowIsSkippedWithItsReason() {
        String body = """
                {"data":[
                  {"buyer_sku_code":"A","price":"abc"},
                  {"buyer_sku_code":"B","price":1000,"multi":"yes"},
                  "not a row",
                  {"buyer_sku_code":"C","price":1000.5},
                  {"buyer_sku_code":"D","price":1000,"stock":"banyak"},
                  {"buyer_sku_code":"E","price":-5},
                  {"buyer_sku_code":"F","price":1000}
                ]}""";

        PriceList<PriceListRow> list = rows(answer(Answers.prepaidPriceList(utf8(body), 200).result()));

        assertThat(list.rows()).extracting(PriceListRow::buyerSkuCode).containsExactly("F");
        assertThat(list.skipped()).hasSize(6);
        assertThat(list.skipped().get(0)).startsWith("row 0 (A): price");
        assertThat(list.skipped().get(1)).startsWith("row 1 (B): multi");
        assertThat(list.skipped().get(2)).isEqualTo("row 2: not an object");
        assertThat(list.skipped().get(3)).contains("not a whole number");
    }

    @Test
    void pascaPriceListFromTheDocs() {
        PriceList<PascaPriceListRow> list =
                rows(answer(Answers.pascaPriceList(utf8(DocsExamples.PASCA_PRICE_LIST), 200).result()));

        assertThat(list.skipped()).isEmpty();
        assertThat(list.rows()).containsExactly(
                new PascaPriceListRow("Pln Postpaid", "Pascabayar", "PLN", "PT. ABC", Money.of(2750), Money.of(1800),
                        "pln", true, true, "-"),
                new PascaPriceListRow("aetra", "Pascabayar", "PDAM", "Mr Ed", Money.of(2000), Money.of(550), "aetra",
                        true, true, "Provinsi Jakarta"));
    }

    @Test
    void aRateLimitedPriceListIsRejected() {
        PriceListAnswer.Rejected<?> r = rejected(answer(
                Answers.prepaidPriceList(utf8(DocsExamples.PRICE_LIST_RATE_LIMITED), 400).result()));

        assertThat(r.code()).isEqualTo(ResponseCode.PRICE_LIST_RATE_LIMIT);
        assertThat(r.code().rcClass()).isEqualTo(RcClass.RATE_LIMITED);
        assertThat(r.message()).startsWith("Anda telah mencapai limitasi pengecekan pricelist");
    }

    @Test
    void aPriceListAnsweredWithAWrongKeyIsRejected() {
        PriceListAnswer.Rejected<?> r = rejected(answer(Answers.pascaPriceList(
                utf8("{\"data\":{\"rc\":\"41\",\"message\":\"Signature Anda salah\"}}"), 200).result()));

        assertThat(r.code().rcClass()).isEqualTo(RcClass.CONFIG_ERROR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"data\":{\"rc\":\"00\"}}", "{\"data\":{\"rc\":\"46\"}}", "{\"data\":{}}",
        "{\"data\":\"x\"}"})
    void aPriceListWithoutRowsOrAKnownRefusalIsNoAnswer(String body) {
        noAnswer(Answers.prepaidPriceList(utf8(body), 200).result());
    }
}
