package id.loket.cli;

import id.loket.core.Money;

/** Amounts typed on the command line: whole rupiah, with or without thousands separators. */
final class CliMoney {

    private CliMoney() {}

    static Money parse(String text, String option) {
        try {
            Money amount = Money.parse(text);
            if (amount.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return amount;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " must be a whole rupiah amount such as 150000 or"
                    + " 150.000, not '" + text + "'.");
        }
    }
}
