package id.loket.cli;

import id.loket.journal.VerifyReport;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loket verify}: recompute the hash chain and the balances; exit 2 and name the first bad entry if unsound. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the ledger: recompute the hash chain and every balance; name the first bad entry.")
final class VerifyCommand extends ServiceCommand {


    @Option(names = "--json", description = "Machine-readable output.")
    private boolean json;

    @Override
    public Integer call() {
        try (CliServices services = openServices()) {
            VerifyReport report = services.maintenance().verify();
            PrintWriter out = out();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("sound", report.sound());
                doc.put("entries", report.entries());
                doc.put("first_bad_entry", report.firstBadEntry().isPresent() ? report.firstBadEntry().getAsLong() : null);
                doc.put("problems", report.problems());
                out.println(new Json().write(doc));
            } else if (report.sound()) {
                out.println("Ledger " + services.dataDirectory().resolve("ledger.db") + " is sound: "
                        + report.entries() + " entries, hash chain and balances check out.");
            } else {
                out.println("Ledger is NOT sound"
                        + (report.firstBadEntry().isPresent() ? ": first bad entry is #" + report.firstBadEntry().getAsLong() : "")
                        + ".");
                for (String problem : report.problems()) {
                    out.println("  - " + problem);
                }
                out.println("Do not take payments on this ledger; restore the latest good backup with 'loket restore --from FILE'.");
            }
            out.flush();
            return report.sound() ? LoketCommand.OK : LoketCommand.FAILED;
        }
    }
}
