package id.loket.upstream.house.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.upstream.house.Signatures;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultTest extends SandboxTestBase {

    private SignedClient.Request payRequest(String ref, JsonNode bill) {
        return client.request("POST", "/v1/payments").body(cashBody(ref, bill))
                .header(Signatures.IDEMPOTENCY_HEADER, ref);
    }

    private int paymentsHeld() {
        return sandboxOk("GET", "/sandbox/payments", null).get("payments").size();
    }

    @Test
    void timeoutAnswersNothingAndDoesNothing() {
        armFault("{\"fault\": \"timeout\", \"endpoint\": \"payments\"}");
        JsonNode bill = inquire("PLN_POSTPAID", "512345678901");
        String ref = newRef();
        assertThatThrownBy(() -> payRequest(ref, bill).timeout(Duration.ofMillis(500)).sendRaw())
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(client.get("/v1/payments/" + ref).errorCode()).isEqualTo("payment_not_found");
        assertThat(paymentsHeld()).isZero();
        assertThat(payCash(ref, bill).json().get("status").asText()).as("the fault was used up").isEqualTo("SUCCESS");
    }

    @Test
    void dropResponseDoesThePaymentButNeverAnswers() {
        armFault("{\"fault\": \"drop_response\", \"endpoint\": \"payments\"}");
        JsonNode bill = inquire("PLN_POSTPAID", "512345678901");
        String ref = newRef();
        assertThatThrownBy(() -> payRequest(ref, bill).sendRaw()).isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(client.get("/v1/payments/" + ref).json().get("status").asText()).isEqualTo("SUCCESS");
        SignedClient.Response retry = payCash(ref, bill);
        assertThat(retry.header(Signatures.REPLAYED_HEADER)).contains("true");
        assertThat(balance()).isEqualTo(10_000_000 - bill.get("total").asLong());
    }

    @Test
    void http500AnswersASignedErrorAndDoesNothing() {
        armFault("{\"fault\": \"http_500\", \"endpoint\": \"payments\"}");
        JsonNode bill = inquire("PLN_POSTPAID", "512345678901");
        String ref = newRef();
        SignedClient.Response r = payCash(ref, bill);
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.signed()).isTrue();
        assertThat(r.errorCode()).isEqualTo("internal_error");
        assertThat(client.get("/v1/payments/" + ref).errorCode()).isEqualTo("payment_not_found");
    }

    @Test
    void malformedJsonIsSignedGarbageAfterTheWorkIsDone() {
        armFault("{\"fault\": \"malformed_json\", \"endpoint\": \"payments\"}");
        JsonNode bill = inquire("PLN_POSTPAID", "512345678901");
        String ref = newRef();
        SignedClient.Response r = payCash(ref, bill);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.signed()).isTrue();
        assertThatThrownBy(r::json).isInstanceOf(AssertionError.class);
        assertThat(client.get("/v1/payments/" + ref).json().get("status").asText()).isEqualTo("SUCCESS");
        assertThat(payCash(ref, bill).json().get("status").asText()).as("the stored answer is the real one")
                .isEqualTo("SUCCESS");
    }

    @Test
    void badSignatureAnswersAFullResponseThatDoesNotVerify() {
        armFault("{\"fault\": \"bad_signature\", \"endpoint\": \"payments\"}");
        JsonNode bill = inquire("PLN_POSTPAID", "512345678901");
        String ref = newRef();
        SignedClient.Response r = payCash(ref, bill);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header(Signatures.SIGNATURE_HEADER)).isPresent();
        assertThat(r.signed()).isFalse();
        assertThat(r.json().get("status").asText()).isEqualTo("SUCCESS");
        assertThat(client.get("/v1/payments/" + ref).signed()).isTrue();
    }

    @Test
    void slowAnswersAfterTheDelay() {
        armFault("{\"fault\": \"slow\", \"delay_ms\": 700, \"endpoint\": \"payments\"}");
        JsonNode bill = inquire("PLN_POSTPAID", "512345678901");
        long started = System.nanoTime();
        SignedClient.Response r = payCash(newRef(), bill);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(r.status()).isEqualTo(200);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(700);
        assertThat(r.json().get("status").asText()).isEqualTo("SUCCESS");
    }

    @Test
    void pendingBecomesSuccessAfterTheGivenPolls() {
        armFault("{\"fault\": \"pending\", \"polls\": 3}");
        JsonNode bill = inquire("PLN_PREPAID", "14234567890", "PLN20");
        assertThat(client.get("/v1/balance").status()).as("pending only hits payments").isEqualTo(200);
        String ref = newRef();
        assertThat(paidCash(ref, bill).get("status").asText()).isEqualTo("PENDING");
        assertThat(client.get("/v1/payments/" + ref).json().get("status").asText()).isEqualTo("PENDING");
        assertThat(client.get("/v1/payments/" + ref).json().get("status").asText()).isEqualTo("PENDING");
        JsonNode done = client.get("/v1/payments/" + ref).json();
        assertThat(done.get("status").asText()).isEqualTo("SUCCESS");
        assertThat(done.get("token").asText()).matches("[\\d ]{24}");
    }

    @Test
    void aFaultAppliesToTheNextCountMatchingCallsThenIsUsedUp() {
        armFault("{\"fault\": \"http_500\", \"count\": 2, \"endpoint\": \"balance\"}");
        assertThat(client.get("/v1/billers").status()).as("another endpoint").isEqualTo(200);
        assertThat(client.get("/v1/balance").status()).isEqualTo(500);
        assertThat(client.get("/v1/balance").status()).isEqualTo(500);
        assertThat(client.get("/v1/balance").status()).isEqualTo(200);

        armFault("{\"fault\": \"http_500\"}");
        assertThat(client.get("/v1/billers").status()).as("no endpoint: any /v1 call").isEqualTo(500);
        assertThat(client.get("/v1/billers").status()).isEqualTo(200);
    }

    @Test
    void faultsCanBeListedAndCleared() {
        armFault("{\"fault\": \"slow\", \"count\": 3, \"endpoint\": \"settlements\"}");
        assertThat(sandboxOk("GET", "/sandbox/faults", null).get("faults")).hasSize(1);
        assertThat(sandboxOk("DELETE", "/sandbox/faults", null).get("faults")).isEmpty();
        assertThat(sandbox("POST", "/sandbox/faults", "{\"fault\": \"gremlins\"}").errorCode())
                .isEqualTo("bad_request");
        assertThat(sandbox("POST", "/sandbox/faults", "{\"fault\": \"slow\", \"endpoint\": \"nowhere\"}").status())
                .isEqualTo(400);
    }
}
