package id.loket.core;

/** POSTPAID: the bill is looked up by inquiry. PREPAID: the customer picks a product (token, credit, ticket). */
public enum BillerKind {
    POSTPAID,
    PREPAID
}
