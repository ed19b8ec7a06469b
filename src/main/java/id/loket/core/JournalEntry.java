package id.loket.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A money event as it is proposed to the journal: its postings and what it is about. It becomes a
 * {@link RecordedEntry} once the store has given it an id and a place in the hash chain.
 *
 * <p>The constructor only checks for nulls; the journal's {@link JournalRules} decide whether the entry is
 * acceptable, so a rejected entry can name every rule it breaks.
 */
public final class JournalEntry {

    private final EntryKind kind;
    private final long pendingOf;
    private final LocalDate businessDay;
    private final Instant createdAt;
    private final String reference;
    private final String memo;
    private final List<Posting> postings;

    private JournalEntry(
            EntryKind kind,
            long pendingOf,
            LocalDate businessDay,
            Instant createdAt,
            String reference,
            String memo,
            List<Posting> postings) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.pendingOf = pendingOf;
        this.businessDay = Objects.requireNonNull(businessDay, "businessDay");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.memo = Objects.requireNonNull(memo, "memo");
        this.postings = List.copyOf(postings);
    }

    /** An ordinary entry, posted at once. */
    public static JournalEntry posted(
            LocalDate businessDay, Instant createdAt, String reference, String memo, List<Posting> postings) {
        return new JournalEntry(EntryKind.POSTED, 0, businessDay, createdAt, reference, memo, postings);
    }

    /** A reservation, to be posted or voided later by an entry that names its id. */
    public static JournalEntry pending(
            LocalDate businessDay, Instant createdAt, String reference, String memo, List<Posting> postings) {
        return new JournalEntry(EntryKind.PENDING, 0, businessDay, createdAt, reference, memo, postings);
    }

    /**
     * Posts ({@link EntryKind#POST_PENDING}) or voids ({@link EntryKind#VOID_PENDING}) the pending entry
     * {@code pendingId}, repeating its postings.
     */
    public static JournalEntry resolving(
            EntryKind kind,
            long pendingId,
            LocalDate businessDay,
            Instant createdAt,
            String reference,
            String memo,
            List<Posting> postings) {
        if (!kind.resolvesPending() || pendingId <= 0) {
            throw new IllegalArgumentException("A resolving entry needs POST_PENDING/VOID_PENDING and a pending id");
        }
        return new JournalEntry(kind, pendingId, businessDay, createdAt, reference, memo, postings);
    }

    /** Rebuilds an entry exactly as it was stored (used by stores reading rows back). */
    public static JournalEntry restored(
            EntryKind kind,
            OptionalLong pendingOf,
            LocalDate businessDay,
            Instant createdAt,
            String reference,
            String memo,
            List<Posting> postings) {
        return new JournalEntry(kind, pendingOf.orElse(0), businessDay, createdAt, reference, memo, postings);
    }

    public EntryKind kind() {
        return kind;
    }

    /** The pending entry this entry posts or voids; empty for other kinds. */
    public OptionalLong pendingOf() {
        return pendingOf > 0 ? OptionalLong.of(pendingOf) : OptionalLong.empty();
    }

    public LocalDate businessDay() {
        return businessDay;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** What the entry is about, e.g. a payment's {@code client_ref} or a shift id; may be empty. */
    public String reference() {
        return reference;
    }

    public Optional<String> referenceIfAny() {
        return reference.isEmpty() ? Optional.empty() : Optional.of(reference);
    }

    public String memo() {
        return memo;
    }

    public List<Posting> postings() {
        return postings;
    }

    public Money total(Side side) {
        Money sum = Money.ZERO;
        for (Posting p : postings) {
            if (p.side() == side) {
                sum = sum.plus(p.amount());
            }
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JournalEntry e
                && e.kind == kind
                && e.pendingOf == pendingOf
                && e.businessDay.equals(businessDay)
                && e.createdAt.equals(createdAt)
                && e.reference.equals(reference)
                && e.memo.equals(memo)
                && e.postings.equals(postings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, pendingOf, businessDay, createdAt, reference, memo, postings);
    }

    @Override
    public String toString() {
        return kind + " " + businessDay + " " + reference + " " + postings;
    }
}
