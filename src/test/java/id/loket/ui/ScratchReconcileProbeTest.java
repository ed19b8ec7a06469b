package id.loket.ui;

import id.loket.payment.Payment;
import id.loket.payment.PaymentTestBed;
import id.loket.reconcile.Cancellation;
import id.loket.reconcile.RunResult;
import id.loket.reconcile.RunTrigger;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchReconcileProbeTest {
    @TempDir
    Path dir;

    @Test
    void probe() {
        try (PaymentTestBed bed = PaymentTestBed.in(dir).sandbox(o -> o.withSettleImmediately(true)).start()) {
            bed.openShift(500_000);
            Payment paid = bed.plnBill().withChange(0).cash();
            Payment other = bed.order("PDAM_BANDUNG", "1234567").cash();
            System.out.println("PROBE paid " + paid.clientRef() + " " + paid.state() + " total " + paid.total());
            bed.sandbox().post("/sandbox/discrepancies", "{\"kind\":\"amount\",\"client_ref\":\"" + paid.clientRef()
                    + "\",\"amount\":1}");
            RunResult r = bed.reconciliation().reconcile(bed.calendar().today(), RunTrigger.MANUAL, Optional.of("budi"),
                    (d, t, s) -> System.out.println("PROBE progress " + d + "/" + t + " " + s), new Cancellation());
            System.out.println("PROBE result " + r);
            if (r instanceof RunResult.Reconciled rec) {
                rec.items().forEach(i -> System.out.println("PROBE item " + i));
            }
            System.out.println("PROBE days " + bed.reconciliation().days(bed.calendar().today().minusDays(2),
                    bed.calendar().today()));
            System.out.println("PROBE recap " + bed.reconciliation().recap(bed.calendar().today()));
        }
    }
}
