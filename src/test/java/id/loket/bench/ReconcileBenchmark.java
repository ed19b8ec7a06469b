package id.loket.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import id.loket.core.BusinessCalendar;
import id.loket.core.JournalRules;
import id.loket.journal.JournalService;
import id.loket.journal.LedgerVerifier;
import id.loket.journal.VerifyReport;
import id.loket.ledger.LedgerDatabase;
import id.loket.payment.MemorySettings;
import id.loket.payment.PaymentService;
import id.loket.reconcile.Cancellation;
import id.loket.reconcile.ItemKind;
import id.loket.reconcile.Progress;
import id.loket.reconcile.ReconciliationService;
import id.loket.reconcile.RunResult;
import id.loket.reconcile.RunTrigger;
import id.loket.settings.SettingsService;
import id.loket.shift.ShiftService;
import id.loket.users.AuditService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Nightly reconciliation of one business day of 10k, 100k and 1M payments (issue 6, "Benchmark"): the wall time of
 * {@code ReconciliationService.reconcile} end to end (fetching the file — copied into place and SHA-256 checked as
 * {@code HttpGateway} does —, the strict parse, the sort by client_ref, the merge with the ledger's payments
 * streamed from SQLite, the look-ups of the unmatched rows, storing the run) and its peak heap, beside the
 * {@code sqlite3} command-line tool doing the equivalent ({@code .import --csv} of the same file, then a FULL OUTER
 * JOIN of the day's payments with it, classified and counted) on the same ledger file in the same run.
 *
 * <p>Each size runs in a child JVM started with {@code -Xmx256m} (the target: a peak heap under 256 MB at 1M), so
 * the heap figures are the run's own and finishing at all proves the run fits. In it the ledger is filled once
 * ({@link ReconcileFixture}), then one warm-up run of each side and {@code reps} measured runs, alternating which
 * side goes first; re-running a day is allowed and idempotent. Every run's findings are checked against the planted
 * differences.
 *
 * <p>Heap: before each Loket run a {@code System.gc()}; from the GC notifications of the run, the peak heap used
 * (the largest occupancy just before a GC or at the end: between GCs the heap only grows, so this is the true
 * maximum, garbage included) and the live data's high-water mark (the largest occupancy just after a GC).
 *
 * <p>Run: {@code ./mvnw -q -B test-compile exec:java -Dexec.mainClass=id.loket.bench.ReconcileBenchmark
 * -Dexec.classpathScope=test -Dexec.args="10000,100000,1000000 5"} (sizes, measured repetitions). Options after
 * them: {@code --xmx=256m} the child's heap, {@code --jfr} a JFR profile of each child's runs, {@code --keep}
 * keep the temporary folders, {@code --dir=PATH} build each day in PATH/n&lt;N&gt; once and use it again on later
 * runs, {@code --loket-only} no sqlite3 runs, {@code --in-process} no child JVM.
 */
public final class ReconcileBenchmark {

    private static final long SEED = 20_261_122L;
    private static final String RESULT = "RESULT ";
    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ReconcileBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String a : args) {
            for (String part : a.trim().split("\\s+")) {
                if (part.isEmpty()) {
                    continue;
                }
                (part.startsWith("--") ? options : positional).add(part);
            }
        }
        if (options.contains("--child")) {
            child(Integer.parseInt(positional.get(0)), Integer.parseInt(positional.get(1)), options);
            return;
        }
        int[] sizes = Arrays.stream((positional.isEmpty() ? "10000,100000,1000000" : positional.get(0)).split(","))
                .mapToInt(s -> Integer.parseInt(s.replace("_", "").replace("k", "000").replace("M", "000000")))
                .toArray();
        int reps = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 5;
        String xmx = options.stream().filter(o -> o.startsWith("--xmx=")).map(o -> o.substring(6)).findFirst()
                .orElse("256m");
        boolean inProcess = options.contains("--in-process");

        Optional<String> tool = ReconcileSqliteCli.version();
        if (tool.isEmpty()) {
            System.out.println("!! The sqlite3 command-line tool is not on the PATH: the comparison is skipped."
                    + " Install it (Debian/Ubuntu: apt-get install -y sqlite3) and run again.");
        } else if (!ReconcileSqliteCli.hasFullOuterJoin(tool.get())) {
            System.out.println("!! sqlite3 " + tool.get() + " has no FULL OUTER JOIN (needs 3.39 or later): the"
                    + " comparison is skipped.");
        }
        System.out.printf(Locale.ROOT, "Reconciliation benchmark: sizes %s, %d measured runs each (after 1 warm-up),"
                + " %s, JDK %s, %d CPUs, sqlite3 %s%n", Arrays.toString(sizes), reps,
                inProcess ? "in this JVM" : "child JVM -Xmx" + xmx, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), tool.map(v -> v.split(" ")[0]).orElse("missing"));

        List<Map<String, String>> results = new ArrayList<>();
        for (int n : sizes) {
            if (inProcess) {
                child(n, reps, options);
                continue;
            }
            results.add(runChild(n, reps, xmx, options));
        }
        if (!results.isEmpty()) {
            printTable(results, xmx);
        }
    }

    // ---- the parent: one child JVM per size -------------------------------------------------------------------

    private static Map<String, String> runChild(int n, int reps, String xmx, List<String> options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + xmx, "-XX:+UseG1GC", "-Dfile.encoding=UTF-8"));
        if (options.contains("--jfr")) {
            command.add("-XX:StartFlightRecording=filename=reconcile-" + n + ".jfr,settings=profile");
        }
        command.addAll(List.of("-cp", classPath(), ReconcileBenchmark.class.getName(), Integer.toString(n),
                Integer.toString(reps), "--child"));
        options.stream().filter(o -> !o.startsWith("--xmx=")).forEach(command::add);
        System.out.printf(Locale.ROOT, "%n== N = %,d (child JVM -Xmx%s) ==%n", n, xmx);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, String> result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith(RESULT)) {
                    result = new LinkedHashMap<>();
                    for (String kv : line.substring(RESULT.length()).split(" ")) {
                        int eq = kv.indexOf('=');
                        result.put(kv.substring(0, eq), kv.substring(eq + 1));
                    }
                } else {
                    System.out.println("  " + line);
                }
            }
        }
        int exit = p.waitFor();
        if (exit != 0 || result == null) {
            throw new IllegalStateException("The child JVM for N = " + n + " failed (exit " + exit + ")");
        }
        return result;
    }

    /** The test class path: exec:java puts it in the class loader, surefire-like runs in java.class.path. */
    private static String classPath() {
        if (ReconcileBenchmark.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            List<String> parts = new ArrayList<>();
            for (URL url : loader.getURLs()) {
                try {
                    parts.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
            return String.join(java.io.File.pathSeparator, parts);
        }
        return System.getProperty("java.class.path");
    }

    private static void printTable(List<Map<String, String>> results, String xmx) {
        System.out.printf(Locale.ROOT, "%nMedians of the measured runs (child JVM -Xmx%s); CPU = user + system time of the"
                + " whole process (Loket: the JVM during the run, GC and JIT included; sqlite3: the tool):%n", xmx);
        System.out.println("| N | Loket ms | sqlite3 ms | ratio | Loket CPU ms | sqlite3 CPU ms | CPU ratio"
                + " | peak heap MB | live max MB | rows/s | µs/row |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Map<String, String> r : results) {
            long n = Long.parseLong(r.get("n"));
            double loket = Double.parseDouble(r.get("loketMs"));
            double sqlite = Double.parseDouble(r.get("sqliteMs"));
            double loketCpu = Double.parseDouble(r.get("loketCpuMs"));
            double sqliteCpu = Double.parseDouble(r.get("sqliteCpuMs"));
            System.out.printf(Locale.ROOT, "| %,d | %.0f | %s | %s | %.0f | %s | %s | %s | %s | %,.0f | %.2f |%n", n,
                    loket, sqlite > 0 ? String.format(Locale.ROOT, "%.0f", sqlite) : "n/a",
                    sqlite > 0 ? String.format(Locale.ROOT, "%.2f", loket / sqlite) : "n/a", loketCpu,
                    sqliteCpu > 0 ? String.format(Locale.ROOT, "%.0f", sqliteCpu) : "n/a",
                    sqliteCpu > 0 ? String.format(Locale.ROOT, "%.2f", loketCpu / sqliteCpu) : "n/a",
                    r.get("peakMb"), Double.parseDouble(r.get("liveMaxMb")) > 0 ? r.get("liveMaxMb") : "no GC",
                    n / (loket / 1000.0), loket * 1000.0 / n);
        }
    }

    // ---- the child: one size ----------------------------------------------------------------------------------

    private static void child(int n, int reps, List<String> options) throws Exception {
        Optional<Path> given = options.stream().filter(o -> o.startsWith("--dir=")).map(o -> Path.of(o.substring(6)))
                .findFirst();
        Path dir = given.isPresent() ? Files.createDirectories(given.get().resolve("n" + n))
                : Files.createTempDirectory("loket-reconcile-bench-" + n + "-");
        Path saved = dir.resolve("fixture.properties");
        Path ledgerFile = dir.resolve("ledger.db");
        Path gatewayCsv = dir.resolve("gateway-" + ReconcileFixture.DAY + ".csv");
        Instant night = ReconcileFixture.DAY.plusDays(1).atTime(1, 30).atZone(BusinessCalendar.WIB).toInstant();
        Clock clock = Clock.fixed(night, ZoneOffset.UTC);
        JournalRules rules = JournalRules.standard();
        try (LedgerDatabase ledger = LedgerDatabase.open(ledgerFile)) {
            boolean reuse = Files.exists(saved);
            ReconcileFixture.Day day = reuse ? ReconcileFixture.load(saved, gatewayCsv, ledgerFile)
                    : ReconcileFixture.build(ledgerFile, gatewayCsv, n, SEED);
            if (given.isPresent() && !reuse) {
                ReconcileFixture.save(day, saved);
            }
            if (day.n() != n) {
                throw new IllegalStateException(dir + " holds a day of " + day.n() + " payments, not " + n);
            }
            System.out.printf(Locale.ROOT, "%s: %,d payments of %s (ledger file %,d MB), settlement file %,d rows"
                    + " (%,d MB)%n", reuse ? "reusing the day in " + dir : String.format(Locale.ROOT,
                    "filled the ledger in %,d ms", day.fillMillis()), n, ReconcileFixture.DAY,
                    day.ledgerBytes() >> 20, day.summary().count(), day.csvBytes() >> 20);
            if (n <= 20_000) {
                VerifyReport report = new LedgerVerifier(rules).verify(ledger.journal());
                if (!report.sound()) {
                    throw new IllegalStateException("The filled ledger is not sound: " + report.problems());
                }
                System.out.printf(Locale.ROOT, "the filled ledger verifies sound (%,d journal entries)%n",
                        report.entries());
            }

            ReconcileGateway gateway = new ReconcileGateway(ReconcileFixture.DAY, gatewayCsv, day.summary());
            BusinessCalendar calendar = new BusinessCalendar(clock);
            AuditService audit = new AuditService(ledger.audit(), clock);
            PaymentService payments = new PaymentService(ledger.payments(), gateway, gateway,
                    new ShiftService(ledger.shifts(), rules, calendar), new SettingsService(new MemorySettings(), audit),
                    rules, calendar);
            ReconciliationService service = new ReconciliationService(ledger.reconciliation(), gateway, payments,
                    new JournalService(ledger.journal(), rules), audit, calendar, dir.resolve("settlements"));

            Optional<String> tool = ReconcileSqliteCli.version().filter(ReconcileSqliteCli::hasFullOuterJoin)
                    .filter(v -> !options.contains("--loket-only"));
            if (tool.isPresent()) {
                String plan = ReconcileSqliteCli.run(ledgerFile, gatewayCsv, ReconcileFixture.DAY, true).counts()
                        .keySet().iterator().next();
                System.out.println("sqlite3 query plan:\n    " + plan.replace("\n", "\n    "));
            }

            HeapWatch watch = new HeapWatch();
            List<LoketRun> loketRuns = new ArrayList<>();
            List<ReconcileSqliteCli.Outcome> sqliteRuns = new ArrayList<>();
            System.out.printf(Locale.ROOT, "%-8s %9s %9s %9s %9s %9s %10s %9s %8s %8s %5s %7s%n", "run", "Loket ms",
                    "CPU ms", "fetch ms", "parse+cmp", "after ms", "sqlite3 ms", "CPU ms", "peak MB", "live MB", "GCs",
                    "GC ms");
            for (int rep = -1; rep < reps; rep++) {
                boolean loketFirst = (rep & 1) == 0;
                ReconcileSqliteCli.Outcome sqlite = null;
                if (!loketFirst && tool.isPresent()) {
                    sqlite = sqlite(ledgerFile, gatewayCsv, day.expected());
                }
                LoketRun run = loket(service, gateway, watch, day.expected());
                if (loketFirst && tool.isPresent()) {
                    sqlite = sqlite(ledgerFile, gatewayCsv, day.expected());
                }
                System.out.printf(Locale.ROOT, "%-8s %9.0f %9.0f %9.0f %9.0f %9.0f %10s %9s %8.1f %8s %5d %7d%n",
                        rep < 0 ? "warm-up" : "#" + (rep + 1), run.nanos / 1e6, run.cpuNanos / 1e6,
                        run.fetchNanos / 1e6, run.compareNanos / 1e6, run.afterNanos / 1e6,
                        sqlite == null ? "n/a" : ms(sqlite.nanos()), sqlite == null ? "n/a" : ms(sqlite.cpuNanos()),
                        run.peak / 1048576.0, run.gcCount == 0 ? "no GC" : String.format(Locale.ROOT, "%.1f",
                        run.liveMax / 1048576.0), run.gcCount, run.gcMillis);
                if (rep >= 0) {
                    loketRuns.add(run);
                    if (sqlite != null) {
                        sqliteRuns.add(sqlite);
                    }
                }
            }
            long peak = loketRuns.stream().mapToLong(LoketRun::peak).max().orElse(0);
            long live = loketRuns.stream().mapToLong(LoketRun::liveMax).max().orElse(0); // 0: no GC in any run
            System.out.printf(Locale.ROOT, "%s n=%d loketMs=%.1f loketCpuMs=%.1f sqliteMs=%.1f sqliteCpuMs=%.1f"
                    + " peakMb=%.1f liveMaxMb=%.1f fetchMs=%.1f compareMs=%.1f afterMs=%.1f%n", RESULT.strip(), n,
                    median(loketRuns, LoketRun::nanos), median(loketRuns, LoketRun::cpuNanos),
                    sqliteRuns.isEmpty() ? -1 : median(sqliteRuns, ReconcileSqliteCli.Outcome::nanos),
                    sqliteRuns.isEmpty() ? -1 : median(sqliteRuns, ReconcileSqliteCli.Outcome::cpuNanos),
                    peak / 1048576.0, live / 1048576.0, median(loketRuns, LoketRun::fetchNanos),
                    median(loketRuns, LoketRun::compareNanos), median(loketRuns, LoketRun::afterNanos));
        } finally {
            if (!options.contains("--keep") && given.isEmpty()) {
                deleteTree(dir);
            } else {
                System.out.println("kept " + dir);
            }
        }
    }

    /** One Loket run: end to end (wall and the process's CPU time), its phases, its heap. */
    private record LoketRun(long nanos, long cpuNanos, long fetchNanos, long compareNanos, long afterNanos, long peak,
            long liveMax, long gcCount, long gcMillis) {}

    private static LoketRun loket(ReconciliationService service, ReconcileGateway gateway, HeapWatch watch,
            ReconcileFixture.Expected expected) throws InterruptedException {
        long[] compared = {0};
        Progress progress = (done, total, stage) -> {
            if (stage.equals("compare") && done == total) {
                compared[0] = System.nanoTime();
            }
        };
        gateway.reset();
        watch.start();
        long cpu0 = CPU.getProcessCpuTime();
        long t0 = System.nanoTime();
        RunResult result = service.reconcile(ReconcileFixture.DAY, RunTrigger.COMMAND, Optional.empty(), progress,
                new Cancellation());
        long t1 = System.nanoTime();
        long cpu = CPU.getProcessCpuTime() - cpu0;
        watch.stop();
        check(result, expected);
        long fetch = gateway.fetchNanos();
        return new LoketRun(t1 - t0, cpu, fetch, compared[0] - t0 - fetch, t1 - compared[0], watch.peak,
                watch.liveMax, watch.gcCount, watch.gcMillis);
    }

    private static void check(RunResult result, ReconcileFixture.Expected e) {
        if (!(result instanceof RunResult.Reconciled r)) {
            throw new IllegalStateException("The run did not reconcile: " + result);
        }
        Map<ItemKind, Long> kinds = ReconciliationService.countByKind(r.run(), r.items());
        Map<ItemKind, Long> want = new LinkedHashMap<>();
        for (ItemKind k : ItemKind.values()) {
            want.put(k, 0L);
        }
        want.put(ItemKind.MATCHED, e.matched());
        want.put(ItemKind.AMOUNT_MISMATCH, e.amountMismatch());
        want.put(ItemKind.STATUS_MISMATCH, e.statusMismatch());
        want.put(ItemKind.MISSING_AT_GATEWAY, e.missingAtGateway());
        want.put(ItemKind.MISSING_IN_LEDGER, e.missingInLedger());
        boolean balanced = r.run().balance().map(b -> b.ok()).orElse(false);
        // The file-only row's biller and reference are read again from the file (SettlementFile.details).
        boolean detailed = r.items().stream().filter(i -> i.kind() == ItemKind.MISSING_IN_LEDGER)
                .allMatch(i -> i.biller().equals(Optional.of("PLN_POSTPAID"))
                        && i.reference().equals(Optional.of(ReconcileFixture.EXTRA_REFERENCE)));
        if (!kinds.equals(want) || !balanced || !detailed || r.run().ledgerCount() != e.ledgerCount()
                || r.run().gatewayCount() != e.gatewayCount()) {
            throw new IllegalStateException("Loket found " + kinds + " (balance " + r.run().balance() + ", ledger "
                    + r.run().ledgerCount() + ", gateway " + r.run().gatewayCount() + "), expected " + want + " " + e
                    + "; items " + r.items());
        }
    }

    private static ReconcileSqliteCli.Outcome sqlite(Path ledger, Path csv, ReconcileFixture.Expected e)
            throws IOException, InterruptedException {
        ReconcileSqliteCli.Outcome o = ReconcileSqliteCli.run(ledger, csv, ReconcileFixture.DAY, false);
        Map<String, Long> want = Map.of("MATCHED", e.matched(), "AMOUNT_MISMATCH", e.amountMismatch(),
                "STATUS_MISMATCH", e.statusMismatch(), "MISSING_AT_GATEWAY", e.missingAtGateway(),
                "MISSING_IN_LEDGER", e.missingInLedger());
        if (!o.counts().equals(want)) {
            throw new IllegalStateException("sqlite3 found " + o.counts() + ", expected " + want);
        }
        return o;
    }

    /** The median of a value of the runs, in milliseconds. */
    private static <T> double median(List<T> runs, java.util.function.ToLongFunction<T> nanos) {
        long[] sorted = runs.stream().mapToLong(nanos).sorted().toArray();
        int m = sorted.length / 2;
        return (sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2.0) / 1e6;
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f", nanos / 1e6);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * The heap during one run, from the GC notifications: its peak (the largest heap occupancy just before a GC, or
     * at the end of the run — between GCs it only grows, so this is the true maximum), the live data's high-water
     * mark (the largest occupancy just after a GC), and the GCs.
     */
    private static final class HeapWatch implements NotificationListener {
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        /** GCs reported (asynchronously): JVM uptime at their start, heap used before and after them. */
        private final List<long[]> reported = new ArrayList<>();
        private long from;
        long peak;
        long liveMax;
        long gcCount;
        long gcMillis;
        private long gcCount0;
        private long gcMillis0;

        HeapWatch() {
            for (GarbageCollectorMXBean gc : collectors) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(this, null, null);
                }
            }
        }

        void start() {
            System.gc();
            gcCount0 = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
            gcMillis0 = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
            from = ManagementFactory.getRuntimeMXBean().getUptime();
        }

        void stop() throws InterruptedException {
            long atEnd = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            gcCount = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum() - gcCount0;
            gcMillis = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() - gcMillis0;
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (true) {
                long seen = 0;
                long before = atEnd;
                long after = 0;
                synchronized (reported) {
                    for (long[] r : reported) {
                        if (r[0] >= from) {
                            seen++;
                            before = Math.max(before, r[1]);
                            after = Math.max(after, r[2]);
                        }
                    }
                }
                peak = before;
                liveMax = after;
                if (seen >= gcCount || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(5);
            }
            synchronized (reported) {
                reported.clear();
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                    (CompositeData) notification.getUserData());
            long[] r = {info.getGcInfo().getStartTime(), heap(info.getGcInfo().getMemoryUsageBeforeGc()),
                heap(info.getGcInfo().getMemoryUsageAfterGc())};
            synchronized (reported) {
                reported.add(r);
            }
        }

        private long heap(Map<String, MemoryUsage> usage) {
            long used = 0;
            for (MemoryPoolMXBean p : pools) {
                MemoryUsage u = usage.get(p.getName());
                used += u == null ? 0 : u.getUsed();
            }
            return used;
        }
    }
}
