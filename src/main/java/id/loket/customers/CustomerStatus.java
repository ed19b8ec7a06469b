package id.loket.customers;

/** Whether the customer proved, by the SMS code, that the phone is theirs. */
public enum CustomerStatus {
    UNVERIFIED,
    VERIFIED
}
