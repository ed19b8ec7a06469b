package id.loket.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The {@code sqlite3} command-line tool doing what a reconciliation run does, as the yardstick: a fresh process
 * opens the ledger file read-only, {@code .import --csv}s the settlement file into a TEMP table, indexes it by
 * client_ref (without the index SQLite joins by scanning the imported rows once per payment: 10k rows took 20–60 s),
 * and classifies the FULL OUTER JOIN of the day's payments (the same rows {@code eachLedgerPayment} streams) with
 * the imported rows into matched / amount / status / missing each side, counted by kind. Timed from process start to exit (and its
 * CPU time taken by GNU {@code time} when {@code /usr/bin/time} is there).
 */
final class ReconcileSqliteCli {

    static final String TOOL = "sqlite3";

    /** GNU time, when there, reports the tool's CPU time (user + system) besides the wall time. */
    private static final Path TIME = Path.of("/usr/bin/time");
    private static final String CPU_MARK = "@@cpu ";

    /** The outcome of one run: wall time, CPU time (user + system; -1 when unknown), the counts by kind. */
    record Outcome(long nanos, long cpuNanos, Map<String, Long> counts) {}

    private ReconcileSqliteCli() {}

    /** The tool's version, or empty when it is not on the PATH. */
    static Optional<String> version() {
        try {
            Process p = new ProcessBuilder(TOOL, "-version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Whether {@code version} (as {@code sqlite3 -version} prints it) has FULL OUTER JOIN (3.39.0 and later). */
    static boolean hasFullOuterJoin(String version) {
        String[] parts = version.split("[ .]");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        return major > 3 || (major == 3 && minor >= 39);
    }

    static String script(Path csv, LocalDate day, boolean explain) {
        String join = "WITH ledger AS (SELECT client_ref, state, bill_amount, gateway_fee FROM main.payment"
                + " WHERE business_day = '" + day + "' AND (state IN ('SENT', 'SUSPECT', 'SUCCESS')"
                + " OR (state = 'FAILED' AND gateway_payment_id IS NOT NULL)))\n"
                + "SELECT CASE\n"
                + "    WHEN l.client_ref IS NULL THEN 'MISSING_IN_LEDGER'\n"
                + "    WHEN s.client_ref IS NULL THEN 'MISSING_AT_GATEWAY'\n"
                + "    WHEN (l.state = 'SUCCESS') <> (s.status = 'SUCCESS') THEN 'STATUS_MISMATCH'\n"
                + "    WHEN l.bill_amount <> s.amount OR l.gateway_fee <> s.admin_fee THEN 'AMOUNT_MISMATCH'\n"
                + "    ELSE 'MATCHED' END AS kind, COUNT(*)\n"
                + "FROM ledger l FULL OUTER JOIN settlement s ON s.client_ref = l.client_ref\n"
                + "GROUP BY kind ORDER BY kind;\n";
        return ".bail on\n"
                + ".mode list\n"
                + ".headers off\n"
                + "CREATE TEMP TABLE settlement (payment_id TEXT, client_ref TEXT, biller TEXT, reference TEXT,"
                + " amount INTEGER, admin_fee INTEGER, status TEXT, paid_at TEXT);\n"
                + ".import --csv --skip 1 --schema temp '" + csv.toAbsolutePath().toString().replace("'", "''")
                + "' settlement\n"
                + "CREATE INDEX temp.settlement_by_ref ON settlement (client_ref);\n"
                + (explain ? "EXPLAIN QUERY PLAN " + join : join);
    }

    /** Runs the import and the join once; {@code explain}: print the query plan instead of running the join. */
    static Outcome run(Path ledger, Path csv, LocalDate day, boolean explain) throws IOException, InterruptedException {
        byte[] input = script(csv, day, explain).getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(TIME)) {
            command.addAll(List.of(TIME.toString(), "-f", CPU_MARK + "%U %S"));
        }
        command.addAll(List.of(TOOL, "-readonly", ledger.toAbsolutePath().toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(input);
        }
        String out;
        try (InputStream stdout = p.getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        int exit = p.waitFor();
        long nanos = System.nanoTime() - t0;
        if (exit != 0) {
            throw new IllegalStateException("sqlite3 exited with " + exit + ":\n" + out);
        }
        Map<String, Long> counts = new TreeMap<>();
        long cpu = -1;
        StringBuilder rest = new StringBuilder();
        for (String line : out.split("\n")) {
            if (line.startsWith(CPU_MARK)) {
                String[] us = line.substring(CPU_MARK.length()).strip().split(" ");
                cpu = (long) ((Double.parseDouble(us[0]) + Double.parseDouble(us[1])) * 1e9);
            } else {
                rest.append(line).append('\n');
            }
        }
        if (explain) {
            counts.put(rest.toString().strip(), 0L);
            return new Outcome(nanos, cpu, counts);
        }
        for (String line : rest.toString().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] kv = line.strip().split("\\|");
            if (kv.length != 2) {
                throw new IllegalStateException("Unexpected sqlite3 output: " + out);
            }
            counts.put(kv[0], Long.parseLong(kv[1]));
        }
        return new Outcome(nanos, cpu, counts);
    }
}
