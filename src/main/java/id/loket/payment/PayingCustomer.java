package id.loket.payment;

import java.util.Objects;

/** A registered customer named on a payment: who, and whether their phone is verified. */
public record PayingCustomer(long id, String name, boolean verified) {

    public PayingCustomer {
        Objects.requireNonNull(name, "name");
    }
}
