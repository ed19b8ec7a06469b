package id.loket.app;

import id.loket.report.PrintOutcome;
import id.loket.ui.ReceiptDesk;
import java.util.Objects;

/**
 * The screens' {@link ReceiptDesk}: the application's receipt printer, its outcome put into the screens' terms. A
 * reprint is written to the audit log under the signed-in operator.
 */
final class PrintingDesk implements ReceiptDesk {

    private final AppServices services;
    private final String operator;

    PrintingDesk(AppServices services, String operator) {
        this.services = Objects.requireNonNull(services, "services");
        this.operator = Objects.requireNonNull(operator, "operator");
    }

    @Override
    public Printout print(String clientRef, boolean reprint) {
        PrintOutcome outcome = services.print(clientRef, reprint);
        if (reprint) {
            services.users().find(operator).ifPresent(who -> services.audit().recordReprint(who, clientRef));
        }
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
