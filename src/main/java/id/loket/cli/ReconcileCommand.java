package id.loket.cli;

import id.loket.core.Money;
import id.loket.reconcile.BalanceCheck;
import id.loket.reconcile.ItemKind;
import id.loket.reconcile.ReconciliationItem;
import id.loket.reconcile.ReconciliationRun;
import id.loket.reconcile.ReconciliationService;
import id.loket.reconcile.RunResult;
import id.loket.reconcile.RunTrigger;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loket reconcile}: reconcile one business day against the gateway's settlement, or every day not reconciled
 * yet ({@code --catch-up}, what the OS scheduler runs). Needs no operator: like the in-app schedule it runs
 * unattended, only reads the gateway and settles suspects as the gateway's settlement decided; the owner reviews
 * and signs off in the window.
 *
 * <p>Exit codes: 0 reconciled (discrepancies are a result, listed), 2 the run failed (bad or untrusted file,
 * gateway unreachable; nothing was changed), 3 the gateway has not closed the day yet (try later).
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
        description = "Reconcile a business day's payments against the gateway's settlement (or every day not done"
                + " yet with --catch-up).")
final class ReconcileCommand extends ServiceCommand {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The business day (WIB).")
    private String date;

    @Option(names = "--catch-up", description = "Reconcile every past day not reconciled yet (the last "
            + ReconciliationService.CATCH_UP_DAYS + " at most), oldest first.")
    private boolean catchUp;

    @Option(names = "--json", description = "Machine-readable output.")
    private boolean json;

    @Option(names = "--report", paramLabel = "FILE.pdf", description = "Also write the reconciliation report as PDF"
            + " (with --date).")
    private Path report;

    @Override
    public Integer call() {
        if ((date == null) == !catchUp) {
            throw new IllegalArgumentException("Give either --date YYYY-MM-DD or --catch-up.");
        }
        if (report != null && catchUp) {
            throw new IllegalArgumentException("--report writes one day's report: use it with --date.");
        }
        Optional<Path> reportFile = Optional.ofNullable(report).map(p -> p.toAbsolutePath().normalize());
        if (reportFile.isPresent() && Files.exists(reportFile.get())) {
            throw new IllegalArgumentException(reportFile.get() + " already exists: choose a new file name (nothing"
                    + " was overwritten).");
        }
        try (CliServices services = openServices()) {
            ReconciliationService reconciliation = services.reconciliation();
            List<RunResult> results = new ArrayList<>();
            if (catchUp) {
                results.addAll(reconciliation.catchUp(RunTrigger.COMMAND, id.loket.reconcile.Progress.NONE,
                        new id.loket.reconcile.Cancellation()));
            } else {
                results.add(reconciliation.reconcile(day(date), RunTrigger.COMMAND, Optional.empty()));
            }
            PrintWriter out = out();
            if (json) {
                List<Map<String, Object>> docs = results.stream().map(r -> document(reconciliation, r)).toList();
                out.println(new Json().write(catchUp ? docs : docs.get(0)));
            } else {
                if (results.isEmpty()) {
                    out.println("Nothing to reconcile: every past day is done.");
                }
                results.forEach(r -> print(out, reconciliation, r));
            }
            if (reportFile.isPresent() && results.get(0) instanceof RunResult.Reconciled reconciled) {
                write(reportFile.get(), services.ownerReports().reconciliationPdf(reconciled.run().id()));
                if (!json) {
                    out.println("Report written to " + reportFile.get());
                }
            }
            out.flush();
            return exitCode(results);
        }
    }

    private static int exitCode(List<RunResult> results) {
        if (results.stream().anyMatch(r -> r instanceof RunResult.Failed)) {
            return LoketCommand.FAILED;
        }
        if (results.stream().anyMatch(r -> r instanceof RunResult.NotDue)) {
            return LoketCommand.PENDING;
        }
        return LoketCommand.OK;
    }

