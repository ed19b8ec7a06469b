package id.loket.upstream.fonnte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.customers.Customer;
import id.loket.customers.CustomerException;
import id.loket.customers.CustomerService;
import id.loket.customers.CustomerStatus;
import id.loket.customers.OtpSent;
import id.loket.customers.SentCodes;
import id.loket.payment.PaymentTestBase;
import id.loket.upstream.fonnte.sim.FonnteSimulator;
import id.loket.upstream.fonnte.sim.FonnteSimulatorOptions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The customer register's phone check, unchanged, with codes sent over Fonnte instead of the sandbox gateway. */
class FonnteCustomerOtpTest extends PaymentTestBase {

    private static final String BUDI_NIK = "3273011508850001";

    private FonnteSimulator sim;
    private CustomerService customers;

    @BeforeEach
    void wire() {
        start();
        sim = FonnteSimulator.start(FonnteSimulatorOptions.defaults());
        FonnteMessenger fonnte = new FonnteMessenger(new FonnteClient(sim.baseUri(),
                FonnteSimulatorOptions.DEFAULT_TOKEN), bed.appClock(), new SecureRandom());
        customers = new CustomerService(bed.ledger().customers(), fonnte, SentCodes.NONE, bed.appClock());
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private Customer budi() {
        return customers.register("Budi Santoso", BUDI_NIK, "0812-3456-7890", Optional.empty(), Optional.empty());
    }

    @Test
    void theCodeReadFromWhatsAppVerifiesTheCustomer() {
        Customer budi = budi();

        OtpSent sent = customers.requestOtp(budi.id());

        assertThat(sent.sandboxCode()).isEmpty();
        String code = sim.lastCodeSentTo("081234567890").orElseThrow();
        assertThat(customers.verify(budi.id(), code).status()).isEqualTo(CustomerStatus.VERIFIED);
    }

    @Test
    void fiveWrongCodesLockAndAResendWaitsAMinute() {
        Customer budi = budi();
        customers.requestOtp(budi.id());
        String code = sim.lastCodeSentTo("081234567890").orElseThrow();
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> customers.verify(budi.id(), wrong)).isInstanceOfSatisfying(
                    CustomerException.class, e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.OTP_WRONG));
        }
        assertThatThrownBy(() -> customers.verify(budi.id(), wrong)).isInstanceOfSatisfying(CustomerException.class,
                e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.OTP_LOCKED));
        assertThatThrownBy(() -> customers.verify(budi.id(), code)).isInstanceOfSatisfying(CustomerException.class,
                e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.OTP_LOCKED));
        assertThatThrownBy(() -> customers.requestOtp(budi.id())).isInstanceOfSatisfying(CustomerException.class,
                e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.GATEWAY_UNAVAILABLE));

        bed.appClock().advance(Duration.ofMinutes(1));
        customers.requestOtp(budi.id());
        String fresh = sim.lastCodeSentTo("081234567890").orElseThrow();
        assertThat(customers.verify(budi.id(), fresh).status()).isEqualTo(CustomerStatus.VERIFIED);
    }
}
