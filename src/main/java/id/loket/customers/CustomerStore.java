package id.loket.customers;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where customers, their pending codes and their saved references are kept: the port {@link CustomerService} uses. */
public interface CustomerStore {

    /**
     * Stores a new customer, UNVERIFIED, under the next id; one transaction.
     *
     * @throws CustomerException ({@code DUPLICATE_NIK}) when a customer with the same NIK exists; nothing was written
     */
    Customer insert(NewCustomer customer);

    Optional<Customer> find(long id);

    Optional<Customer> findByNik(Nik nik);

    /** Customers matching any part of the query, by name. */
    List<Customer> search(CustomerQuery query);

    /** Keeps the code just sent to the customer, replacing an earlier one. */
    void saveOtp(PendingOtp otp);

    /** The last code sent to the customer and not yet used, if any. */
    Optional<PendingOtp> pendingOtp(long customerId);

    /**
     * Marks the customer VERIFIED at {@code at} and forgets the pending code, in one transaction.
     *
     * @return the customer as stored now
     */
    Customer markVerified(long customerId, Instant at);

    /** Saves a reference for the customer; saving the same biller and reference again replaces the label. */
    SavedReference saveReference(SavedReference reference);

    /** The customer's saved references, oldest first. */
    List<SavedReference> references(long customerId);
}
