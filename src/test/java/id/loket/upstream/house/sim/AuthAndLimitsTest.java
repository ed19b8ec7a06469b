package id.loket.upstream.house.sim;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.upstream.house.Signatures;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthAndLimitsTest extends SandboxTestBase {

    @Test
    void unknownMerchantIsRefusedAndTheRefusalIsSigned() {
        SignedClient.Response r = client.request("GET", "/v1/balance").signedWith("SOMEONE", "sandbox-secret").send();
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.errorCode()).isEqualTo("unknown_merchant");
        assertThat(r.signed()).isTrue();
        assertThat(r.json().at("/error/message").asText()).isNotBlank();
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayIsStale() {
        for (long seconds : new long[] {-301, 301}) {
            String ts = DateTimeFormatter.ISO_INSTANT.format(START.plusSeconds(seconds));
            SignedClient.Response r = client.request("GET", "/v1/balance").timestamp(ts).send();
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.errorCode()).isEqualTo("stale_timestamp");
            assertThat(r.signed()).isTrue();
        }
        String withinWindow = DateTimeFormatter.ISO_INSTANT.format(START.minusSeconds(299));
        assertThat(client.request("GET", "/v1/balance").timestamp(withinWindow).send().status()).isEqualTo(200);
        assertThat(client.request("GET", "/v1/balance").timestamp("yesterday").send().errorCode())
                .isEqualTo("stale_timestamp");
    }

    @Test
    void aWrongOrMissingSignatureIsRefused() {
        SignedClient.Response wrongKey = client.request("GET", "/v1/balance")
                .signedWith(SandboxOptions.DEFAULT_MERCHANT, "not-the-secret").send();
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.errorCode()).isEqualTo("bad_signature");
        assertThat(wrongKey.signed()).isTrue();

        String ts = client.timestampNow();
        SignedClient.Response tampered = client.request("POST", "/v1/inquiries")
                .unsigned()
                .header(Signatures.MERCHANT_HEADER, SandboxOptions.DEFAULT_MERCHANT)
                .header(Signatures.TIMESTAMP_HEADER, ts)
                .header(Signatures.SIGNATURE_HEADER, Signatures.signRequest(SandboxOptions.DEFAULT_SECRET, "POST",
                        "/v1/inquiries", ts, "{\"biller\": \"KAI\"}".getBytes()))
                .body("{\"biller\": \"PLN_POSTPAID\", \"reference\": \"512345678901\"}")
                .send();
        assertThat(tampered.errorCode()).isEqualTo("bad_signature");

        SignedClient.Response none = client.request("GET", "/v1/balance").unsigned()
                .header(Signatures.MERCHANT_HEADER, SandboxOptions.DEFAULT_MERCHANT)
                .header(Signatures.TIMESTAMP_HEADER, ts).send();
        assertThat(none.errorCode()).isEqualTo("bad_signature");
    }

    @Test
    void theSignatureCoversTheQuery() {
        assertThat(client.get("/v1/balance?detail=1").status()).isEqualTo(200);
        String ts = client.timestampNow();
        SignedClient.Response r = client.request("GET", "/v1/balance?detail=2").unsigned()
                .header(Signatures.MERCHANT_HEADER, SandboxOptions.DEFAULT_MERCHANT)
                .header(Signatures.TIMESTAMP_HEADER, ts)
                .header(Signatures.SIGNATURE_HEADER, Signatures.signRequest(SandboxOptions.DEFAULT_SECRET, "GET",
                        "/v1/balance", ts, new byte[0]))
                .send();
        assertThat(r.errorCode()).isEqualTo("bad_signature");
    }

    @Test
    void aBodyOverSixtyFourKibIsTooLarge() {
        byte[] big = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        SignedClient.Response r = client.request("POST", "/v1/inquiries").body(big).send();
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.errorCode()).isEqualTo("body_too_large");
        assertThat(r.signed()).isTrue();

        byte[] justFits = new byte[64 * 1024];
        java.util.Arrays.fill(justFits, (byte) ' ');
        byte[] json = "{\"biller\": \"KAI\", \"reference\": \"ABC123\"}".getBytes();
        System.arraycopy(json, 0, justFits, 0, json.length);
        assertThat(client.request("POST", "/v1/inquiries").body(justFits).send().status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"biller\": ", "not json", "{\"a\": 1} trailing", "{\"a\": 1, \"a\": 2}", ""})
    void malformedJsonIsRefused(String body) {
        SignedClient.Response r = client.request("POST", "/v1/inquiries").body(body).send();
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("malformed_json");
        assertThat(r.signed()).isTrue();
    }

    @Test
    void unknownPathsAndWrongMethods() {
        SignedClient.Response unknown = client.get("/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("not_found");
        assertThat(unknown.signed()).isTrue();
        assertThat(client.get("/elsewhere").status()).isEqualTo(404);

        SignedClient.Response wrongMethod = client.request("DELETE", "/v1/payments").send();
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).contains("POST");
        assertThat(wrongMethod.signed()).isTrue();
        assertThat(client.post("/v1/billers", "{}").status()).isEqualTo(405);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-152500", "152500.5", "\"152500\"", "1.525e5", "152500.0", "true",
        "99999999999999999999"})
    void amountsThatAreNotPositiveWholeRupiahAreInvalid(String amount) {
        String ref = newRef();
        SignedClient.Response payment = client.pay(paymentBody(ref, "inq_x", amount, "CASH", null), ref);
        assertThat(payment.status()).as(payment.text()).isEqualTo(422);
        assertThat(payment.errorCode()).isEqualTo("invalid_amount");
        assertThat(payment.signed()).isTrue();

        SignedClient.Response charge = client.post("/v1/charges", "{\"client_ref\": \"" + ref
                + "\", \"method\": \"QRIS\", \"amount\": " + amount + "}");
        assertThat(charge.status()).isEqualTo(422);
        assertThat(charge.errorCode()).isEqualTo("invalid_amount");

        SignedClient.Response deposit = sandbox("POST", "/sandbox/deposit", "{\"amount\": " + amount + "}");
        assertThat(deposit.status()).isEqualTo(422);
        assertThat(deposit.errorCode()).isEqualTo("invalid_amount");
    }

    @Test
    void aMissingAmountIsABadRequest() {
        String ref = newRef();
        SignedClient.Response r = client.pay("{\"client_ref\": \"" + ref + "\", \"inquiry_id\": \"inq_x\","
                + " \"method\": \"CASH\"}", ref);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorCode()).isEqualTo("bad_request");
    }

    @Test
    void sandboxEndpointsNeedNoSignature() {
        SignedClient.Response r = sandbox("GET", "/sandbox/payments", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("payments").isArray()).isTrue();
        assertThat(sandbox("GET", "/sandbox/nothing", null).status()).isEqualTo(404);
    }

    @Test
    void slowClientsDoNotStopOthers() {
        // A held (timeout-fault) exchange occupies one handler; the rest keep answering.
        armFault("{\"fault\": \"timeout\", \"endpoint\": \"balance\"}");
        SignedClient.Request held = client.request("GET", "/v1/balance").timeout(Duration.ofMillis(300));
        org.assertj.core.api.Assertions.assertThatThrownBy(held::sendRaw)
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
        assertThat(client.get("/v1/billers").status()).isEqualTo(200);
    }
}
