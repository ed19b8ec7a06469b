package id.loket.ui;

import id.loket.journal.VerifyReport;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.ResourceBundle;

/**
 * What the status bar says about the ledger: being checked, sound, broken (tampered or inconsistent), or not
 * checkable (the file could not be read). Kept apart from its text so the text can follow a language switch.
 */
public record LedgerStatus(State state, long entries, OptionalLong firstBadEntry, String failure) {

    /** The four things the clerk can be told. */
    public enum State {
        CHECKING,
        SOUND,
        BROKEN,
        UNCHECKED
    }

    public LedgerStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(firstBadEntry, "firstBadEntry");
        Objects.requireNonNull(failure, "failure");
    }

    public static LedgerStatus checking() {
        return new LedgerStatus(State.CHECKING, 0, OptionalLong.empty(), "");
    }

    public static LedgerStatus of(VerifyReport report) {
        return new LedgerStatus(report.sound() ? State.SOUND : State.BROKEN, report.entries(),
                report.firstBadEntry(), "");
    }

    /** The check itself failed, e.g. the ledger file is locked; {@code failure} says why. */
    public static LedgerStatus unchecked(String failure) {
        return new LedgerStatus(State.UNCHECKED, 0, OptionalLong.empty(), failure);
    }

    /** The status bar text in the given language. */
    public String text(ResourceBundle bundle, Locale language) {
        return switch (state) {
            case CHECKING -> bundle.getString("ledger.checking");
            case SOUND -> Bundles.format(bundle, language, "ledger.sound", entries);
            case BROKEN -> firstBadEntry.isPresent()
                    ? Bundles.format(bundle, language, "ledger.broken.entry", firstBadEntry.getAsLong())
                    : Bundles.format(bundle, language, "ledger.broken.balances");
            case UNCHECKED -> Bundles.format(bundle, language, "ledger.unchecked", failure);
        };
    }
}
