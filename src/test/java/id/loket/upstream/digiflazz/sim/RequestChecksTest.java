package id.loket.upstream.digiflazz.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Refusals (40, 41, 42, 45), the HTTP status option, methods and paths. */
class RequestChecksTest extends SimTestBase {

    @Test
    void badSignIs41AndCreatesNothing() {
        ObjectNode body = client.topupBody("xld10", "087800001230", ref());
        body.put("sign", SimClient.md5("loketuser" + "wrong-key" + body.get("ref_id").asText()));

        SimClient.Response r = client.post("/v1/transaction", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.rc()).isEqualTo("41");
        assertThat(r.data().has("price")).isFalse();
        assertThat(r.data().has("buyer_last_saldo")).isFalse();
        assertThat(sim.transactions()).isEmpty();
    }

    @Test
    void keyMustMatchTheMode() {
        String ref = ref();
        ObjectNode testingWithProdKey = client.topupBody("xld10", "087800001230", ref);
        testingWithProdKey.put("sign", client.prodSign(ref));
        ObjectNode productionWithDevKey = client.topupBody("xld10", "087800001230", ref);
        productionWithDevKey.remove("testing");
        ObjectNode production = client.topupBody("xld10", "087800001230", ref);
        production.remove("testing");
        production.put("sign", client.prodSign(ref));

        assertThat(client.post("/v1/transaction", testingWithProdKey).rc()).isEqualTo("41");
        assertThat(client.post("/v1/transaction", productionWithDevKey).rc()).isEqualTo("41");
        assertThat(client.post("/v1/transaction", production).rc()).isEqualTo("00");
        assertThat(sim.transactions()).singleElement().matches(t -> !t.testing());
    }

    @Test
    void unknownUsernameIs42() {
        ObjectNode body = client.topupBody("xld10", "087800001230", ref());
        body.put("username", "someoneelse");

        assertThat(client.post("/v1/transaction", body).rc()).isEqualTo("42");
    }

