package id.loket.payment;

import java.util.Optional;

/**
 * The shop's registered customers as a payment sees them: the port through which {@link PaymentService} checks the
 * rule "payments above the amount the owner set need a verified customer" (implemented by the customers service, so
 * payments need not know that package).
 */
@FunctionalInterface
public interface CustomerDirectory {

    /** A directory that knows no customer: a payment above the amount is then always refused. */
    CustomerDirectory NONE = customerId -> Optional.empty();

    /** The customer with this id, if there is one. */
    Optional<PayingCustomer> payingCustomer(long customerId);
}
