package id.loket.payment;

import java.util.Objects;

/** The shop a receipt is printed for. */
public record Shop(String name, String address) {

    public Shop {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
    }
}
