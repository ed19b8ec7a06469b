package id.loket.upstream.digiflazz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

/** Unwrapping results in tests, with a readable failure when the shape is not the expected one. */
final class Results {

    private Results() {}

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static <T> T answer(DigiflazzResult<T> result) {
        assertThat(result).isInstanceOf(DigiflazzResult.Answer.class);
        return ((DigiflazzResult.Answer<T>) result).value();
    }

    static int httpStatus(DigiflazzResult<?> result) {
        assertThat(result).isInstanceOf(DigiflazzResult.Answer.class);
        return ((DigiflazzResult.Answer<?>) result).httpStatus();
    }

    static String noAnswer(DigiflazzResult<?> result) {
        assertThat(result).isInstanceOf(DigiflazzResult.NoAnswer.class);
        return ((DigiflazzResult.NoAnswer<?>) result).reason();
    }

    static <T> T ok(Reply<T> reply) {
        assertThat(reply).isInstanceOf(Reply.Ok.class);
        return ((Reply.Ok<T>) reply).value();
    }

    static Reply.Rejected<?> rejected(Reply<?> reply) {
        assertThat(reply).isInstanceOf(Reply.Rejected.class);
        return (Reply.Rejected<?>) reply;
    }

    static <R> PriceList<R> rows(PriceListAnswer<R> answer) {
        assertThat(answer).isInstanceOf(PriceListAnswer.Rows.class);
        return ((PriceListAnswer.Rows<R>) answer).priceList();
    }

    static PriceListAnswer.Rejected<?> rejected(PriceListAnswer<?> answer) {
        assertThat(answer).isInstanceOf(PriceListAnswer.Rejected.class);
        return (PriceListAnswer.Rejected<?>) answer;
    }
}
