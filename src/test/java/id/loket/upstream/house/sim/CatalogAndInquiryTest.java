package id.loket.upstream.house.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogAndInquiryTest extends SandboxTestBase {

    @Test
    void catalogListsEveryBillerWithAnchoredPatternsAndProducts() {
        SignedClient.Response r = client.get("/v1/billers");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.signed()).isTrue();
        List<String> codes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode b : r.json().get("billers")) {
            codes.add(b.get("code").asText());
            names.add(b.get("name").asText());
            assertThat(b.at("/reference/pattern").asText()).startsWith("^").endsWith("$");
            assertThat(b.at("/reference/label").asText()).isNotBlank();
            assertThat(b.get("admin_fee").isIntegralNumber()).isTrue();
            assertThat(b.get("category").asText()).isIn("ELECTRICITY", "WATER", "PHONE", "TICKET");
            assertThat(b.get("kind").asText()).isIn("POSTPAID", "PREPAID");
            assertThat(b.get("products").size() > 0).isEqualTo(b.get("kind").asText().equals("PREPAID"));
        }
        assertThat(codes).containsExactly("PLN_POSTPAID", "PLN_PREPAID", "PDAM_BANDUNG", "PDAM_SURABAYA",
                "PDAM_MEDAN", "TELKOM", "HALO", "PULSA", "KAI");
        assertThat(names).hasSize(codes.size()).contains("PDAM Tirtawening Kota Bandung",
                "PDAM Surya Sembada Kota Surabaya", "PDAM Tirtanadi Medan");
        JsonNode pln = r.json().get("billers").get(0);
        assertThat(pln.get("admin_fee").asLong()).isEqualTo(2500);
        JsonNode prepaid = r.json().get("billers").get(1);
        List<Long> prices = new ArrayList<>();
        prepaid.get("products").forEach(p -> prices.add(p.get("price").asLong()));
        assertThat(prices).containsExactly(20_000L, 50_000L, 100_000L, 200_000L, 500_000L, 1_000_000L);
        JsonNode pulsa = r.json().get("billers").get(7);
        List<Long> credit = new ArrayList<>();
        pulsa.get("products").forEach(p -> credit.add(p.get("price").asLong()));
        assertThat(credit).containsExactly(5_000L, 10_000L, 20_000L, 25_000L, 50_000L, 100_000L);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "PLN_POSTPAID, 512345678901, null, tarif_daya|lembar_tagihan|periode|stand_meter",
        "PLN_PREPAID, 14234567890, PLN50, no_meter|idpel|tarif_daya",
        "PLN_PREPAID, 512345678902, PLN20, no_meter|idpel|tarif_daya",
        "PDAM_BANDUNG, 1234567, null, periode|stand_meter|pemakaian_m3|alamat",
        "PDAM_SURABAYA, 123456, null, periode|pemakaian_m3|alamat",
        "PDAM_MEDAN, 1234567890, null, periode|pemakaian_m3|alamat",
        "TELKOM, 021123456789, null, periode|no_telepon|layanan",
        "HALO, 081234567890, null, periode|no_hp|paket",
        "PULSA, 081298765432, PULSA25, no_hp|operator|produk",
        "KAI, ABC123, null, kereta|no_kereta|rute|berangkat|kursi|penumpang"})
    void everyBillerAnswersADeterministicRealisticBill(String biller, String reference, String product,
            String keys) {
        JsonNode first = inquire(biller, reference, product);
        JsonNode second = inquire(biller, reference, product);
        assertThat(first.get("inquiry_id").asText()).startsWith("inq_")
                .isNotEqualTo(second.get("inquiry_id").asText());
        assertThat(first.get("biller").asText()).isEqualTo(biller);
        assertThat(first.get("reference").asText()).isEqualTo(reference);
        assertThat(first.get("customer_name").asText()).matches("[A-Z]+ [A-Z]+")
                .isEqualTo(second.get("customer_name").asText());
        long amount = first.get("amount").asLong();
        assertThat(amount).isPositive().isEqualTo(second.get("amount").asLong());
        assertThat(amount % 100).isZero();
        assertThat(first.get("total").asLong()).isEqualTo(amount + first.get("admin_fee").asLong());
        assertThat(first.get("details")).isEqualTo(second.get("details"));
        for (String key : keys.split("\\|")) {
            assertThat(first.get("details").get(key)).as(key).isNotNull();
            assertThat(first.get("details").get(key).isTextual()).isTrue();
        }
        assertThat(first.get("expires_at").asText()).isEqualTo("2026-11-21T03:15:00Z");
    }

    @Test
    void billDetailsLookLikeTheBillersOwn() {
        JsonNode pln = inquire("PLN_POSTPAID", "512345678901").get("details");
        assertThat(pln.get("tarif_daya").asText()).matches("R[12]/\\d+VA");
        assertThat(pln.get("periode").asText()).matches("(SEP26,)?OKT26");
        assertThat(pln.get("stand_meter").asText()).matches("\\d{8}-\\d{8}");
        JsonNode pulsa = inquire("PULSA", "081298765432", "PULSA10");
        assertThat(pulsa.at("/details/operator").asText()).isEqualTo("TELKOMSEL");
        assertThat(pulsa.get("amount").asLong()).isEqualTo(10_000);
        assertThat(inquire("PULSA", "085712345678", "PULSA5").at("/details/operator").asText())
                .isEqualTo("INDOSAT OOREDOO");
        JsonNode token = inquire("PLN_PREPAID", "14234567890", "PLN100");
        assertThat(token.get("amount").asLong()).isEqualTo(100_000);
        assertThat(token.at("/details/no_meter").asText()).isEqualTo("14234567890");
        assertThat(token.at("/details/idpel").asText()).matches("\\d{12}");
        JsonNode kai = inquire("KAI", "KX7Q2P").get("details");
        assertThat(kai.get("rute").asText()).contains(" - ");
        assertThat(kai.get("berangkat").asText()).matches("\\d{2} [A-Z]{3} 20\\d\\d \\d{2}:\\d{2}");
        assertThat(kai.get("penumpang").asText().split(", ")).hasSize(kai.get("jumlah_penumpang").asInt());
    }

    @ParameterizedTest
    @CsvSource({"PLN_POSTPAID, 51234567890", "PLN_POSTPAID, 5123456789012", "PLN_PREPAID, 1423456789",
        "PDAM_BANDUNG, 12345", "PDAM_MEDAN, 12345678901", "TELKOM, 02112345678", "HALO, 0712345678",
        "HALO, 081234567", "PULSA, 0812345678901234", "KAI, abc123", "KAI, ABC12", "PLN_POSTPAID, 51234567890a",
        "PULSA, 0800123456"})
    void referenceOfTheWrongShapeIsInvalid(String biller, String reference) {
        SignedClient.Response r = inquiry(biller, reference, biller.equals("PULSA") ? "PULSA5"
                : biller.equals("PLN_PREPAID") ? "PLN20" : null);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("invalid_reference");
        assertThat(r.signed()).isTrue();
    }

    @Test
    void prepaidNeedsAKnownProduct() {
        assertThat(inquiry("PLN_PREPAID", "14234567890", null).errorCode()).isEqualTo("unknown_product");
        SignedClient.Response unknown = inquiry("PULSA", "081298765432", "PULSA7");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.errorCode()).isEqualTo("unknown_product");
        SignedClient.Response noBiller = inquiry("NOPE", "1", null);
        assertThat(noBiller.status()).isEqualTo(404);
        assertThat(noBiller.errorCode()).isEqualTo("unknown_biller");
    }

    @Test
    void referenceScenarios() {
        SignedClient.Response notFound = inquiry("PLN_POSTPAID", "512345670000", null);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.errorCode()).isEqualTo("reference_not_found");
        SignedClient.Response paid = inquiry("PDAM_SURABAYA", "129999", null);
        assertThat(paid.status()).isEqualTo(409);
        assertThat(paid.errorCode()).isEqualTo("bill_already_paid");
        assertThat(inquiry("KAI", "AB0000", null).status()).isEqualTo(404);
    }

    @Test
    void aPaidPostpaidBillIsAlreadyPaidAtTheNextInquiryButPrepaidCanBeBoughtAgain() {
        JsonNode bill = inquire("TELKOM", "021123456789");
        paidCash(newRef(), bill);
        SignedClient.Response again = inquiry("TELKOM", "021123456789", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("bill_already_paid");

        paidCash(newRef(), inquire("PULSA", "081298765432", "PULSA10"));
        assertThat(inquiry("PULSA", "081298765432", "PULSA10").status()).isEqualTo(200);
    }

    @Test
    void missingOrWrongTypedFieldsAreBadRequests() {
        assertThat(client.post("/v1/inquiries", "{\"biller\": \"PLN_POSTPAID\"}").errorCode()).isEqualTo("bad_request");
        SignedClient.Response typed = client.post("/v1/inquiries", "{\"biller\": \"PLN_POSTPAID\", \"reference\": 5}");
        assertThat(typed.status()).isEqualTo(400);
        assertThat(typed.errorCode()).isEqualTo("bad_request");
        assertThat(client.post("/v1/inquiries", "[1, 2]").errorCode()).isEqualTo("bad_request");
    }

    @Test
    void twoHundredConcurrentInquiriesAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(200);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String reference = String.format("5%011d", 12_345_678L + i * 7L);
                calls.add(() -> inquiry("PLN_POSTPAID", reference, null).status());
            }
            List<Future<Integer>> results = pool.invokeAll(calls, 120, TimeUnit.SECONDS);
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
