package id.loket.ui;

import id.loket.shift.Shift;
import id.loket.shift.ShiftService;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the screens of one window share about the counter: who works it (the clerk), their open shift (the
 * status bar shows it, the counter needs it, the shift screen opens and closes it) and the last payment (F5
 * reprints it). Properties change on the JavaFX application thread only.
 */
public final class CounterSession {

    private static final Logger LOG = LoggerFactory.getLogger(CounterSession.class);

    private final String clerk;
    private final ShiftService shifts;
    private final Executor background;
    private final Executor fxThread;
    private final ReadOnlyObjectWrapper<Shift> shift = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper lastPayment = new ReadOnlyStringWrapper("");

    /**
     * @param clerk who works the counter (the signed-in operator once users exist; until then the computer's
     *     login name)
     */
    public CounterSession(String clerk, ShiftService shifts, Executor background, Executor fxThread) {
        this.clerk = Objects.requireNonNull(clerk, "clerk");
        this.shifts = Objects.requireNonNull(shifts, "shifts");
        this.background = Objects.requireNonNull(background, "background");
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
    }

    public String clerk() {
        return clerk;
    }

    /** The clerk's open shift, or {@code null} while none is open. */
    public ReadOnlyObjectProperty<Shift> shift() {
        return shift.getReadOnlyProperty();
    }

    /** The open shift, if any. */
    public Optional<Shift> openShift() {
        return Optional.ofNullable(shift.get());
    }

    /** Reads the clerk's open shift from the ledger in the background (at start, and after a change elsewhere). */
    public void refresh() {
        CompletableFuture.supplyAsync(() -> shifts.current(clerk), background).whenCompleteAsync((found, failure) -> {
            if (failure != null) {
                LOG.warn("The open shift of {} could not be read", clerk, failure);
            } else {
                shift.set(found.orElse(null));
            }
        }, fxThread);
    }

    /** The shift screen opened {@code opened}. */
    public void shiftOpened(Shift opened) {
        shift.set(Objects.requireNonNull(opened, "opened"));
    }

    /** The shift screen closed the shift. */
    public void shiftClosed() {
        shift.set(null);
    }

    /** The {@code client_ref} of the last payment made at this counter, empty before the first. */
    public ReadOnlyStringProperty lastPayment() {
        return lastPayment.getReadOnlyProperty();
    }

    /** The counter made payment {@code clientRef} (whatever its outcome). */
    public void paid(String clientRef) {
        lastPayment.set(Objects.requireNonNull(clientRef, "clientRef"));
    }
}
