package id.loket.payment;

import id.loket.billing.Inquiry;
import id.loket.core.Biller;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import java.util.Optional;

/**
 * A test-data builder for one payment at the counter: biller and reference (and a product for prepaid billers), the
 * clerk, and how the customer pays. The bill is looked up once, on first need, like the counter does.
 */
public final class PayOrder {

    private final PaymentTestBed bed;
    private final String billerCode;
    private final String reference;
    private Optional<String> product = Optional.empty();
    private String clerk = PaymentTestBed.CLERK;
    private Optional<Money> tendered = Optional.empty();
    private long changeWanted;
    private Inquiry inquiry;

    PayOrder(PaymentTestBed bed, String billerCode, String reference) {
        this.bed = bed;
        this.billerCode = billerCode;
        this.reference = reference;
    }

    public PayOrder product(String code) {
        this.product = Optional.of(code);
        return this;
    }

    public PayOrder clerk(String name) {
        this.clerk = name;
        return this;
    }

    /** The cash handed over; by default exactly the total. */
    public PayOrder tendered(Money cash) {
        this.tendered = Optional.of(cash);
        return this;
    }

    /** Tenders the total plus {@code rupiah}, so that much change is due. */
    public PayOrder withChange(long rupiah) {
        this.changeWanted = rupiah;
        return this;
    }

    public Biller biller() {
        return bed.biller(billerCode);
    }

    public Inquiry inquiry() {
        if (inquiry == null) {
            inquiry = bed.inquire(billerCode, reference, product);
        }
        return inquiry;
    }

    public Amounts quote(PaymentMethod method) {
        return bed.payments().quote(biller(), inquiry(), method);
    }

    public Payment cash() {
        Money cash = tendered.orElseGet(() -> quote(PaymentMethod.CASH).total().plus(Money.of(changeWanted)));
        return bed.payments().payCash(clerk, biller(), inquiry(), cash);
    }

    public Payment debitCard(String approvalCode) {
        return bed.payments().payByDebitCard(clerk, biller(), inquiry(), approvalCode);
    }

    public Payment charge(PaymentMethod method) {
        return bed.payments().startCharge(clerk, biller(), inquiry(), method);
    }
}
