package id.loket.upstream.fonnte;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.MessageReceipt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The code table, row by row, on the docs' bodies (research §4.1). */
class FonnteAnswersTest {

    static final String DOCS_SUCCESS = "{\"detail\":\"success! message in queue\",\"id\":[\"80367170\"],"
            + "\"process\":\"pending\",\"requestid\":2937124,\"status\":true,\"target\":[\"6282227097005\"]}";

    @Test
    void theDocsSuccessSampleIsQueuedWithItsFirstId() {
        assertThat(FonnteAnswers.send(bytes(DOCS_SUCCESS), 200))
                .isEqualTo(new GatewayResult.Answer<>(new MessageReceipt("80367170", "pending")));
    }

    @Test
    void keysAreReadInAnyCase() {
        String capitalised = DOCS_SUCCESS.replace("\"status\"", "\"Status\"").replace("\"id\"", "\"Id\"");
        assertThat(FonnteAnswers.send(bytes(capitalised), 200))
                .isEqualTo(new GatewayResult.Answer<>(new MessageReceipt("80367170", "pending")));
        assertThat(refusal("{\"Status\":false,\"Reason\":\"token invalid\"}", 200).code())
                .isEqualTo(GatewayError.WRONG_KEY);
    }

    @Test
    void withoutIdOrProcessTheRequestIdAndDetailStandIn() {
        assertThat(FonnteAnswers.send(bytes("{\"status\":\"true\",\"requestid\":42,\"detail\":\"queued\"}"), 200))
                .isEqualTo(new GatewayResult.Answer<>(new MessageReceipt("42", "queued")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "token invalid              | wrong_key",
        "Token Invalid              | wrong_key",
        "target invalid             | invalid_phone",
        "insufficient quota         | insufficient_quota",
        "input invalid              | bad_request",
        "url invalid                | bad_request",
        "JSON format invalid        | bad_request",
        "file format not supported  | bad_request",
        "file size must under 4MB   | bad_request",
        "device disconnected        | messenger_refused",
    })
    void everyReasonHasItsRowWhateverTheHttpStatus(String reason, String code) {
        for (int status : new int[] {200, 400, 401, 500}) {
            GatewayError error = refusal("{\"status\":false,\"reason\":\"" + reason + "\"}", status);
            assertThat(error.code()).isEqualTo(code);
            assertThat(error.httpStatus()).isEqualTo(status);
        }
    }

    @Test
    void refusalsSayWhatToDo() {
        assertThat(refusal("{\"status\":false,\"reason\":\"insufficient quota\"}", 200).message())
                .contains("quota").contains("Nothing was sent");
        assertThat(refusal("{\"status\":false,\"reason\":\"device disconnected\"}", 200).message())
                .contains("device disconnected");
        assertThat(refusal("{\"status\":false}", 200).code()).isEqualTo(FonnteAnswers.MESSENGER_REFUSED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "200 | <html><body>502 Bad Gateway",
        "200 | {\"status\":true",
        "200 | []",
        "200 | {\"detail\":\"success! message in queue\"}",
        "200 | {\"status\":\"maybe\"}",
        "500 | {\"status\":true,\"id\":[\"1\"]}",
        "500 | <html>500</html>",
        "200 | ''",
    })
    void anythingElseIsNoAnswer(int status, String body) {
        assertThat(FonnteAnswers.send(bytes(body), status)).isInstanceOf(GatewayResult.NoAnswer.class);
    }

    private static GatewayError refusal(String body, int status) {
        GatewayResult<MessageReceipt> result = FonnteAnswers.send(bytes(body), status);
        assertThat(result).isInstanceOf(GatewayResult.Refused.class);
        return ((GatewayResult.Refused<MessageReceipt>) result).error();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
