package id.loket.billing;

import id.loket.core.Money;
import java.util.Objects;

/**
 * A deposit top-up ticket: transfer exactly {@code amount} (the network adds a unique suffix so it can recognise
 * the transfer) to {@code accountNo} at {@code bank}, with {@code notes} as the transfer's memo.
 */
public record TopUpTicket(String bank, String method, String accountNo, Money amount, String notes) {

    public TopUpTicket {
        Objects.requireNonNull(bank, "bank");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(accountNo, "accountNo");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(notes, "notes");
    }
}
