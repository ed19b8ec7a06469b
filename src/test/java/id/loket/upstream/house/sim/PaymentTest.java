package id.loket.upstream.house.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.upstream.house.Signatures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PaymentTest extends SandboxTestBase {

    @Test
    void aCashPaymentSucceedsAndDebitsTheDeposit() {
        assertThat(balance()).isEqualTo(10_000_000);
        JsonNode bill = inquire("PLN_POSTPAID", "512345678901");
        String ref = newRef();
        JsonNode paid = paidCash(ref, bill);
        long total = bill.get("total").asLong();
        assertThat(paid.get("payment_id").asText()).startsWith("pay_");
        assertThat(paid.get("client_ref").asText()).isEqualTo(ref);
        assertThat(paid.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(paid.get("rc").asText()).isEqualTo("00");
        assertThat(paid.get("message").asText()).isNotBlank();
        assertThat(paid.get("biller_ref").asText()).isNotBlank();
        assertThat(paid.get("token").isNull()).isTrue();
        assertThat(paid.get("paid_at").asText()).isEqualTo("2026-11-21T03:00:00Z");
        assertThat(paid.get("deposit_balance").asLong()).isEqualTo(10_000_000 - total);
        assertThat(balance()).isEqualTo(10_000_000 - total);

        SignedClient.Response status = client.get("/v1/payments/" + ref);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.signed()).isTrue();
        assertThat(status.json().get("status").asText()).isEqualTo("SUCCESS");
        assertThat(status.json().get("payment_id")).isEqualTo(paid.get("payment_id"));
    }

    @Test
    void aTokenPaymentCarriesTheTokenAndKwh() {
        JsonNode bill = inquire("PLN_PREPAID", "14234567890", "PLN50");
        JsonNode paid = paidCash(newRef(), bill);
        assertThat(paid.get("token").asText()).matches("\\d{4} \\d{4} \\d{4} \\d{4} \\d{4}");
        String tarif = bill.at("/details/tarif_daya").asText();
        assertThat(paid.get("kwh").asText()).isEqualTo(BillFactory.kwh(50_000, tarif)).matches("\\d+\\.\\d");
    }

    @Test
    void theIdempotencyKeyIsRequiredAndMustBeTheClientRef() {
        JsonNode bill = inquire("HALO", "081234567890");
        String ref = newRef();
        SignedClient.Response none = client.post("/v1/payments", cashBody(ref, bill));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorCode()).isEqualTo("bad_request");
        SignedClient.Response other = client.pay(cashBody(ref, bill), ref + "-x");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.errorCode()).isEqualTo("bad_request");
        assertThat(client.get("/v1/payments/" + ref).errorCode()).isEqualTo("payment_not_found");
    }

    @Test
    void theSameRequestAgainReplaysTheFirstAnswerByteForByte() {
        JsonNode bill = inquire("PDAM_BANDUNG", "1234567");
        String ref = newRef();
        SignedClient.Response first = payCash(ref, bill);
        assertThat(first.header(Signatures.REPLAYED_HEADER)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        SignedClient.Response again = payCash(ref, bill);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.signed()).isTrue();
        assertThat(again.header(Signatures.REPLAYED_HEADER)).contains("true");
        assertThat(again.body()).isEqualTo(first.body());
        // Same fields written differently are the same request.
        String reordered = "{\"method\":\"CASH\",\"amount\":" + bill.get("total").asText() + ",\"inquiry_id\":\""
                + bill.get("inquiry_id").asText() + "\",\"client_ref\":\"" + ref + "\"}";
        assertThat(client.pay(reordered, ref).body()).isEqualTo(first.body());
        assertThat(balance()).isEqualTo(10_000_000 - bill.get("total").asLong());
        assertThat(sandboxOk("GET", "/sandbox/payments", null).get("payments")).hasSize(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsAConflict() {
        JsonNode bill = inquire("PDAM_MEDAN", "7654321");
        String ref = newRef();
        paidCash(ref, bill);
        SignedClient.Response other = client.pay(paymentBody(ref, bill.get("inquiry_id").asText(),
                bill.get("total").asText(), "DEBIT_CARD", null), ref);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.errorCode()).isEqualTo("idempotency_conflict");
        assertThat(other.signed()).isTrue();
    }

    @Test
    void theAmountMustBeTheInquiryTotal() {
        JsonNode bill = inquire("TELKOM", "0221234567890");
        String ref = newRef();
        SignedClient.Response r = client.pay(paymentBody(ref, bill.get("inquiry_id").asText(),
                bill.get("amount").asText(), "CASH", null), ref);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errorCode()).isEqualTo("amount_mismatch");
        // A refusal leaves nothing behind: the corrected request under the same key goes through.
        assertThat(payCash(ref, bill).status()).isEqualTo(200);
    }

    @Test
    void unknownAndExpiredInquiries() {
        String ref = newRef();
        SignedClient.Response unknown = client.pay(paymentBody(ref, "inq_nope", "152500", "CASH", null), ref);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("inquiry_not_found");

        JsonNode bill = inquire("PLN_POSTPAID", "512345678901");
        clock.advance(Duration.ofMinutes(15));
        SignedClient.Response expired = payCash(newRef(), bill);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.errorCode()).isEqualTo("inquiry_expired");
    }

    @Test
    void aDepositBelowTheTotalIsInsufficientUntilToppedUp() {
        String refused = null;
        JsonNode refusedBill = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            JsonNode bill = inquire("PLN_PREPAID", "14234567890", "PLN1000");
            String ref = newRef();
            SignedClient.Response r = payCash(ref, bill);
            if (r.status() != 200) {
                assertThat(r.status()).isEqualTo(402);
                assertThat(r.errorCode()).isEqualTo("insufficient_deposit");
                assertThat(r.json().at("/error/message").asText()).contains("44");
                refused = ref;
                refusedBill = bill;
            }
        }
        assertThat(refused).as("the tenth million-rupiah token exceeds the 10,000,000 deposit").isNotNull();
        assertThat(client.get("/v1/payments/" + refused).errorCode()).isEqualTo("payment_not_found");
        long before = balance();
        assertThat(sandboxOk("POST", "/sandbox/deposit", "{\"amount\": 5000000}").get("balance").asLong())
                .isEqualTo(before + 5_000_000);
        assertThat(payCash(refused, refusedBill).json().get("status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void referenceEnding1111IsPendingThenSuccessAtTheSecondStatusCheck() {
        JsonNode bill = inquire("PLN_POSTPAID", "512345671111");
        String ref = newRef();
        JsonNode first = paidCash(ref, bill);
        assertThat(first.get("status").asText()).isEqualTo("PENDING");
        assertThat(first.get("rc").asText()).isEqualTo("03");
        assertThat(first.get("paid_at").isNull()).isTrue();
        assertThat(balance()).isEqualTo(10_000_000);
        assertThat(client.get("/v1/payments/" + ref).json().get("status").asText()).isEqualTo("PENDING");
        JsonNode done = client.get("/v1/payments/" + ref).json();
        assertThat(done.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(done.get("rc").asText()).isEqualTo("00");
        assertThat(balance()).isEqualTo(10_000_000 - bill.get("total").asLong());
        assertThat(client.get("/v1/payments/" + ref).json().get("status").asText()).isEqualTo("SUCCESS");
        // The replay is the first answer, whatever it was.
        SignedClient.Response replay = payCash(ref, bill);
        assertThat(replay.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(replay.header(Signatures.REPLAYED_HEADER)).contains("true");
    }

    @Test
    void referenceEnding2222Fails() {
        JsonNode bill = inquire("HALO", "081234562222");
        String ref = newRef();
        JsonNode failed = paidCash(ref, bill);
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("rc").asText()).isEqualTo("02");
        assertThat(balance()).isEqualTo(10_000_000);
        assertThat(client.get("/v1/payments/" + ref).json().get("status").asText()).isEqualTo("FAILED");
        // A failed payment does not pay the bill: a new attempt may be made.
        assertThat(inquiry("HALO", "081234562222", null).status()).isEqualTo(200);
    }

    @Test
    void aStatusOfAPaymentNeverSentIsNotFound() {
        SignedClient.Response r = client.get("/v1/payments/never-sent");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.errorCode()).isEqualTo("payment_not_found");
        assertThat(r.signed()).isTrue();
    }

    @Test
    void oneInquiryPaysOneBill() {
        JsonNode bill = inquire("PDAM_SURABAYA", "654321");
        paidCash(newRef(), bill);
        SignedClient.Response second = payCash(newRef(), bill);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.errorCode()).isEqualTo("bill_already_paid");
    }

    @Test
    void nonCashPaymentsNeedAPaidChargeOfTheSameAmount() {
        JsonNode bill = inquire("PLN_POSTPAID", "512345678901");
        long total = bill.get("total").asLong();
        String inquiryId = bill.get("inquiry_id").asText();
        String ref = newRef();

        SignedClient.Response noCharge = client.pay(paymentBody(ref, inquiryId, "" + total, "QRIS", null), ref);
        assertThat(noCharge.status()).isEqualTo(409);
        assertThat(noCharge.errorCode()).isEqualTo("charge_not_paid");
        SignedClient.Response unknown = client.pay(paymentBody(ref, inquiryId, "" + total, "QRIS", "chg_nope"), ref);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("charge_not_found");

        String chargeId = charge(ref, "QRIS", total).get("charge_id").asText();
        SignedClient.Response unpaid = client.pay(paymentBody(ref, inquiryId, "" + total, "QRIS", chargeId), ref);
        assertThat(unpaid.errorCode()).isEqualTo("charge_not_paid");

        String smaller = charge(newRef(), "QRIS", total - 100).get("charge_id").asText();
        sandboxOk("POST", "/sandbox/charges/" + smaller + "/pay", null);
        assertThat(client.pay(paymentBody(ref, inquiryId, "" + total, "QRIS", smaller), ref).errorCode())
                .isEqualTo("charge_not_paid");

        sandboxOk("POST", "/sandbox/charges/" + chargeId + "/pay", null);
        SignedClient.Response paid = client.pay(paymentBody(ref, inquiryId, "" + total, "QRIS", chargeId), ref);
        assertThat(paid.status()).as(paid.text()).isEqualTo(200);
        assertThat(paid.json().get("status").asText()).isEqualTo("SUCCESS");

        String ref3 = newRef();
        JsonNode other = inquire("PDAM_BANDUNG", "1234567");
        assertThat(client.pay(paymentBody(ref3, other.get("inquiry_id").asText(), other.get("total").asText(),
                "DEBIT_CARD", null), ref3).json().get("status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void aPaidChargePaysOneBillOnly() {
        JsonNode a = inquire("PLN_PREPAID", "14234567890", "PLN50");
        JsonNode b = inquire("PLN_PREPAID", "14234567891", "PLN50");
        String refA = newRef();
        String chargeId = charge(refA, "EWALLET", 52_500).get("charge_id").asText();
        sandboxOk("POST", "/sandbox/charges/" + chargeId + "/pay", "{\"method\": \"EWALLET\"}");
        assertThat(client.pay(paymentBody(refA, a.get("inquiry_id").asText(), "52500", "EWALLET", chargeId), refA)
                .json().get("status").asText()).isEqualTo("SUCCESS");
        String refB = newRef();
        SignedClient.Response again = client.pay(paymentBody(refB, b.get("inquiry_id").asText(), "52500", "EWALLET",
                chargeId), refB);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("charge_not_paid");
        assertThat(again.json().at("/error/message").asText()).contains("already");
    }

    @Test
    void aRestartOnTheSameStateFileLosesNothing() {
        JsonNode bill = inquire("KAI", "BK7721");
        String ref = newRef();
        SignedClient.Response first = payCash(ref, bill);
        JsonNode pending = inquire("TELKOM", "021123451111");
        String pendingRef = newRef();
        paidCash(pendingRef, pending);
        client.get("/v1/payments/" + pendingRef);
        long balance = balance();

        restart();

        SignedClient.Response replay = payCash(ref, bill);
        assertThat(replay.header(Signatures.REPLAYED_HEADER)).contains("true");
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(client.get("/v1/payments/" + ref).json().get("status").asText()).isEqualTo("SUCCESS");
        assertThat(balance()).isEqualTo(balance);
        assertThat(client.get("/v1/payments/" + pendingRef).json().get("status").asText())
                .as("the poll counter survived the restart").isEqualTo("SUCCESS");
        assertThat(inquiry("KAI", "BK7721", null).errorCode()).isEqualTo("bill_already_paid");
    }
}