    @Test
    void payloadErrorsAre40() {
        ObjectNode numberAsInt = client.topupBody("xld10", "087800001230", ref());
        numberAsInt.put("customer_no", 87800001230L);
        ObjectNode missingRef = client.topupBody("xld10", "087800001230", ref());
        missingRef.remove("ref_id");
        ObjectNode testingAsString = client.topupBody("xld10", "087800001230", ref());
        testingAsString.put("testing", "true");

        assertThat(client.post("/v1/transaction", numberAsInt).rc()).isEqualTo("40");
        assertThat(client.post("/v1/transaction", missingRef).rc()).isEqualTo("40");
        assertThat(client.post("/v1/transaction", testingAsString).rc()).isEqualTo("40");
        SimClient.Response garbage = client.post("/v1/transaction", "{not json", Duration.ofSeconds(5));
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.rc()).isEqualTo("40");
        assertThat(garbage.data().get("message").asText()).isEqualTo("Payload Error");
        assertThat(sim.transactions()).isEmpty();
    }

    @Test
    void http200OnErrorsWhenConfigured() {
        sim.close();
        sim = DigiflazzSimulator.start(options().clock(clock).httpStatusOnError(200).build());
        client = new SimClient(sim);

        SimClient.Response r = client.topup("xld10", "087800001232", ref());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.rc()).isEqualTo("02");
    }

    @Test
    void onlyPostWithJsonUnderV1() {
        SimClient.Response get = client.get("/v1/cek-saldo");
        SimClient.Response unknown = client.post("/v1/nope", "{}", Duration.ofSeconds(5));
        SimClient.Response form = client.send(HttpRequest.newBuilder(sim.baseUri().resolve("/v1/cek-saldo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("cmd=deposit")).build());

        assertThat(get.status()).isEqualTo(405);
        assertThat(get.data().get("message").asText()).contains("POST");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.data()).isNotNull();
        assertThat(form.rc()).isEqualTo("40");
    }

    @Test
    void balanceAnswersTheDeposit() {
        SimClient.Response r = client.balance();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().toString()).isEqualTo("{\"data\":{\"deposit\":1000000}}");
    }

    @Test
    void depositTicketAcceptsBankOrBankAndAddsASuffix() {
        ObjectNode upper = SimClient.MAPPER.createObjectNode();
        upper.put("username", "loketuser");
        upper.put("amount", 10_000_000);
        upper.put("Bank", "BCA");
        upper.put("owner_name", "John Doe");
        upper.put("sign", client.sign("deposit"));
        ObjectNode lower = upper.deepCopy();
        lower.remove("Bank");
        lower.put("bank", "ShopeePay");

        JsonNode a = client.post("/v1/deposit", upper).data();
        JsonNode b = client.post("/v1/deposit", lower).data();

        assertThat(a.get("rc").asText()).isEqualTo("00");
        assertThat(a.get("bank").asText()).isEqualTo("BCA");
        assertThat(a.get("payment_method").asText()).isEqualTo("Bank Transfer");
        assertThat(a.get("amount").asLong()).isBetween(10_000_001L, 10_000_999L);
        assertThat(a.get("notes").asText()).hasSize(7);
        assertThat(b.get("amount").asLong()).isNotEqualTo(a.get("amount").asLong());
        assertThat(b.get("payment_method").asText()).isEqualTo("Virtual Account");
        assertThat(client.deposit()).as("a ticket is not money").isEqualTo(1_000_000);
    }

    @Test
    void inquiryPlnNamesAnyMeterButTheNotFoundOne() {
        JsonNode found = inquiryPln("14234567890").data();
        JsonNode docs = inquiryPln("1234554321").data();
        SimClient.Response notFound = inquiryPln("00000000000");
        SimClient.Response tooShort = inquiryPln("12345");

        assertThat(found.get("rc").asText()).isEqualTo("00");
        assertThat(found.get("meter_no").asText()).isEqualTo("14234567890");
        assertThat(found.get("subscriber_id").asText()).hasSize(12);
        assertThat(found.get("name").asText()).isNotBlank();
        assertThat(found.get("segment_power").asText()).matches("R\\dM? /\\d{9}");
        assertThat(docs.get("name").asText()).isEqualTo("DAVID");
        assertThat(docs.get("segment_power").asText()).isEqualTo("R1 /000001300");
        assertThat(notFound.rc()).isEqualTo("54");
        assertThat(notFound.data().get("status").asText()).isEqualTo("Gagal");
        assertThat(tooShort.rc()).isEqualTo("57");
        assertThat(inquiryPln("14234567890").data()).isEqualTo(found);
    }

    @Test
    void priceListLimitsAreEnforcedPerCmd() {
        SimClient.Response first = client.post("/v1/price-list", client.priceListBody("prepaid"));
        SimClient.Response second = client.post("/v1/price-list", client.priceListBody("prepaid"));
        SimClient.Response pasca = client.post("/v1/price-list", client.priceListBody("pasca"));
        ObjectNode oneCode = client.priceListBody("prepaid");
        oneCode.put("code", "pln20");
        SimClient.Response code = client.post("/v1/price-list", oneCode);
        SimClient.Response codeAgain = client.post("/v1/price-list", oneCode);

        assertThat(first.data().isArray()).isTrue();
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.rc()).isEqualTo("83");
        assertThat(pasca.data().isArray()).isTrue();
        assertThat(code.data()).hasSize(1);
        assertThat(codeAgain.rc()).isEqualTo("83");
        clock.advance(Duration.ofSeconds(1));
        assertThat(client.post("/v1/price-list", oneCode).data().isArray()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(client.post("/v1/price-list", client.priceListBody("prepaid")).data().isArray()).isTrue();
    }

    @Test
    void priceListRowsCarryTheDocumentedFields() {
        JsonNode prepaid = client.post("/v1/price-list", client.priceListBody("prepaid")).data();
        ObjectNode pascaBody = client.priceListBody("pasca");
        JsonNode pasca = client.post("/v1/price-list", pascaBody).data();

        assertThat(prepaid).anySatisfy(row -> {
            assertThat(row.get("buyer_sku_code").asText()).isEqualTo("pln20");
            assertThat(row.get("category").asText()).isEqualTo("PLN");
            assertThat(row.get("brand").asText()).isEqualTo("PLN");
            assertThat(row.get("price").asLong()).isEqualTo(20_150);
        });
        assertThat(prepaid).allSatisfy(row -> assertThat(row.fieldNames()).toIterable().containsExactly(
                "product_name", "category", "brand", "type", "seller_name", "price", "buyer_sku_code",
                "buyer_product_status", "seller_product_status", "unlimited_stock", "stock", "multi",
                "start_cut_off", "end_cut_off", "desc"));
        assertThat(prepaid).extracting(row -> row.get("category").asText())
                .contains("PLN", "Pulsa", "Data", "E-Money");
        assertThat(prepaid).extracting(row -> row.get("brand").asText())
                .contains("TELKOMSEL", "XL", "GO PAY");
        assertThat(pasca).extracting(row -> row.get("brand").asText()).contains("PLN PASCABAYAR", "PDAM",
                "BPJS KESEHATAN", "INTERNET PASCABAYAR", "HP PASCABAYAR");
        assertThat(pasca).allSatisfy(row -> {
            assertThat(row.get("category").asText()).isEqualTo("Pascabayar");
            assertThat(row.has("admin")).isTrue();
            assertThat(row.has("commission")).isTrue();
        });
    }

    @Test
    void priceListFiltersAndTheLimitSwitch() {
        sim.close();
        sim = DigiflazzSimulator.start(options().clock(clock).priceListLimit(false).build());
        client = new SimClient(sim);
        ObjectNode emoney = client.priceListBody("prepaid");
        emoney.put("category", "E-Money");
        emoney.put("brand", "GO PAY");

        JsonNode rows = client.post("/v1/price-list", emoney).data();
        JsonNode again = client.post("/v1/price-list", emoney).data();

        assertThat(rows).hasSize(3).allMatch(r -> r.get("brand").asText().equals("GO PAY"));
        assertThat(again).isEqualTo(rows);
    }

    @Test
    void callerOutsideTheWhitelistGets45Everywhere() {
        sim.close();
        sim = DigiflazzSimulator.start(options().clock(clock).build().notWhitelisted());
        client = new SimClient(sim);

        SimClient.Response topup = client.topup("xld10", "087800001230", ref());
        SimClient.Response balance = client.balance();

        assertThat(topup.rc()).isEqualTo("45");
        assertThat(topup.data().get("message").asText()).isEqualTo("IP Anda tidak kami kenali: 127.0.0.1");
        assertThat(balance.rc()).isEqualTo("45");
        assertThat(sim.transactions()).isEmpty();
        // The control endpoints still answer this machine.
        assertThat(client.get("/sim/transactions").status()).isEqualTo(200);
    }

    @Test
    void bannerNamesTheUrlAndCredentials() {
        assertThat(sim.banner()).isEqualTo("Digiflazz simulator listening on http://127.0.0.1:" + sim.port()
                + "/v1 (username loketuser, development key dev-11111111-2222-3333-4444-555555555555)");
        assertThat(sim.baseUri().toString()).endsWith("/v1");
    }

    @Test
    void legacyPlnSubscribeAnswersWithoutRc() {
        ObjectNode body = SimClient.MAPPER.createObjectNode();
        body.put("commands", "pln-subscribe");
        body.put("customer_no", "14234567890");
        ObjectNode unknown = body.deepCopy();
        unknown.put("customer_no", "00000000000");

        JsonNode found = client.post("/v1/transaction", body).data();
        JsonNode empty = client.post("/v1/transaction", unknown).data();

        assertThat(found.has("rc")).isFalse();
        assertThat(found.get("name").asText()).isNotBlank();
        assertThat(empty.get("name").asText()).isEmpty();
    }

    private SimClient.Response inquiryPln(String customerNo) {
        ObjectNode body = SimClient.MAPPER.createObjectNode();
        body.put("username", "loketuser");
        body.put("customer_no", customerNo);
        body.put("sign", client.sign(customerNo));
        return client.post("/v1/inquiry-pln", body);
    }
}