    static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--date '" + text + "' is not a date (YYYY-MM-DD).", e);
        }
    }

    private static void write(Path file, byte[] pdf) {
        try {
            Files.write(file, pdf, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write " + file + " (" + e.getMessage() + "): check the folder"
                    + " exists and the disk has space.", e);
        }
    }

    /** The JSON shape of issue 6: date, status, matched, items, balance (plus the run, its day status and reason). */
    private static Map<String, Object> document(ReconciliationService reconciliation, RunResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("date", result.day().toString());
        if (result instanceof RunResult.NotDue notDue) {
            doc.put("status", "NOT_DUE");
            doc.put("reason", notDue.reason());
            doc.put("matched", 0);
            doc.put("items", List.of());
            doc.put("balance", null);
            return doc;
        }
        ReconciliationRun run = result instanceof RunResult.Reconciled r ? r.run() : ((RunResult.Failed) result).run();
        doc.put("status", run.outcome().name());
        doc.put("matched", run.matched());
        List<Map<String, Object>> items = new ArrayList<>();
        if (result instanceof RunResult.Reconciled r) {
            for (ReconciliationItem i : r.items()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("kind", i.kind().name());
                item.put("client_ref", i.clientRef().orElse(null));
                item.put("ledger_amount", i.ledgerAmount().map(Money::rupiah).orElse(null));
                item.put("gateway_amount", i.gatewayAmount().map(Money::rupiah).orElse(null));
                item.put("ledger_status", i.ledgerStatus().orElse(null));
                item.put("gateway_status", i.gatewayStatus().orElse(null));
                item.put("detail", i.detail());
                item.put("open", i.isOpen());
                items.add(item);
            }
        }
        doc.put("items", items);
        doc.put("balance", run.balance().map(ReconcileCommand::balance).orElse(null));
        doc.put("run_id", run.id());
        doc.put("day_status", reconciliation.day(run.day()).status().name());
        doc.put("changes", run.changes());
        doc.put("reason", run.failure().orElse(null));
        return doc;
    }

    private static Map<String, Object> balance(BalanceCheck b) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("opening", b.opening().rupiah());
        doc.put("movements", b.movements().rupiah());
        doc.put("closing", b.closing().rupiah());
        doc.put("ok", b.ok());
        return doc;
    }

    private static void print(PrintWriter out, ReconciliationService reconciliation, RunResult result) {
        if (result instanceof RunResult.NotDue notDue) {
            out.println(result.day() + ": not due yet — " + notDue.reason() + ". Run it again later.");
            return;
        }
        if (result instanceof RunResult.Failed failed) {
            out.println(result.day() + ": FAILED (run " + failed.run().id() + "): " + failed.reason());
            out.println("  Nothing was changed; the next run tries again.");
            return;
        }
        RunResult.Reconciled r = (RunResult.Reconciled) result;
        ReconciliationRun run = r.run();
        out.println(run.day() + ": reconciled (run " + run.id() + ", " + run.changes() + "): " + run.matched()
                + " matched of " + run.ledgerCount() + " ledger payments and " + run.gatewayCount()
                + " settlement rows; " + run.items() + " item(s), " + run.open() + " to review. Day: "
                + reconciliation.day(run.day()).status());
        Map<ItemKind, Long> counts = ReconciliationService.countByKind(run, r.items());
        counts.forEach((kind, n) -> {
            if (n > 0 && kind != ItemKind.MATCHED) {
                out.println("  " + kind + ": " + n);
            }
        });
        for (ReconciliationItem i : r.items()) {
            out.println("  - " + i.kind() + " " + i.clientRef().orElse("(deposit)") + ": " + i.detail()
                    + (i.resolution().isPresent() ? " [resolved: " + i.resolution().get().note() + "]" : ""));
        }
        run.balance().ifPresent(b -> out.println("  Deposit: opening " + b.opening().rupiah() + " + movements "
                + b.movements().rupiah() + " = " + b.expectedClosing().rupiah() + "; gateway closing "
                + b.closing().rupiah() + (b.ok() ? " — OK" : " — DIFFERENCE " + b.difference().rupiah())));
    }
}
