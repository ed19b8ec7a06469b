package id.loket.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.core.ClientRefs;
import id.loket.payment.Payment;
import id.loket.payment.PaymentRefusedException;
import id.loket.payment.PaymentService;
import id.loket.payment.PaymentTestBase;
import id.loket.payment.PaymentTestBed;
import id.loket.payment.PayOrder;
import id.loket.users.PermissionDeniedException;
import id.loket.users.TestOperators;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rule "payments above the amount the owner set need a verified customer", with the real payment service and
 * customers service against the sandbox gateway, as the app wires them.
 */
class VerifiedCustomerPaymentTest extends PaymentTestBase {

    private CustomerService customers;
    private PaymentService payments;
    private Customer unverified;
    private Customer verified;

    @BeforeEach
    void startTheCounter() {
        PaymentTestBed bed = start();
        customers = CustomerServiceTest.service(bed);
        payments = new PaymentService(bed.ledger().payments(), bed.gateway(), bed.gateway(), bed.shifts(), bed.settings(),
                PaymentTestBed.RULES, bed.calendar(), new ClientRefs(new SecureRandom()),
                PaymentService.DEFAULT_SENT_GRACE, customers);
        unverified = customers.register("Siti Aminah", CustomerServiceTest.SITI_NIK, "0857-1111-2222",
                Optional.empty(), Optional.empty());
        verified = customers.register("Budi Santoso", CustomerServiceTest.BUDI_NIK, "0812-3456-7890",
                Optional.empty(), Optional.empty());
        verified = customers.verify(verified.id(), customers.requestOtp(verified.id()).sandboxCode().orElseThrow());
        bed.openShift(500_000);
    }

    /** Sets the amount just below the total of {@code order}, so that paying it needs a verified customer. */
    private void limitBelow(PayOrder order) {
        Money total = order.quote(PaymentMethod.CASH).total();
        bed.settings().setVerifiedCustomerAbove(TestOperators.owner(), total.minus(Money.of(1)));
    }

    private Payment cash(PayOrder order, Optional<Long> customer) {
        return payments.payCash(PaymentTestBed.CLERK, order.biller(), order.inquiry(),
                order.quote(PaymentMethod.CASH).total(), customer);
    }

    @Test
    void theDefaultIsFiveMillionRupiah() {
        assertThat(bed.settings().verifiedCustomerAbove()).isEqualTo(Money.of(5_000_000));
    }

    @Test
    void aLargePaymentWithoutACustomerIsRefusedBeforeAnythingIsWritten() {
        PayOrder order = bed.plnBill();
        limitBelow(order);
        int before = bed.sandbox().paymentCount();

        assertThatThrownBy(() -> cash(order, Optional.empty()))
                .isInstanceOfSatisfying(PaymentRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(PaymentRefusedException.Reason.VERIFIED_CUSTOMER_REQUIRED))
                .hasMessageContaining("needs a verified customer");
        assertThatThrownBy(() -> payments.payCash(PaymentTestBed.CLERK, order.biller(), order.inquiry(),
                order.quote(PaymentMethod.CASH).total()))
                .as("the old signature pays for no customer")
                .isInstanceOf(PaymentRefusedException.class);
        assertThat(bed.sandbox().paymentCount()).isEqualTo(before);
        assertThat(bed.ledger().payments().inStates(EnumSet.allOf(PaymentState.class))).isEmpty();
    }

    @Test
    void aLargePaymentForAnUnverifiedCustomerIsRefusedNamingThem() {
        PayOrder order = bed.plnBill();
        limitBelow(order);

        assertThatThrownBy(() -> cash(order, Optional.of(unverified.id())))
                .isInstanceOfSatisfying(PaymentRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(PaymentRefusedException.Reason.VERIFIED_CUSTOMER_REQUIRED))
                .hasMessageContaining("customer " + unverified.id() + " (Siti Aminah) is not verified yet");
        assertThatThrownBy(() -> payments.payByDebitCard(PaymentTestBed.CLERK, order.biller(), order.inquiry(),
                "A1B2C3", Optional.of(unverified.id())))
                .isInstanceOf(PaymentRefusedException.class);
        assertThatThrownBy(() -> payments.startCharge(PaymentTestBed.CLERK, order.biller(), order.inquiry(),
                PaymentMethod.QRIS, Optional.of(unverified.id())))
                .isInstanceOf(PaymentRefusedException.class);
    }

    @Test
    void aLargePaymentForAVerifiedCustomerIsPaidAndRemembersTheCustomer() {
        PayOrder order = bed.plnBill();
        limitBelow(order);

        Payment paid = cash(order, Optional.of(verified.id()));

        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(payments.customerOf(paid.clientRef())).contains(verified.id());
    }

    @Test
    void aChargeForAVerifiedCustomerRemembersTheCustomerToo() {
        PayOrder order = bed.plnBill();
        limitBelow(order);

        Payment charge = payments.startCharge(PaymentTestBed.CLERK, order.biller(), order.inquiry(),
                PaymentMethod.QRIS, Optional.of(verified.id()));

        assertThat(charge.state()).isEqualTo(PaymentState.CHARGE_PENDING);
        assertThat(payments.customerOf(charge.clientRef())).contains(verified.id());
        payments.cancelCharge(charge.clientRef());
    }

    @Test
    void aPaymentOfExactlyTheAmountNeedsNoVerifiedCustomerButMayNameAnUnverifiedOne() {
        PayOrder order = bed.plnBill();
        bed.settings().setVerifiedCustomerAbove(TestOperators.owner(), order.quote(PaymentMethod.CASH).total());

        Payment paid = cash(order, Optional.of(unverified.id()));

        assertThat(paid.state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(payments.customerOf(paid.clientRef())).contains(unverified.id());
        bed.settings().setVerifiedCustomerAbove(TestOperators.owner(), Money.ZERO);
        Payment other = cash(bed.order("PDAM_BANDUNG", "12345678"), Optional.empty());
        assertThat(payments.customerOf(other.clientRef())).isEmpty();
    }

    @Test
    void zeroTurnsTheRuleOff() {
        PayOrder order = bed.plnBill();
        bed.settings().setVerifiedCustomerAbove(TestOperators.owner(), Money.ZERO);

        assertThat(cash(order, Optional.empty()).state()).isEqualTo(PaymentState.SUCCESS);
    }

    @Test
    void aCustomerThatDoesNotExistIsRefusedWhateverTheAmount() {
        PayOrder order = bed.plnBill();
        bed.settings().setVerifiedCustomerAbove(TestOperators.owner(), Money.ZERO);

        assertThatThrownBy(() -> cash(order, Optional.of(99L)))
                .isInstanceOfSatisfying(PaymentRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(PaymentRefusedException.Reason.UNKNOWN_CUSTOMER))
                .hasMessageContaining("There is no customer 99");
    }

    @Test
    void onlyTheOwnerSetsTheAmount() {
        assertThatThrownBy(() -> bed.settings().setVerifiedCustomerAbove(TestOperators.clerk(), Money.ZERO))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> bed.settings().setVerifiedCustomerAbove(TestOperators.owner(), Money.of(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(bed.settings().verifiedCustomerAbove()).isEqualTo(Money.of(5_000_000));
    }
}
