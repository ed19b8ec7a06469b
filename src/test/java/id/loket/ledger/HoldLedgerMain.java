package id.loket.ledger;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Another Loket process, for the tests: opens the ledger given as argument, prints "ready", and keeps it open
 * until its standard input is closed.
 */
public final class HoldLedgerMain {

    private HoldLedgerMain() {}

    public static void main(String[] args) throws IOException {
        try (LedgerDatabase db = LedgerDatabase.open(Path.of(args[0]))) {
            System.out.println("ready " + db.journal().entryCount());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Hold the ledger until the test closes our input.
                continue;
            }
        }
        System.out.println("closed");
    }
}
