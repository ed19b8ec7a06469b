package id.loket.upstream.digiflazz.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The armed {@link SimulatorFault}s, each used up by the calls it hits. In memory only: a restart disarms them,
 * which is what a drill wants. Transport faults are taken when a request arrives; rc faults only where the
 * request would create something (a new topup, inquiry or payment), so a re-check of an older transaction never
 * uses up a fault meant for the next sale.
 */
final class Faults {

    private static final class Armed {
        final SimulatorFault fault;
        int remaining;

        Armed(SimulatorFault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }

    private final List<Armed> armed = new ArrayList<>();

    void arm(SimulatorFault fault) {
        synchronized (armed) {
            armed.add(new Armed(fault));
        }
    }

    void clear() {
        synchronized (armed) {
            armed.clear();
        }
    }

    /** The armed faults, {@code times} being what is left of each. */
    List<SimulatorFault> armed() {
        synchronized (armed) {
            return armed.stream().map(a -> a.fault.times(a.remaining)).toList();
        }
    }

    /** Uses up one application of the first transport fault (not rc) armed for {@code path}. */
    /**
     * Uses up one application of the first transport fault (timeout, drop, malformed body, HTTP 500) for
     * {@code path} and {@code command} ({@code null} off /transaction: a fault for a command never hits it).
     */
    Optional<SimulatorFault> takeTransport(String path, String command) {
        return take(f -> f.kind() != SimulatorFault.Kind.RC && f.path().map(path::equals).orElse(true)
                && f.command().map(c -> c.equals(command)).orElse(true));
    }

    /**
     * Uses up one application of the first rc fault for {@code path} and {@code command} ({@code null} off
     * /transaction). A Pending rc means nothing for an inquiry, so {@code pendingAllowed} false skips those.
     */
    Optional<SimulatorFault> takeRc(String path, String command, boolean pendingAllowed) {
        return take(f -> f.kind() == SimulatorFault.Kind.RC
                && f.path().map(path::equals).orElse(true)
                && f.command().map(c -> c.equals(command)).orElse(true)
                && (pendingAllowed || !Rc.of(f.rc()).pending()));
    }

    private Optional<SimulatorFault> take(Predicate<SimulatorFault> matches) {
        synchronized (armed) {
            for (int i = 0; i < armed.size(); i++) {
                Armed a = armed.get(i);
                if (matches.test(a.fault)) {
                    a.remaining--;
                    if (a.remaining == 0) {
                        armed.remove(i);
                    }
                    return Optional.of(a.fault);
                }
            }
            return Optional.empty();
        }
    }
}
