package id.loket.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.loket.ledger.LedgerDatabase;
import id.loket.payment.PaymentTestBase;
import id.loket.payment.PaymentTestBed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Registering, verifying by SMS code and finding customers, against the sandbox gateway over loopback and a real
 * ledger file (the payment test bed's), the code read back through the sandbox's control endpoint.
 */
class CustomerServiceTest extends PaymentTestBase {

    static final String BUDI_NIK = "3273011508850001";
    static final String SITI_NIK = "3578106802920004";
    static final String RINA_NIK = "1271024107010006";

    private CustomerService customers;

    /** Codes expire after a minute here, so a test moves the sandbox past it within the signature's 5-minute skew. */
    private static final Duration OTP_TTL = Duration.ofMinutes(1);

    @BeforeEach
    void startTheCounter() {
        customers = service(startBed());
    }

    private PaymentTestBed startBed() {
        return start(PaymentTestBed.in(dir).sandbox(o -> o.withOtpTtl(OTP_TTL)));
    }

    /** The customers service as the app wires it, the sandbox's code read back over its control endpoint. */
    static CustomerService service(PaymentTestBed bed) {
        SentCodes sandbox = otpId -> Optional.of(bed.sandbox().get("/sandbox/otp/" + otpId).path("code").asText());
        return new CustomerService(bed.ledger().customers(), bed.gateway(), sandbox, bed.appClock());
    }

    private Customer budi() {
        return customers.register("Budi Santoso", BUDI_NIK, "0812-3456-7890", Optional.of("budi@example.com"),
                Optional.of("Jl. Braga No. 12, Bandung"));
    }

    @Test
    void aRegisteredCustomerIsUnverifiedWithNormalisedPhoneAndParsedNik() {
        Customer budi = budi();
        assertThat(budi.id()).isPositive();
        assertThat(budi.status()).isEqualTo(CustomerStatus.UNVERIFIED);
        assertThat(budi.verifiedAt()).isEmpty();
        assertThat(budi.phone().e164()).isEqualTo("+6281234567890");
        assertThat(budi.nik().sex()).isEqualTo(Sex.MALE);
        assertThat(customers.find(budi.id())).contains(budi);
        assertThat(customers.payingCustomer(budi.id())).hasValueSatisfying(p -> assertThat(p.verified()).isFalse());
    }

    @Test
    void theRightCodeVerifiesTheCustomer() {
        Customer budi = budi();
        OtpSent sent = customers.requestOtp(budi.id());
        assertThat(sent.sandboxCode()).hasValueSatisfying(code -> assertThat(code).matches("[0-9]{6}"));
        assertThat(sent.expiresAt()).isAfter(bed.appClock().instant());

        Customer verified = customers.verify(budi.id(), sent.sandboxCode().orElseThrow());

        assertThat(verified.status()).isEqualTo(CustomerStatus.VERIFIED);
        assertThat(verified.verifiedAt()).isPresent();
        assertThat(customers.find(budi.id())).contains(verified);
        assertThat(customers.payingCustomer(budi.id())).hasValueSatisfying(p -> assertThat(p.verified()).isTrue());
        assertThat(customers.verify(budi.id(), "000000")).as("verified already: no code is checked").isEqualTo(verified);
        assertThatThrownBy(() -> customers.requestOtp(budi.id())).isInstanceOfSatisfying(CustomerException.class,
                e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.ALREADY_VERIFIED));
    }

    @Test
    void aWrongCodeSaysHowManyTriesAreLeftAndTheRightOneStillWorks() {
        Customer budi = budi();
        String code = customers.requestOtp(budi.id()).sandboxCode().orElseThrow();

        assertThatThrownBy(() -> customers.verify(budi.id(), wrong(code)))
                .isInstanceOfSatisfying(CustomerException.class,
                        e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.OTP_WRONG))
                .hasMessageContaining("The code is wrong: 4 tries left before it locks");
        assertThat(customers.find(budi.id()).orElseThrow().status()).isEqualTo(CustomerStatus.UNVERIFIED);

        assertThat(customers.verify(budi.id(), code.substring(0, 3) + " " + code.substring(3)).isVerified()).isTrue();
    }

    @Test
    void aCodeThatIsNotSixDigitsUsesNoTry() {
        Customer budi = budi();
        String code = customers.requestOtp(budi.id()).sandboxCode().orElseThrow();
        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> customers.verify(budi.id(), "12345")).hasMessageContaining("no try was used");
        }
        assertThat(customers.verify(budi.id(), code).isVerified()).isTrue();
    }

    @Test
    void fiveWrongCodesLockTheCodeUntilANewOneIsSent() {
        Customer budi = budi();
        String code = customers.requestOtp(budi.id()).sandboxCode().orElseThrow();
        for (int left = 4; left >= 1; left--) {
            assertThatThrownBy(() -> customers.verify(budi.id(), wrong(code)))
                    .hasMessageContaining(left + (left == 1 ? " try" : " tries") + " left");
        }
        assertThatThrownBy(() -> customers.verify(budi.id(), wrong(code)))
                .isInstanceOfSatisfying(CustomerException.class,
                        e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.OTP_LOCKED))
                .hasMessageContaining("that was the last try", "Send a new code");
        assertThatThrownBy(() -> customers.verify(budi.id(), code))
                .as("locked for good, the right code included")
                .isInstanceOfSatisfying(CustomerException.class,
                        e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.OTP_LOCKED))
                .hasMessageContaining("locked after too many wrong tries");
        assertThat(customers.find(budi.id()).orElseThrow().isVerified()).isFalse();

        String fresh = customers.requestOtp(budi.id()).sandboxCode().orElseThrow();
        assertThat(customers.verify(budi.id(), fresh).isVerified()).isTrue();
    }

    @Test
    void anExpiredCodeAsksForANewOne() {
        Customer budi = budi();
        String code = customers.requestOtp(budi.id()).sandboxCode().orElseThrow();
        bed.appClock().advance(OTP_TTL.plusSeconds(1));
        bed.sandboxClock().advance(OTP_TTL.plusSeconds(1));

        assertThatThrownBy(() -> customers.verify(budi.id(), code))
                .isInstanceOfSatisfying(CustomerException.class,
                        e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.OTP_EXPIRED))
                .hasMessageContaining("expired at", "send a new code");

        String fresh = customers.requestOtp(budi.id()).sandboxCode().orElseThrow();
        assertThat(customers.verify(budi.id(), fresh).isVerified()).isTrue();
    }

    @Test
    void aCodeTheGatewayCallsExpiredIsExpiredEvenIfTheCounterClockLags() {
        Customer budi = budi();
        String code = customers.requestOtp(budi.id()).sandboxCode().orElseThrow();
        bed.sandboxClock().advance(OTP_TTL.plusSeconds(1));

        assertThatThrownBy(() -> customers.verify(budi.id(), code))
                .isInstanceOfSatisfying(CustomerException.class,
                        e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.OTP_EXPIRED));
    }

    @Test
    void verifyingBeforeACodeWasSentSaysToSendOne() {
        Customer budi = budi();
        assertThatThrownBy(() -> customers.verify(budi.id(), "123456"))
                .isInstanceOfSatisfying(CustomerException.class,
                        e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.OTP_NOT_REQUESTED))
                .hasMessageContaining("No code has been sent to customer " + budi.id());
    }

    @Test
    void aSecondCustomerWithTheSameNikIsRefusedAndNothingIsWritten() {
        Customer budi = budi();
        assertThatThrownBy(() -> customers.register("Budi S.", "3273 0115 0885 0001", "0813-1111-2222",
                Optional.empty(), Optional.empty()))
                .isInstanceOfSatisfying(CustomerException.class,
                        e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.DUPLICATE_NIK))
                .hasMessageContaining("already registered, as customer " + budi.id() + " (Budi Santoso)")
                .message().doesNotContain(BUDI_NIK);
        assertThat(customers.search("")).containsExactly(budi);
    }

    @Test
    void aRefusedRegistrationWritesNothing() {
        assertThatThrownBy(() -> customers.register("Siti Aminah", SITI_NIK, "+60 12-345 6789", Optional.empty(),
                Optional.empty())).hasMessageContaining("not an Indonesian number");
        assertThatThrownBy(() -> customers.register("Siti Aminah", SITI_NIK, "0812-3456-7890",
                Optional.of("siti@"), Optional.empty())).hasMessageContaining("is not an email address");
        assertThatThrownBy(() -> customers.register("  ", SITI_NIK, "0812-3456-7890", Optional.empty(),
                Optional.empty())).hasMessageContaining("name is missing");
        assertThatThrownBy(() -> customers.register("Siti Aminah", "3578103102920004", "0812-3456-7890",
                Optional.empty(), Optional.empty())).hasMessageContaining("31 February 1992");
        assertThat(customers.search("")).isEmpty();

        Customer siti = customers.register("Siti Aminah", SITI_NIK, "0812-3456-7890", Optional.of(" "),
                Optional.empty());
        assertThat(siti.id()).isEqualTo(1);
        assertThat(siti.email()).isEmpty();
    }

    @Test
    void searchFindsByNamePhoneOrNik() {
        Customer budi = budi();
        Customer siti = customers.register("Siti Aminah", SITI_NIK, "+62 857-1111-2222", Optional.empty(),
                Optional.empty());
        Customer rina = customers.register("Rina Br. Ginting", RINA_NIK, "0813 9999 0000", Optional.empty(),
                Optional.empty());

        assertThat(customers.search("")).containsExactly(budi, rina, siti);
        assertThat(customers.search("  siti ")).containsExactly(siti);
        assertThat(customers.search("AMIN")).containsExactly(siti);
        assertThat(customers.search("in")).containsExactly(rina, siti);
        assertThat(customers.search("0857-1111")).containsExactly(siti);
        assertThat(customers.search("+62 813 9999")).containsExactly(rina);
        assertThat(customers.search("3273011508850001")).containsExactly(budi);
        assertThat(customers.search("1271")).containsExactly(rina);
        assertThat(customers.search("50%")).isEmpty();
        assertThat(customers.search("Joko")).isEmpty();
    }

    @Test
    void savedReferencesAreKeptPerCustomerAndRelabelled() {
        Customer budi = budi();
        Customer siti = customers.register("Siti Aminah", SITI_NIK, "0857-1111-2222", Optional.empty(),
                Optional.empty());

        customers.saveReference(budi.id(), "pln_postpaid", " 512345678901 ", Optional.of("Rumah"));
        customers.saveReference(budi.id(), "PDAM_BANDUNG", "1234567890", Optional.empty());
        SavedReference relabelled = customers.saveReference(budi.id(), "PLN_POSTPAID", "512345678901",
                Optional.of("Rumah  Ibu"));

        assertThat(relabelled.label()).contains("Rumah Ibu");
        assertThat(customers.references(budi.id())).extracting(SavedReference::billerCode, SavedReference::reference,
                SavedReference::label).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("PLN_POSTPAID", "512345678901", Optional.of("Rumah Ibu")),
                        org.assertj.core.groups.Tuple.tuple("PDAM_BANDUNG", "1234567890", Optional.empty()));
        assertThat(customers.references(siti.id())).isEmpty();

        assertThatThrownBy(() -> customers.saveReference(99, "PLN_POSTPAID", "512345678901", Optional.empty()))
                .isInstanceOfSatisfying(CustomerException.class,
                        e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.UNKNOWN_CUSTOMER));
        assertThatThrownBy(() -> customers.saveReference(budi.id(), "PLN POSTPAID", "512345678901", Optional.empty()))
                .hasMessageContaining("is not a biller code");
        assertThatThrownBy(() -> customers.saveReference(budi.id(), "PLN_POSTPAID", "51;", Optional.empty()))
                .hasMessageContaining("is not a reference");
        assertThatThrownBy(() -> customers.references(99)).hasMessageContaining("There is no customer 99");
    }

    @Test
    void customersSurviveReopeningTheLedger() {
        Customer budi = budi();
        customers.requestOtp(budi.id());
        customers.saveReference(budi.id(), "PLN_POSTPAID", "512345678901", Optional.of("Rumah"));
        bed.close();
        try (LedgerDatabase reopened = LedgerDatabase.open(dir.resolve("ledger.db"))) {
            CustomerStore store = reopened.customers();
            assertThat(store.find(budi.id())).contains(budi);
            assertThat(store.pendingOtp(budi.id())).isPresent();
            assertThat(store.references(budi.id())).hasSize(1);
        }
        customers = service(startBed());
        assertThat(customers.find(budi.id())).contains(budi);
    }

    @Test
    void noLogLineEverCarriesTheNik() {
        Logger logger = (Logger) LoggerFactory.getLogger("id.loket");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(appender);
        Customer budi;
        try {
            budi = budi();
            String code = customers.requestOtp(budi.id()).sandboxCode().orElseThrow();
            assertThatThrownBy(() -> customers.verify(budi.id(), wrong(code))).isInstanceOf(CustomerException.class);
            customers.verify(budi.id(), code);
            customers.search(BUDI_NIK);
            customers.saveReference(budi.id(), "PLN_POSTPAID", "512345678901", Optional.empty());
            assertThatThrownBy(() -> budi()).isInstanceOf(CustomerException.class);
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : appender.list) {
            lines.add(event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage()));
        }
        assertThat(lines).as("registration, code and verification are logged").anyMatch(l -> l.contains("VERIFIED"));
        assertThat(String.join("\n", lines)).doesNotContain(BUDI_NIK).doesNotContain("150885");
        assertThat(budi.toString()).doesNotContain(BUDI_NIK).contains("3273********0001");
    }

    /** A code that is certainly not {@code code}. */
    static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
