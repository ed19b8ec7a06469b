package id.loket.customers;

/** The sex a NIK encodes: women's birth day has 40 added. */
public enum Sex {
    MALE,
    FEMALE
}
