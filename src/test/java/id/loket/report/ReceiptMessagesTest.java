package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.MessageReceipt;
import id.loket.billing.Messenger;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import id.loket.payment.Payment;
import id.loket.payment.PaymentTestBed;
import id.loket.payment.Shop;
import id.loket.upstream.fonnte.FonnteClient;
import id.loket.upstream.fonnte.FonnteMessenger;
import id.loket.upstream.fonnte.sim.FonnteSimulator;
import id.loket.upstream.fonnte.sim.FonnteSimulatorOptions;
import id.loket.upstream.fonnte.sim.SentMessage;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Receipts to the customer's phone: by the messenger when it can, else a wa.me link; never an exception. */
class ReceiptMessagesTest {

    private static final Shop SHOP = new Shop("Loket Berkah", "Jl. Merdeka 1, Bandung");
    private static final String PHONE = "0812-3456-7890";

    @TempDir
    Path dir;

    private PaymentTestBed bed;
    private FonnteSimulator sim;
    private Payment paid;

    @BeforeEach
    void payABill() {
        bed = PaymentTestBed.in(dir).start();
        bed.openShift(100_000);
        paid = bed.order("PLN_PREPAID", "12345678901").product("PLN50").cash();
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        bed.close();
    }

    @Test
    void theReceiptGoesOutByFonnteAsTheSlipReads() {
        sim = FonnteSimulator.start(FonnteSimulatorOptions.defaults());
        ReceiptMessages receipts = new ReceiptMessages(bed.payments(),
                new FonnteMessenger(new FonnteClient(sim.baseUri(), FonnteSimulatorOptions.DEFAULT_TOKEN)), SHOP);

        ReceiptMessages.Outcome outcome = receipts.send(paid.clientRef(), PHONE, "Sari");

        assertThat(outcome).isEqualTo(new ReceiptMessages.Outcome.Sent("80367170", "pending"));
        String expected = ReceiptText.of(bed.payments().receipt(paid.clientRef(), SHOP, "Sari"));
        assertThat(sim.messages()).extracting(SentMessage::target, SentMessage::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("6281234567890", expected));
        assertThat(expected).contains("*Loket Berkah*", "TOKEN: *", "KASIR: Sari", paid.clientRef(),
                ReceiptLines.SANDBOX);
    }

    @Test
    void aMessengerThatCannotSendTextsOffersTheLinkInstead() {
        ReceiptMessages receipts = new ReceiptMessages(bed.payments(), otpOnly(), SHOP);

        ReceiptMessages.Outcome outcome = receipts.send(paid.clientRef(), PHONE, "Sari");

        String link = receipts.link(paid.clientRef(), PHONE, "Sari");
        assertThat(link).startsWith("https://wa.me/6281234567890?text=").doesNotContain("+").doesNotContain(" ");
        assertThat(outcome).isInstanceOfSatisfying(ReceiptMessages.Outcome.NotSent.class, n -> {
            assertThat(n.error()).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(GatewayError.NOT_SUPPORTED));
            assertThat(n.reason()).contains("wa.me");
            assertThat(n.link()).contains(link);
        });
    }

    @Test
    void aRefusalOrASilenceIsNotSentWithTheLink() {
        GatewayError quota = new GatewayError(200, "insufficient_quota", "No quota left. Nothing was sent.");
        ReceiptMessages refused = new ReceiptMessages(bed.payments(), texts((p, t) -> new GatewayResult.Refused<>(quota)),
                () -> SHOP);
        ReceiptMessages silent = new ReceiptMessages(bed.payments(),
                texts((p, t) -> new GatewayResult.NoAnswer<>("no answer within 20 s")), SHOP);

        assertThat(refused.send(paid.clientRef(), PHONE, "Sari")).isEqualTo(new ReceiptMessages.Outcome.NotSent(
                quota.message(), Optional.of(quota), Optional.of(refused.link(paid.clientRef(), PHONE, "Sari"))));
        assertThat(silent.send(paid.clientRef(), PHONE, "Sari")).isInstanceOfSatisfying(
                ReceiptMessages.Outcome.NotSent.class, n -> {
                    assertThat(n.error()).isEmpty();
                    assertThat(n.reason()).contains("no answer within 20 s");
                    assertThat(n.link()).isPresent();
                });
    }

    @Test
    void aNumberNoLinkCanBeMadeForIsStillNoException() {
        ReceiptMessages receipts = new ReceiptMessages(bed.payments(), texts((p, t) -> new GatewayResult.Refused<>(
                new GatewayError(0, GatewayError.INVALID_PHONE, "not a number"))), SHOP);

        assertThat(receipts.send(paid.clientRef(), "12", "Sari")).isInstanceOfSatisfying(
                ReceiptMessages.Outcome.NotSent.class, n -> assertThat(n.link()).isEmpty());
    }

    /** A messenger of codes only: {@link Messenger#sendText} keeps its default refusal. */
    private static Messenger otpOnly() {
        return new Messenger() {
            @Override
            public GatewayResult<OtpChallenge> requestOtp(String phone) {
                throw new AssertionError("not used");
            }

            @Override
            public GatewayResult<OtpVerification> verifyOtp(String otpId, String code) {
                throw new AssertionError("not used");
            }
        };
    }

    private static Messenger texts(BiFunction<String, String, GatewayResult<MessageReceipt>> send) {
        return new Messenger() {
            @Override
            public GatewayResult<OtpChallenge> requestOtp(String phone) {
                throw new AssertionError("not used");
            }

            @Override
            public GatewayResult<OtpVerification> verifyOtp(String otpId, String code) {
                throw new AssertionError("not used");
            }

            @Override
            public GatewayResult<MessageReceipt> sendText(String phone, String text) {
                return send.apply(phone, text);
            }
        };
    }
}
