package id.loket.upstream.midtrans;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.billing.Charge;
import id.loket.billing.GatewayError;
import id.loket.upstream.midtrans.ResponseCode.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The code table, row by row (research §1.7, docs code-4xx). */
class ResponseCodeTest {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(nullValues = "-", value = {
        "200, SUCCESS, -",
        "201, PENDING, -",
        "202, CLOSED, -",
        "400, REFUSED, bad_request",
        "401, REFUSED, wrong_key",
        "402, REFUSED, not_supported",
        "403, REFUSED, bad_request",
        "404, NOT_FOUND, charge_not_found",
        "405, REFUSED, bad_request",
        "406, DUPLICATE_ORDER, -",
        "407, EXPIRED, charge_expired",
        "408, REFUSED, bad_request",
        "409, UNAVAILABLE, -",
        "410, REFUSED, not_supported",
        "411, REFUSED, bad_request",
        "412, CANNOT_MODIFY, -",
        "413, REFUSED, bad_request",
        "414, REFUSED, bad_request",
        "429, RATE_LIMITED, rate_limited",
        "500, UNAVAILABLE, -",
        "501, UNAVAILABLE, -",
        "502, UNAVAILABLE, -",
        "503, UNAVAILABLE, -",
        "504, UNAVAILABLE, -",
        "505, UNAVAILABLE, -"
    })
    void everyRow(String code, Kind kind, String gatewayError) {
        ResponseCode row = ResponseCode.of(code).orElseThrow();
        assertThat(row.code()).isEqualTo(code);
        assertThat(row.kind()).isEqualTo(kind);
        assertThat(row.gatewayError()).isEqualTo(Optional.ofNullable(gatewayError));
        assertThat(row.meaning()).isNotBlank();
        assertThat(row.hint()).isNotBlank();
    }

    @Test
    void theTableHasExactlyTheRowsTested() {
        assertThat(ResponseCode.values()).hasSize(25);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "204", "300", "418", "506", "900", "abc", "2O1"})
    void codesOutsideTheTableAreUnknown(String code) {
        assertThat(ResponseCode.of(code)).isEmpty();
        assertThat(ResponseCode.of(null)).isEmpty();
    }

    @Test
    void theWrongKeyHintNamesTheSandboxProductionMixUp() {
        assertThat(ResponseCode.UNAUTHORIZED.hint())
                .contains("server key not accepted — sandbox key against production or the reverse?");
        assertThat(ResponseCode.NO_ACCESS.hint()).contains("payment type not activated for this merchant");
        assertThat(ResponseCode.UNAUTHORIZED.gatewayError()).contains(GatewayError.WRONG_KEY);
    }

    @ParameterizedTest(name = "{0} {1} fraud={2} settled={3} → {4}")
    @CsvSource(nullValues = "-", value = {
        "200, settlement, -, true, PAID",
        "200, settlement, accept, true, PAID",
        "200, SETTLEMENT, ACCEPT, true, PAID",
        "200, capture, accept, false, PAID",
        "200, capture, challenge, false, PENDING",
        "200, capture, deny, false, CANCELLED",
        "201, settlement, accept, true, -",
        "202, settlement, -, true, -",
        "201, pending, accept, false, PENDING",
        "201, PENDING, -, false, PENDING",
        "201, authorize, accept, false, PENDING",
        "407, expire, accept, false, EXPIRED",
        "202, expire, accept, false, EXPIRED",
        "202, cancel, accept, false, CANCELLED",
        "202, deny, accept, false, CANCELLED",
        "202, deny, accept, true, REVERSED",
        "202, failure, -, false, CANCELLED",
        "200, refund, accept, true, REVERSED",
        "200, partial_refund, accept, true, REVERSED",
        "200, chargeback, accept, true, REVERSED",
        "200, partial_chargeback, accept, true, REVERSED",
        "200, something_new, accept, false, -"
    })
    void transactionStatuses(String statusCode, String transactionStatus, String fraud, boolean settled,
            Charge.Status expected) {
        assertThat(ResponseCode.chargeStatus(statusCode, transactionStatus, fraud, settled))
                .isEqualTo(Optional.ofNullable(expected));
    }

    @Test
    void noTransactionStatusIsNoAnswer() {
        assertThat(ResponseCode.chargeStatus("200", null, null, false)).isEmpty();
    }
}
