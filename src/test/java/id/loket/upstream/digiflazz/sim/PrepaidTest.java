package id.loket.upstream.digiflazz.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PrepaidTest extends SimTestBase {

    @Test
    void officialSuccessNumber() {
        SimClient.Response r = client.topup("xld10", "087800001230", ref());

        assertThat(r.status()).isEqualTo(200);
        JsonNode d = r.data();
        assertThat(d.get("status").asText()).isEqualTo("Sukses");
        assertThat(d.get("rc").asText()).isEqualTo("00");
        assertThat(d.get("message").asText()).isEqualTo("Transaksi Sukses");
        assertThat(d.get("sn").asText()).isEqualTo("1234567890");
        assertThat(d.get("price").asLong()).isEqualTo(10_000);
        assertThat(d.get("buyer_last_saldo").asLong()).isEqualTo(990_000);
        assertThat(client.deposit()).isEqualTo(990_000);
    }

    @Test
    void officialFailureNumberRefundsAtOnce() {
        SimClient.Response r = client.topup("xld10", "087800001232", ref());

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.rc()).isEqualTo("02");
        assertThat(r.data().get("status").asText()).isEqualTo("Gagal");
        assertThat(r.data().get("price").asLong()).isEqualTo(10_000);
        assertThat(r.data().get("buyer_last_saldo").asLong()).isEqualTo(1_000_000);
        assertThat(r.data().has("sn")).isFalse();
        assertThat(client.deposit()).isEqualTo(1_000_000);
    }

    @Test
    void officialPendingThenSuccessSettlesOnTheReCheckWithTheOriginalSaldo() {
        String ref = ref();
        SimClient.Response first = client.topup("xld10", "087800001233", ref);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.rc()).isEqualTo("03");
        assertThat(first.data().get("status").asText()).isEqualTo("Pending");
        assertThat(first.data().get("message").asText()).isEqualTo("Transaksi Pending");
        assertThat(first.data().get("sn").asText()).isEmpty();
        assertThat(first.data().get("buyer_last_saldo").asLong()).isEqualTo(990_000);

        // Another sale moves the deposit; the re-check still reports the first sale's balance.
        client.topup("xld10", "087800001230", ref());
        SimClient.Response again = client.topup("xld10", "087800001233", ref);

        assertThat(again.rc()).isEqualTo("00");
        assertThat(again.data().get("status").asText()).isEqualTo("Sukses");
        assertThat(again.data().get("sn").asText()).isNotEmpty();
        assertThat(again.data().get("buyer_last_saldo").asLong()).isEqualTo(990_000);
        assertThat(client.deposit()).isEqualTo(980_000);
        assertThat(sim.transactions()).hasSize(2);
    }

    @Test
    void officialPendingThenFailureRestoresTheDeposit() {
        String ref = ref();
        assertThat(client.topup("xld10", "087800001234", ref).rc()).isEqualTo("03");
        assertThat(client.deposit()).isEqualTo(990_000);

        SimClient.Response again = client.topup("xld10", "087800001234", ref);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.rc()).isEqualTo("02");
        assertThat(again.data().get("buyer_last_saldo").asLong()).isEqualTo(990_000);
        assertThat(client.deposit()).isEqualTo(1_000_000);
        // A final state stays final.
        assertThat(client.topup("xld10", "087800001234", ref).rc()).isEqualTo("02");
        assertThat(client.deposit()).isEqualTo(1_000_000);
    }

    @Test
    void reSendOfAFinalTransactionReturnsTheStoredRecordWithoutChargingAgain() {
        String ref = ref();
        SimClient.Response first = client.topup("pln20", "14234567890", ref);
        client.topup("tsel10", "081234567890", ref());
        SimClient.Response again = client.topup("pln20", "14234567890", ref);

        assertThat(again.data()).isEqualTo(first.data());
        assertThat(client.deposit()).isEqualTo(1_000_000 - 20_150 - 10_280);
    }

    @Test
    void sameRefIdForAnotherNumberOrSkuIs49() {
        String ref = ref();
        client.topup("xld10", "087800001230", ref);

        SimClient.Response otherNumber = client.topup("xld10", "087800001231", ref);
        SimClient.Response otherSku = client.topup("xl25", "087800001230", ref);
        SimClient.Response asInquiry = client.inquire("pln", "530000000001", ref);

        assertThat(otherNumber.rc()).isEqualTo("49");
        assertThat(otherNumber.data().has("price")).isFalse();
        assertThat(otherNumber.data().has("buyer_last_saldo")).isFalse();
        assertThat(otherSku.rc()).isEqualTo("49");
        assertThat(asInquiry.rc()).isEqualTo("49");
        assertThat(client.deposit()).isEqualTo(990_000);
    }

    @Test
    void plnTokenSnCarriesTheTokenNameTariffAndKwh() {
        SimClient.Response r = client.topup("pln100", "123456789012", ref());

        assertThat(r.rc()).isEqualTo("00");
        assertThat(r.data().get("price").asLong()).isEqualTo(100_150);
        String sn = r.data().get("sn").asText();
        assertThat(sn).matches("\\d{4}(-\\d{4}){4}/[A-Z ]+/(R1|R1M|R2)/\\d+/\\d+\\.\\d");
    }

    @Test
    void plnMeterEndingIn9GoesPendingThenSucceeds() {
        String ref = ref();
        SimClient.Response first = client.topup("pln50", "14000000009", ref);
        assertThat(first.rc()).isEqualTo("03");
        assertThat(first.data().get("sn").asText()).isEmpty();

        SimClient.Response settled = client.topup("pln50", "14000000009", ref);

        assertThat(settled.rc()).isEqualTo("00");
        assertThat(settled.data().get("sn").asText()).contains("/");
        assertThat(client.deposit()).isEqualTo(1_000_000 - 50_150);
    }

    @Test
    void pendingWaitsForThePendingDelayAndTheKthCheck() {
        sim.close();
        sim = DigiflazzSimulator.start(options().clock(clock).pendingDelay(Duration.ofSeconds(30)).pendingChecks(2)
                .build());
        client = new SimClient(sim);
        String ref = ref();
        client.topup("xld10", "087800001233", ref);

        clock.advance(Duration.ofSeconds(10));
        assertThat(client.topup("xld10", "087800001233", ref).rc()).as("1st check, 10 s").isEqualTo("03");
        assertThat(client.topup("xld10", "087800001233", ref).rc()).as("2nd check, 10 s").isEqualTo("03");
        clock.advance(Duration.ofSeconds(25));
        assertThat(client.topup("xld10", "087800001233", ref).rc()).as("3rd check, 35 s").isEqualTo("00");
    }

    @Test
    void implausibleNumbersFailAfterCreationAndAreRefunded() {
        SimClient.Response shortMeter = client.topup("pln20", "1234", ref());
        SimClient.Response unknownMeter = client.topup("pln20", "00000000000", ref());
        SimClient.Response wrongOperator = client.topup("tsel10", "087812345678", ref());

        assertThat(shortMeter.rc()).isEqualTo("57");
        assertThat(unknownMeter.rc()).isEqualTo("54");
        assertThat(wrongOperator.rc()).isEqualTo("52");
        assertThat(wrongOperator.data().get("price").asLong()).isEqualTo(10_280);
        assertThat(client.deposit()).isEqualTo(1_000_000);
        assertThat(sim.transactions()).hasSize(3).allMatch(t -> t.status().equals("Gagal") && !t.reserved());
    }

    @Test
    void unknownOrInactiveSkuIs43AndCreatesNothing() {
        assertThat(client.topup("nope99", "081234567890", ref()).rc()).isEqualTo("43");
        SimClient.Response inactive = client.topup("isat5", "081534567890", ref());
        assertThat(inactive.rc()).isEqualTo("43");
        assertThat(inactive.data().has("price")).isFalse();
        assertThat(sim.transactions()).isEmpty();
    }

    @Test
    void depositTooLowIs44BeforeAnythingIsCreated() {
        sim.setDeposit(20_000);
        String ref = ref();

        SimClient.Response refused = client.topup("pln50", "14234567890", ref);

        assertThat(refused.rc()).isEqualTo("44");
        assertThat(refused.data().has("buyer_last_saldo")).isFalse();
        assertThat(sim.transactions()).isEmpty();
        // Nothing exists, so after a top-up the same ref_id is a new sale.
        sim.setDeposit(100_000);
        assertThat(client.topup("pln50", "14234567890", ref).rc()).isEqualTo("00");
        assertThat(client.deposit()).isEqualTo(100_000 - 50_150);
    }

    @Test
    void maxPriceBelowThePriceIs69() {
        var body = client.topupBody("tsel50", "081234567890", ref());
        body.put("max_price", 49_000);

        assertThat(client.post("/v1/transaction", body).rc()).isEqualTo("69");
    }

    @Test
    void nonMultiSkuRefusesASecondSaleToTheSameNumberTheSameDay() {
        assertThat(client.topup("xl5", "081934567890", ref()).rc()).isEqualTo("00");

        SimClient.Response second = client.topup("xl5", "081934567890", ref());

        assertThat(second.rc()).isEqualTo("63");
        assertThat(second.data().has("price")).isFalse();
        assertThat(second.data().get("buyer_last_saldo").asLong()).isEqualTo(1_000_000 - 5_450);
        clock.advance(Duration.ofDays(1));
        assertThat(client.topup("xl5", "081934567890", ref()).rc()).isEqualTo("00");
    }

    @Test
    void cutOffWindowIs58() {
        clock.advance(Duration.ofHours(13).plusMinutes(50)); // 23:50 WIB

        assertThat(client.topup("xl100", "081934567890", ref()).rc()).isEqualTo("58");
        assertThat(client.topup("xl50", "081934567890", ref()).rc()).isEqualTo("00");
    }

    @Test
    void reSendAfter90DaysIsANewTransaction() {
        String ref = ref();
        client.topup("tsel10", "081234567890", ref);
        clock.advance(Duration.ofDays(90));
        assertThat(client.topup("tsel10", "081234567890", ref).data().get("buyer_last_saldo").asLong())
                .as("day 90: still the stored one").isEqualTo(1_000_000 - 10_280);

        clock.advance(Duration.ofMinutes(1));
        SimClient.Response after = client.topup("tsel10", "081234567890", ref);

        assertThat(after.rc()).isEqualTo("00");
        assertThat(after.data().get("buyer_last_saldo").asLong()).isEqualTo(1_000_000 - 2 * 10_280);
        assertThat(sim.transactions()).hasSize(2);
        assertThat(sim.transactions().get(0).superseded()).isTrue();
    }

    @Test
    void emoneyAndDataSell() {
        SimClient.Response gopay = client.topup("gopay50", "081234567890", ref());
        SimClient.Response data = client.topup("tseldata1", "081234567890", ref());

        assertThat(gopay.rc()).isEqualTo("00");
        assertThat(gopay.data().get("sn").asText()).contains("/");
        assertThat(data.rc()).isEqualTo("00");
        assertThat(client.deposit()).isEqualTo(1_000_000 - 50_600 - 14_750);
    }

    @Test
    void concurrentSendsOfOneRefIdChargeOnce() throws Exception {
        String ref = ref();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SimClient.Response>> sends = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                sends.add(pool.submit(() -> client.topup("pln20", "14234567890", ref)));
            }
            for (Future<SimClient.Response> send : sends) {
                assertThat(send.get().rc()).isEqualTo("00");
                assertThat(send.get().data().get("buyer_last_saldo").asLong()).isEqualTo(1_000_000 - 20_150);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(sim.transactions()).hasSize(1);
        assertThat(client.deposit()).isEqualTo(1_000_000 - 20_150);
    }
}
