package id.loket.ledger;

import id.loket.core.AccountCode;
import id.loket.core.BillerCategory;
import id.loket.core.BillerKind;
import id.loket.core.JournalEntry;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.core.Posting;
import id.loket.payment.Amounts;
import id.loket.payment.ChargeDetails;
import id.loket.payment.GatewayOutcome;
import id.loket.payment.PaidBill;
import id.loket.payment.Payment;
import id.loket.shift.Shift;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Payment rows for the store tests: a cash PLN postpaid bill unless told otherwise. */
final class PaymentRowBuilder {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final Instant AT = Instant.parse("2026-11-22T03:04:05.123Z");

    private String clientRef = "LKT-20261122-0000000001";
    private long shiftId = 1;
    private PaymentState state = PaymentState.SENT;
    private PaymentMethod method = PaymentMethod.CASH;
    private String reference = "512345678901";
    private BillerKind kind = BillerKind.POSTPAID;
    private Optional<ChargeDetails> charge = Optional.empty();
    private Optional<GatewayOutcome> outcome = Optional.empty();

    static PaymentRowBuilder aPayment() {
        return new PaymentRowBuilder();
    }

    PaymentRowBuilder ref(String ref) {
        this.clientRef = ref;
        return this;
    }

    PaymentRowBuilder shift(long id) {
        this.shiftId = id;
        return this;
    }

    PaymentRowBuilder state(PaymentState s) {
        this.state = s;
        return this;
    }

    PaymentRowBuilder reference(String r) {
        this.reference = r;
        return this;
    }

    PaymentRowBuilder prepaid() {
        this.kind = BillerKind.PREPAID;
        return this;
    }

    PaymentRowBuilder qrisCharge() {
        this.method = PaymentMethod.QRIS;
        this.charge = Optional.of(new ChargeDetails("chg_1", Optional.of("00020101021226…"), Optional.empty(),
                Optional.empty(), AT.plusSeconds(900)));
        return this;
    }

    /** Paid to the shop's own static QRIS (confirmed by the clerk), booked to qris_static. */
    PaymentRowBuilder staticQris() {
        this.method = PaymentMethod.STATIC_QRIS;
        return this;
    }

    PaymentRowBuilder succeeded() {
        this.outcome = Optional.of(new GatewayOutcome("pay_1", "00", "Transaksi berhasil", Optional.of("BR-1"),
                Optional.of("1234 5678 9012 3456 7890"), Optional.of("12.3"), Optional.of(AT.plusSeconds(2))));
        return this;
    }

    Payment build() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("idpel", reference);
        details.put("tarif_daya", "R1/900VA");
        details.put("periode", "NOV26");
        PaidBill bill = new PaidBill("PLN_POSTPAID", "PLN Pascabayar", BillerCategory.ELECTRICITY, kind, reference,
                kind == BillerKind.POSTPAID ? Optional.of("NOV26") : Optional.empty(), "BUDI SANTOSO", "inq_1",
                details);
        Amounts amounts = new Amounts(Money.of(150_000), Money.of(2_500), Money.of(1_000));
        return new Payment(clientRef, shiftId, "sari", DAY, AT, AT, state, method, bill, amounts,
                method == PaymentMethod.CASH ? Optional.of(Money.of(200_000)) : Optional.empty(), Optional.empty(),
                charge, OptionalLong.empty(), 0, outcome, Optional.empty(), false);
    }

    /** The PENDING entry that reserves the payment's money. */
    static JournalEntry reservation(Payment p) {
        AccountCode from = switch (p.method()) {
            case CASH -> Shift.drawerOf(p.shiftId());
            case STATIC_QRIS -> AccountCode.QRIS_STATIC;
            default -> AccountCode.CUSTOMER_CLEARING;
        };
        return JournalEntry.pending(DAY, AT, p.clientRef(), "reserve", List.of(
                Posting.debit(from, p.total()),
                Posting.credit(AccountCode.GATEWAY_DEPOSIT, p.amounts().gatewayTotal()),
                Posting.credit(AccountCode.ADMIN_FEE_INCOME, p.amounts().shopFee())));
    }
}
