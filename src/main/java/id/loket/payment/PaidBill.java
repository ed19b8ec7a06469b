package id.loket.payment;

import id.loket.billing.Inquiry;
import id.loket.core.Biller;
import id.loket.core.BillerCategory;
import id.loket.core.BillerKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a payment pays: the biller, the customer's reference and the bill as the inquiry found it (the details a
 * receipt prints, in the gateway's order). {@code period} is the bill's {@code periode} when the biller gives one.
 */
public record PaidBill(
        String billerCode,
        String billerName,
        BillerCategory category,
        BillerKind kind,
        String reference,
        Optional<String> period,
        String customerName,
        String inquiryId,
        Map<String, String> details) {

    /** The detail key of a postpaid bill's period ("NOV25", "OKT25,NOV25"). */
    public static final String PERIOD_DETAIL = "periode";

    public PaidBill {
        Objects.requireNonNull(billerCode, "billerCode");
        Objects.requireNonNull(billerName, "billerName");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(inquiryId, "inquiryId");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * The bill an inquiry of {@code biller} found.
     *
     * @throws PaymentRefusedException when the inquiry is about another biller
     */
    public static PaidBill of(Biller biller, Inquiry inquiry) {
        if (!biller.code().equals(inquiry.biller())) {
            throw new PaymentRefusedException(PaymentRefusedException.Reason.WRONG_BILLER, "The inquiry is for "
                    + inquiry.biller() + ", not " + biller.code() + ": look the bill up again.");
        }
        Optional<String> period = Optional.ofNullable(inquiry.details().get(PERIOD_DETAIL)).map(String::strip)
                .filter(p -> !p.isEmpty());
        return new PaidBill(biller.code(), biller.name(), biller.category(), biller.kind(), inquiry.reference(),
                period, inquiry.customerName(), inquiry.inquiryId(), inquiry.details());
    }

    /**
     * The key of the double-payment guard: biller, reference and period of a postpaid bill. Prepaid products (a
     * token, phone credit) have none: buying a second one is an ordinary thing to do.
     */
    public Optional<String> guardKey() {
        if (kind == BillerKind.PREPAID) {
            return Optional.empty();
        }
        return Optional.of(billerCode + "|" + reference + "|" + period.orElse(""));
    }
}
