package id.loket.payment;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Service tests on a {@link PaymentTestBed}: whatever a scenario did, the ledger must verify sound after it. */
public abstract class PaymentTestBase {

    @TempDir
    protected Path dir;

    protected PaymentTestBed bed;

    protected PaymentTestBed start() {
        return start(PaymentTestBed.in(dir));
    }

    protected PaymentTestBed start(PaymentTestBed.Builder builder) {
        bed = builder.start();
        return bed;
    }

    @AfterEach
    void ledgerIsSoundAfterTheScenario() {
        if (bed != null) {
            try {
                bed.assertSound();
            } finally {
                bed.close();
            }
        }
    }
}
