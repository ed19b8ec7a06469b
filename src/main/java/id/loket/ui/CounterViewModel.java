package id.loket.ui;

import id.loket.billing.BillingService;
import id.loket.payment.PaymentService;
import id.loket.settings.SettingsService;
import java.util.concurrent.Executor;

/** Placeholder, replaced by the counter screen's work. */
public final class CounterViewModel {

    public CounterViewModel(BillingService billing, PaymentService payments, ReceiptDesk receipts,
            SettingsService settings, CounterSession session, Executor background, Executor fxThread) {
        // to be built
    }
}
