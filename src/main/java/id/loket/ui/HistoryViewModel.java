package id.loket.ui;

import id.loket.core.BusinessCalendar;
import id.loket.payment.PaymentService;
import java.util.concurrent.Executor;

/** Placeholder, replaced by the history screen's work. */
public final class HistoryViewModel {

    public HistoryViewModel(PaymentService payments, ReceiptDesk receipts, BusinessCalendar calendar,
            CounterSession session, Executor background, Executor fxThread) {
        // to be built
    }
}
