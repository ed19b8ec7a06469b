package id.loket.journal;

import java.util.List;
import java.util.OptionalLong;

/**
 * What {@code loket verify} found: how many entries it read, the first entry that is wrong (if any) and why,
 * and every stored balance that differs from the one recomputed from the postings.
 */
public record VerifyReport(long entries, OptionalLong firstBadEntry, List<String> problems) {

    public VerifyReport {
        problems = List.copyOf(problems);
    }

    public boolean sound() {
        return problems.isEmpty();
    }
}
