package id.loket.ui;

import id.loket.core.BusinessCalendar;
import id.loket.shift.ShiftService;
import java.util.concurrent.Executor;

/** Placeholder, replaced by the shift screen's work. */
public final class ShiftViewModel {

    public ShiftViewModel(ShiftService shifts, CounterSession session, BusinessCalendar calendar, Executor background,
            Executor fxThread) {
        // to be built
    }
}
