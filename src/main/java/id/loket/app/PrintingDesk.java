package id.loket.app;

import id.loket.report.PrintOutcome;
import id.loket.ui.ReceiptDesk;
import java.util.Objects;

/** The screens' {@link ReceiptDesk}: the application's receipt printer, its outcome put into the screens' terms. */
final class PrintingDesk implements ReceiptDesk {

    private final AppServices services;

    PrintingDesk(AppServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public Printout print(String clientRef, boolean reprint) {
        PrintOutcome outcome = services.print(clientRef, reprint);
        if (outcome instanceof PrintOutcome.Printed printed) {
            return new Printout(Printout.Kind.PRINTED, printed.printer());
        }
        if (outcome instanceof PrintOutcome.SavedAsPdf saved) {
            return new Printout(saved.reason() == PrintOutcome.Reason.NO_PRINTER_CONFIGURED
                    ? Printout.Kind.SAVED_NO_PRINTER
                    : Printout.Kind.SAVED_PRINTER_MISSING, saved.path().toString());
        }
        return new Printout(Printout.Kind.FAILED, ((PrintOutcome.Failed) outcome).reason());
    }
}
