package id.loket.payment;

import id.loket.core.PaymentState;
import java.util.List;
import java.util.Objects;

/** What one recovery run did: each open payment it looked at, and what went wrong asking about some. */
public record RecoverySummary(List<Item> items, List<String> problems) {

    /** One payment: its state before and after, and what happened. */
    public record Item(String clientRef, PaymentState before, PaymentState after, String note) {

        public Item {
            Objects.requireNonNull(clientRef, "clientRef");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(note, "note");
        }

        public boolean settled() {
            return after.isTerminal();
        }
    }

    public RecoverySummary {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    public int checked() {
        return items.size();
    }

    /** How many ended SUCCESS in this run. */
    public long succeeded() {
        return items.stream().filter(i -> i.after() == PaymentState.SUCCESS && i.before() != PaymentState.SUCCESS)
                .count();
    }

    /** How many ended FAILED in this run. */
    public long failed() {
        return items.stream().filter(i -> i.after() == PaymentState.FAILED && i.before() != PaymentState.FAILED)
                .count();
    }

    /** How many are still waiting for a definitive answer. */
    public long stillOpen() {
        return items.stream().filter(i -> !i.settled()).count();
    }
}
