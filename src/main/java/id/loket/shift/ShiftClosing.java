package id.loket.shift;

import id.loket.core.JournalEntry;
import id.loket.core.Money;
import java.util.List;
import java.util.Objects;

/** What closing a shift writes: the cash the drawer should hold and the journal entries of the close. */
public record ShiftClosing(Money expected, List<JournalEntry> entries) {

    public ShiftClosing {
        Objects.requireNonNull(expected, "expected");
        entries = List.copyOf(entries);
    }
}
