package id.loket.cli;

import id.loket.users.AuditAction;
import id.loket.users.AuditEntry;
import id.loket.users.AuditQuery;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loket audit}: the audit log, for the owner. The operator filter is {@code --operator}: {@code --user} is who
 * runs the command (the owner), as everywhere.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Read the audit log (owner only), oldest first: sign-ins and failures, lockouts, changes to",
            "operators, fees and settings, reprints, backups and restores."})
final class AuditCommand extends ServiceCommand {

    @Option(names = "--operator", paramLabel = "USER", description = "Only what this operator did (or tried).")
    private String operator;

    @Option(names = "--action", paramLabel = "ACTION", description = "Only this kind: ${COMPLETION-CANDIDATES}.")
    private AuditAction action;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "From this business day (WIB), included.")
    private LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "To this business day (WIB), included.")
    private LocalDate to;

    @Option(names = "--json", description = "Machine-readable output.")
    private boolean json;

    @Override
    public Integer call() {
        AuditQuery query = AuditQuery.all().onDays(Optional.ofNullable(from), Optional.ofNullable(to));
        if (operator != null) {
            query = query.by(operator);
        }
        if (action != null) {
            query = query.of(action);
        }
        try (OperatorSession session = openSession()) {
            List<AuditEntry> entries = session.services().audit().search(session.operator(), query);
            PrintWriter out = out();
            if (json) {
                List<Map<String, Object>> doc = new ArrayList<>();
                for (AuditEntry e : entries) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", e.id());
                    m.put("at", e.at().toString());
                    m.put("operator", e.operator().orElse(null));
                    m.put("action", e.action().name());
                    m.put("subject", e.subject().orElse(null));
                    m.put("detail", e.detail());
                    doc.add(m);
                }
                out.println(new Json().write(Map.of("entries", doc)));
            } else {
                out.printf("%-20s %-16s %-25s %-24s %s%n", "AT", "OPERATOR", "ACTION", "SUBJECT", "DETAIL");
                for (AuditEntry e : entries) {
                    out.printf("%-20s %-16s %-25s %-24s %s%n", UsersCommand.WIB.format(e.at()),
                            e.operator().orElse("-"), e.action(), e.subject().orElse("-"), e.detail());
                }
                out.printf("%d entr%s%n", entries.size(), entries.size() == 1 ? "y" : "ies");
            }
            out.flush();
            return LoketCommand.OK;
        }
    }
}
