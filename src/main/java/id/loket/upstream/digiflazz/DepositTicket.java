package id.loket.upstream.digiflazz;

import id.loket.core.Money;
import java.util.Objects;

/**
 * A deposit ticket ({@code /deposit}): where to transfer and exactly how much.
 *
 * @param amount the exact amount to transfer, which carries a unique suffix (10000000 asked, 10000001 to pay); a
 *     transfer of any other amount is not matched to the ticket
 * @param notes the memo to put on the transfer
 * @param paymentMethod {@code Bank Transfer} or {@code Virtual Account}
 */
public record DepositTicket(String bank, String paymentMethod, String accountNo, Money amount, String notes) {
    public DepositTicket {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(accountNo, "accountNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(notes, "notes");
    }
}
