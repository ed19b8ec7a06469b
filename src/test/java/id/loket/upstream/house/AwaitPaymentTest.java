package id.loket.upstream.house;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import id.loket.billing.GatewayResult;
import id.loket.billing.PaymentResult;
import id.loket.upstream.house.StubGateway.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** awaitPayment asks the status with exponential backoff, through the injected sleeper (nothing really waits). */
class AwaitPaymentTest {

    private static final String STATUS_PATH = "/v1/payments/" + Fixtures.CLIENT_REF;

    private final StubGateway stub = StubGateway.start();
    private final Fixtures.RecordingSleeper sleeper = new Fixtures.RecordingSleeper();
    private final HttpGateway gateway = new HttpGateway(stub.config(), sleeper);

    @AfterEach
    void close() {
        stub.close();
    }

    @Test
    void pendingPendingSuccessBacksOffOneThenTwoSecondsAndStops() {
        stub.on("GET", STATUS_PATH, Reply.ok(Fixtures.payment("PENDING")), Reply.ok(Fixtures.payment("PENDING")),
                Reply.ok(Fixtures.payment("SUCCESS")));

        GatewayResult<PaymentResult> result = gateway.awaitPayment(Fixtures.CLIENT_REF, 10);

        assertThat(result.orThrow().status()).isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(stub.requests()).hasSize(3).allMatch(r -> r.method().equals("GET"));
        assertThat(stub.requestProblems()).isEmpty();
    }

    @Test
    void failedIsDefinitiveToo() {
        stub.on("GET", STATUS_PATH, Reply.ok(Fixtures.payment("PENDING")), Reply.ok(Fixtures.payment("FAILED")));

        assertThat(gateway.awaitPayment(Fixtures.CLIENT_REF, 10).orThrow().status())
                .isEqualTo(PaymentResult.Status.FAILED);
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void stillPendingAfterMaxChecksReturnsPendingWithTheBackoffCapped() {
        stub.on("GET", STATUS_PATH, Reply.ok(Fixtures.payment("PENDING")));

        GatewayResult<PaymentResult> result = gateway.awaitPayment(Fixtures.CLIENT_REF, 8);

        assertThat(result.orThrow().status()).isEqualTo(PaymentResult.Status.PENDING);
        assertThat(stub.requests()).hasSize(8);
        assertThat(sleeper.slept).containsExactlyElementsOf(List.of(1, 2, 4, 8, 16, 30, 30).stream()
                .map(Duration::ofSeconds).toList());
    }

    @Test
    void noAnswerInBetweenCountsAsACheckAndTheChecksGoOn() {
        stub.on("GET", STATUS_PATH, Reply.error(500, "internal", "boom"),
                Reply.ok(Fixtures.payment("PENDING")).signed(Reply.Signing.WRONG),
                Reply.ok(Fixtures.payment("SUCCESS")));

        assertThat(gateway.awaitPayment(Fixtures.CLIENT_REF, 3).orThrow().status())
                .isEqualTo(PaymentResult.Status.SUCCESS);
        assertThat(sleeper.slept).hasSize(2);
    }

    @Test
    void theLastNoAnswerIsReturnedWhenTheChecksRunOut() {
        stub.on("GET", STATUS_PATH, Reply.error(502, "bad_gateway", "upstream"));

        GatewayResult<PaymentResult> result = gateway.awaitPayment(Fixtures.CLIENT_REF, 2);

        assertThat(result).isInstanceOf(GatewayResult.NoAnswer.class);
        assertThat(stub.requests()).hasSize(2);
        assertThat(sleeper.slept).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aRefusalStopsAtOnce() {
        stub.on("GET", STATUS_PATH, Reply.error(404, "payment_not_found", "Tidak ada"));

        GatewayResult<PaymentResult> result = gateway.awaitPayment(Fixtures.CLIENT_REF, 5);

        assertThat(result).isInstanceOf(GatewayResult.Refused.class);
        assertThat(stub.requests()).hasSize(1);
        assertThat(sleeper.slept).isEmpty();
    }

    @Test
    void anInterruptEndsTheWaitWithTheLastResult() {
        stub.on("GET", STATUS_PATH, Reply.ok(Fixtures.payment("PENDING")));
        HttpGateway interrupted = new HttpGateway(stub.config(), d -> {
            throw new InterruptedException("clerk closed the window");
        });

        try {
            GatewayResult<PaymentResult> result = interrupted.awaitPayment(Fixtures.CLIENT_REF, 5);

            assertThat(result.orThrow().status()).isEqualTo(PaymentResult.Status.PENDING);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void theBackoffFollowsTheConfig() {
        stub.on("GET", STATUS_PATH, Reply.ok(Fixtures.payment("PENDING")));
        HttpGateway custom = new HttpGateway(
                stub.config().withPollBackoff(Duration.ofMillis(500), 3, Duration.ofSeconds(5)), sleeper);

        custom.awaitPayment(Fixtures.CLIENT_REF, 5);

        assertThat(sleeper.slept).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1500),
                Duration.ofMillis(4500), Duration.ofSeconds(5));
    }

    @Test
    void atLeastOneCheck() {
        assertThatIllegalArgumentException().isThrownBy(() -> gateway.awaitPayment(Fixtures.CLIENT_REF, 0));
    }
}
