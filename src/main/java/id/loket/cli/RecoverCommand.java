package id.loket.cli;

import id.loket.payment.RecoverySummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code loket recover}: ask the gateway now about every payment whose outcome is not known. */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = {"Ask the gateway about every pending (SUSPECT or unanswered) payment now.",
            "Exit 3 while some remain pending."})
final class RecoverCommand extends ServiceCommand {

    @Option(names = "--json", description = "Machine-readable output.")
    private boolean json;

    @Override
    public Integer call() {
        try (OperatorSession session = openSession()) {
            CliServices services = session.services();
            RecoverySummary summary = services.payments().recover();
            PrintWriter out = out();
            if (json) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (RecoverySummary.Item item : summary.items()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("client_ref", item.clientRef());
                    m.put("before", item.before().name());
                    m.put("after", item.after().name());
                    m.put("note", item.note());
                    items.add(m);
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("checked", summary.checked());
                doc.put("succeeded", summary.succeeded());
                doc.put("failed", summary.failed());
                doc.put("still_pending", summary.stillOpen());
                doc.put("items", items);
                doc.put("problems", summary.problems());
                out.println(new Json().write(doc));
            } else {
                out.printf("Checked %d payment(s): %d succeeded, %d failed, %d still pending.%n", summary.checked(),
                        summary.succeeded(), summary.failed(), summary.stillOpen());
                for (RecoverySummary.Item item : summary.items()) {
                    out.printf("  %s %s -> %s %s%n", item.clientRef(), item.before(), item.after(), item.note());
                }
                summary.problems().forEach(p -> out.println("  problem: " + p));
            }
            out.flush();
            return summary.stillOpen() > 0 ? LoketCommand.PENDING : LoketCommand.OK;
        }
    }
}
