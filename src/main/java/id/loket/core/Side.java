package id.loket.core;

/** The side of a posting. Every entry's debits equal its credits. */
public enum Side {
    DEBIT,
    CREDIT
}
