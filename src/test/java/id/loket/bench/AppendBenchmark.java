package id.loket.bench;

import id.loket.core.AccountCode;
import id.loket.core.JournalEntry;
import id.loket.core.JournalRules;
import id.loket.core.Money;
import id.loket.core.Posting;
import id.loket.ledger.LedgerDatabase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How close a durable journal append comes to the cost of the fsync it cannot avoid. Not a unit test: run it
 * by hand on the machine (and disk) in question:
 *
 * <pre>
 * mvn -q -B test-compile exec:java -Dexec.mainClass=id.loket.bench.AppendBenchmark -Dexec.classpathScope=test \
 *     [-Dexec.args="N [DIR]"]
 * </pre>
 *
 * <p>It times N appends of a balanced three-posting entry through the real store (WAL, {@code synchronous=FULL},
 * rules checked, hash chained, balances updated), then N raw {@code FileChannel.force} calls after writing 4 KiB
 * each to a file in the same folder, and prints both with the ratio of their medians. A durable append needs at
 * least one sync of the WAL, so the raw sync is its floor.
 */
public final class AppendBenchmark {

    private static final int DEFAULT_COUNT = 2000;
    private static final int WARM_UP = 200;
    private static final int BLOCK = 4096;

    private AppendBenchmark() {}

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_COUNT;
        boolean ownFolder = args.length <= 1;
        Path folder = ownFolder ? Files.createTempDirectory("loket-bench") : Files.createDirectories(Path.of(args[1]));
        try {
            Result append = appends(folder.resolve("bench-ledger.db"), count);
            Result fsync = syncs(folder.resolve("bench-fsync.bin"), count, true);
            Result fdatasync = syncs(folder.resolve("bench-fdatasync.bin"), count, false);
            print(folder, count, append, fsync, fdatasync);
        } finally {
            if (ownFolder) {
                deleteTree(folder);
            }
        }
    }

    private static Result appends(Path ledger, int count) {
        JournalRules rules = JournalRules.standard();
        LocalDate day = LocalDate.of(2025, 3, 14);
        Instant start = Instant.parse("2025-03-14T01:00:00Z");
        try (LedgerDatabase db = LedgerDatabase.open(ledger)) {
            for (int i = 0; i < WARM_UP; i++) {
                db.journal().append(entry(day, start, -1 - i), rules);
            }
            long[] nanos = new long[count];
            long begin = System.nanoTime();
            for (int i = 0; i < count; i++) {
                JournalEntry e = entry(day, start, i);
                long t0 = System.nanoTime();
                db.journal().append(e, rules);
                nanos[i] = System.nanoTime() - t0;
            }
            return new Result(nanos, System.nanoTime() - begin);
        }
    }

    private static JournalEntry entry(LocalDate day, Instant start, int n) {
        long bill = 150_000 + Math.floorMod(n, 1000);
        return JournalEntry.posted(day, start.plusMillis(n), "CR-BENCH-" + n, "benchmark payment " + n, List.of(
                Posting.debit(AccountCode.CASH_DRAWER, Money.of(bill + 2_500)),
                Posting.credit(AccountCode.GATEWAY_DEPOSIT, Money.of(bill)),
                Posting.credit(AccountCode.ADMIN_FEE_INCOME, Money.of(2_500))));
    }

    /** Appends 4 KiB and syncs, N times: what one small durable commit costs the disk at least. */
    private static Result syncs(Path file, int count, boolean metadata) throws IOException {
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (int i = 0; i < WARM_UP; i++) {
                writeAndSync(channel, block, metadata);
            }
            long[] nanos = new long[count];
            long begin = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                writeAndSync(channel, block, metadata);
                nanos[i] = System.nanoTime() - t0;
            }
            return new Result(nanos, System.nanoTime() - begin);
        }
    }

    private static void writeAndSync(FileChannel channel, ByteBuffer block, boolean metadata) throws IOException {
        block.clear();
        while (block.hasRemaining()) {
            channel.write(block);
        }
        channel.force(metadata);
    }

    private static void print(Path folder, int count, Result append, Result fsync, Result fdatasync) {
        System.out.printf(Locale.ROOT, "Loket append benchmark: %d operations each, in %s%n", count, folder);
        System.out.printf(Locale.ROOT, "%-34s %12s %10s %10s%n", "", "per second", "p50 ms", "p99 ms");
        row("journal append (WAL, sync FULL)", append);
        row("write 4 KiB + force(true) (fsync)", fsync);
        row("write 4 KiB + force(false)", fdatasync);
        System.out.printf(Locale.ROOT, "p50(append) / p50(fsync) = %.2f%n", append.p50() / fsync.p50());
    }

    private static void row(String name, Result r) {
        System.out.printf(Locale.ROOT, "%-34s %12.0f %10.3f %10.3f%n", name, r.perSecond(), r.p50(), r.p99());
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Latencies of one kind of operation, in nanoseconds, and the wall time they took together. */
    private record Result(long[] nanos, long totalNanos) {

        double perSecond() {
            return nanos.length / (totalNanos / 1e9);
        }

        double p50() {
            return percentile(0.50);
        }

        double p99() {
            return percentile(0.99);
        }

        private double percentile(double p) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }
}
