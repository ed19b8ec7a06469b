package id.loket.bench;

import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.InquiryRequest;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.core.Biller;
import id.loket.core.BillerCategory;
import id.loket.core.BillerKind;
import id.loket.core.BusinessCalendar;
import id.loket.core.ClientRefs;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.reconcile.ReconciliationService;
import id.loket.upstream.digiflazz.DigiflazzClient;
import id.loket.upstream.digiflazz.DigiflazzCredentials;
import id.loket.upstream.digiflazz.DigiflazzNetwork;
import id.loket.upstream.digiflazz.DigiflazzResult;
import id.loket.upstream.digiflazz.TransactionAnswer;
import id.loket.upstream.digiflazz.sim.DigiflazzSimulator;
import id.loket.upstream.digiflazz.sim.SimulatorOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;

/**
 * The Digiflazz adapter's benchmark (issue 13), against the {@link DigiflazzSimulator} on loopback in this JVM, all
 * in one run:
 * <ol>
 *   <li><b>the adapter's own CPU per call</b>: signing and serialising a topup ({@link DigiflazzClient#encodeTopup})
 *       and parsing a typical answer ({@link DigiflazzClient#parseTransaction}, the bytes of a real Sukses PLN token
 *       answer of the simulator), each call timed on its own (median, p99) after a warm-up, with the thread's CPU
 *       time over the whole loop beside it ({@link ThreadMXBean});</li>
 *   <li><b>the anchor</b>: a bare {@code POST /v1/transaction} of already-encoded topup bytes through
 *       {@link HttpClient#send} (answer read, not parsed) beside a full {@link DigiflazzClient#topup} (encode, the
 *       same POST, cap, parse, ref_id check), and between them the same bare POST waited for as the client waits for
 *       its answer ({@code sendAsync} with a request timeout, then {@code get} with a deadline); the three take turns,
 *       each going first in a third of the rounds, new ref_ids throughout;</li>
 *   <li><b>a night's re-check</b>: N prepaid sales made through {@link DigiflazzNetwork#pay}, then each re-checked
 *       once through a fresh network's {@link DigiflazzNetwork#paymentStatus} (prepaid: the identical topup sent
 *       again) without pacing — wall time, calls/s, per call — and the paced night it stands for:
 *       N × {@link ReconciliationService#DEFAULT_RECHECK_SPACING} + the unpaced time.</li>
 * </ol>
 * Run: {@code ./mvnw -q -B test-compile exec:java -Dexec.mainClass=id.loket.bench.DigiflazzBenchmark
 * -Dexec.classpathScope=test [-Dexec.args="HTTP_CALLS RECHECKS"]} (defaults 2000 2000). Not a test: surefire's
 * class-name patterns do not pick it up, and the tag keeps it out should they ever.
 */
@Tag("benchmark")
public final class DigiflazzBenchmark {

    private static final String SKU = "pln20";
    private static final String METER = "14234567890";
    private static final int CPU_WARMUP = 100_000;
    private static final int CPU_CALLS = 200_000;
    private static final int HTTP_WARMUP = 300;

    private static long sink;

    private DigiflazzBenchmark() {}

    public static void main(String[] args) throws Exception {
        int httpCalls = args.length > 0 ? Integer.parseInt(args[0].trim()) : 2_000;
        int rechecks = args.length > 1 ? Integer.parseInt(args[1].trim()) : 2_000;
        Path dir = Files.createTempDirectory("loket-digiflazz-bench");
        BusinessCalendar calendar = new BusinessCalendar(Clock.systemUTC());
        ClientRefs refs = new ClientRefs(new SecureRandom());
        DigiflazzCredentials credentials = new DigiflazzCredentials(SimulatorOptions.DEFAULT_USERNAME,
                SimulatorOptions.DEFAULT_DEVELOPMENT_KEY, true);

        try (DigiflazzSimulator sim = DigiflazzSimulator.start(SimulatorOptions.defaults())) {
            sim.setDeposit(1_000_000_000_000L);
            // As the app builds it (GatewayFactory): 10 s to connect, 45 s for the answer.
            DigiflazzClient client = new DigiflazzClient(sim.baseUri(), credentials, Duration.ofSeconds(10),
                    Duration.ofSeconds(45));
            machine(sim.baseUri());

            byte[] typicalAnswer = typicalAnswer(sim.baseUri(), credentials, calendar.today(), refs);
            cpu(credentials, typicalAnswer, calendar.today(), refs);
            anchor(sim.baseUri(), client, credentials, calendar.today(), refs, httpCalls);
            night(client, dir, calendar.today(), refs, rechecks);
        } finally {
            try (var kept = Files.list(dir)) {
                for (Path file : kept.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private static void machine(URI simulator) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "Digiflazz adapter benchmark against the simulator at %s%n", simulator);
        System.out.printf(Locale.ROOT, "JDK %s (%s %s), %s %s %s, %d cores, load average %.2f, max heap %d MB%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), os.getName(), os.getVersion(), os.getArch(),
                Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    // ---- 1. the adapter's own CPU ----------------------------------------------------------------------------

    /** A real answer: the simulator's Sukses to a PLN token topup, as the bytes came. */
    private static byte[] typicalAnswer(URI base, DigiflazzCredentials credentials, LocalDate today,
            ClientRefs refs) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        byte[] body = DigiflazzClient.encodeTopup(credentials, SKU, METER, refs.next(today),
                Optional.of(Money.of(20_150)));
        HttpResponse<byte[]> answer = http.send(post(base, body), HttpResponse.BodyHandlers.ofByteArray());
        if (answer.statusCode() != 200
                || !(DigiflazzClient.parseTransaction(answer.body(), 200) instanceof DigiflazzResult.Answer<?>)) {
            throw new IllegalStateException("The simulator did not sell a token: HTTP " + answer.statusCode() + " "
                    + new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return answer.body();
    }

    private static void cpu(DigiflazzCredentials credentials, byte[] answer, LocalDate today, ClientRefs refs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String[] refIds = new String[CPU_WARMUP + CPU_CALLS];
        for (int i = 0; i < refIds.length; i++) {
            refIds[i] = refs.next(today);
        }
        Optional<Money> maxPrice = Optional.of(Money.of(20_150));
        long[] encode = new long[CPU_CALLS];
        long[] parse = new long[CPU_CALLS];
        for (int i = 0; i < CPU_WARMUP; i++) {
            sink += DigiflazzClient.encodeTopup(credentials, SKU, METER, refIds[i], maxPrice).length;
            sink += DigiflazzClient.parseTransaction(answer, 200).hashCode();
        }
        long encodeCpu0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < CPU_CALLS; i++) {
            long t0 = System.nanoTime();
            byte[] body = DigiflazzClient.encodeTopup(credentials, SKU, METER, refIds[CPU_WARMUP + i], maxPrice);
            encode[i] = System.nanoTime() - t0;
            sink += body.length;
        }
        long encodeCpu = threads.getCurrentThreadCpuTime() - encodeCpu0;
        long parseCpu0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < CPU_CALLS; i++) {
            long t0 = System.nanoTime();
            DigiflazzResult<TransactionAnswer> result = DigiflazzClient.parseTransaction(answer, 200);
            parse[i] = System.nanoTime() - t0;
            sink += result.hashCode();
        }
        long parseCpu = threads.getCurrentThreadCpuTime() - parseCpu0;
        Arrays.sort(encode);
        Arrays.sort(parse);
        System.out.printf(Locale.ROOT, "%n1. The adapter's own work per call, in process (%,d calls each after %,d"
                + " warm-up; answer %d bytes)%n", CPU_CALLS, CPU_WARMUP, answer.length);
        System.out.printf(Locale.ROOT, "%-44s %10s %10s %14s%n", "", "p50 µs", "p99 µs", "CPU/call µs");
        System.out.printf(Locale.ROOT, "%-44s %10.2f %10.2f %14.2f%n", "sign + serialise a topup (encodeTopup)",
                micros(encode, 50), micros(encode, 99), encodeCpu / 1e3 / CPU_CALLS);
        System.out.printf(Locale.ROOT, "%-44s %10.2f %10.2f %14.2f%n", "parse a Sukses answer (parseTransaction)",
                micros(parse, 50), micros(parse, 99), parseCpu / 1e3 / CPU_CALLS);
        System.out.printf(Locale.ROOT, "%-44s %10.2f %10s %14.2f%n", "together", micros(encode, 50)
                + micros(parse, 50), "", (encodeCpu + parseCpu) / 1e3 / CPU_CALLS);
    }

    // ---- 2. the anchor ---------------------------------------------------------------------------------------

    private static void anchor(URI base, DigiflazzClient client, DigiflazzCredentials credentials, LocalDate today,
            ClientRefs refs, int calls) throws Exception {
        HttpClient bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Optional<Money> maxPrice = Optional.of(Money.of(20_150));
        int total = HTTP_WARMUP + calls;
        byte[][] bodies = new byte[total][];
        for (int i = 0; i < total; i++) {
            bodies[i] = DigiflazzClient.encodeTopup(credentials, SKU, METER, refs.next(today), maxPrice);
        }
        byte[][] waited = new byte[total][];
        for (int i = 0; i < total; i++) {
            waited[i] = DigiflazzClient.encodeTopup(credentials, SKU, METER, refs.next(today), maxPrice);
        }
        long[] plain = new long[calls];
        long[] async = new long[calls];
        long[] full = new long[calls];
        int failures = 0;
        long wall0 = System.nanoTime();
        for (int i = 0; i < total; i++) {
            if (i == HTTP_WARMUP) {
                wall0 = System.nanoTime();
            }
            // The three kinds take turns going first, so none always follows the same one.
            for (int k = 0; k < 3; k++) {
                int kind = (i + k) % 3;
                long t0 = System.nanoTime();
                boolean ok = switch (kind) {
                    case 0 -> bare.send(post(base, bodies[i]), HttpResponse.BodyHandlers.ofByteArray())
                            .statusCode() == 200;
                    case 1 -> bare.sendAsync(post(base, waited[i], Duration.ofSeconds(45)),
                            HttpResponse.BodyHandlers.ofByteArray()).get(55, TimeUnit.SECONDS).statusCode() == 200;
                    default -> client.topup(SKU, METER, refs.next(today), maxPrice)
                            instanceof DigiflazzResult.Answer<TransactionAnswer> a && a.value().rc().equals("00");
                };
                long took = System.nanoTime() - t0;
                failures += ok ? 0 : 1;
                if (i >= HTTP_WARMUP) {
                    (kind == 0 ? plain : kind == 1 ? async : full)[i - HTTP_WARMUP] = took;
                }
            }
        }
        double seconds = (System.nanoTime() - wall0) / 1e9;
        Arrays.sort(plain);
        Arrays.sort(async);
        Arrays.sort(full);
        System.out.printf(Locale.ROOT, "%n2. Over loopback, %,d calls each after %d warm-up, in turns (%,d topups"
                + " in %.1f s; %d not Sukses)%n", calls, HTTP_WARMUP, 3 * calls, seconds, failures);
        System.out.printf(Locale.ROOT, "%-56s %10s %10s%n", "", "p50 ms", "p99 ms");
        System.out.printf(Locale.ROOT, "%-56s %10.3f %10.3f%n", "bare POST of encoded bytes (HttpClient.send)",
                millis(plain, 50), millis(plain, 99));
        System.out.printf(Locale.ROOT, "%-56s %10.3f %10.3f%n", "bare POST, waited as the client waits (sendAsync)",
                millis(async, 50), millis(async, 99));
        System.out.printf(Locale.ROOT, "%-56s %10.3f %10.3f%n", "DigiflazzClient.topup (encode + POST + parse)",
                millis(full, 50), millis(full, 99));
        System.out.printf(Locale.ROOT, "%-56s %10.3f%n", "difference at p50, topup - bare send",
                millis(full, 50) - millis(plain, 50));
    }

    // ---- 3. a night's re-check -------------------------------------------------------------------------------

    private static void night(DigiflazzClient client, Path dir, LocalDate today, ClientRefs refs, int n) {
        DigiflazzNetwork counter = new DigiflazzNetwork(client, true, dir.resolve("counter-pricelist.json"),
                Clock.systemUTC());
        Biller tokens = counter.billers().orThrow().stream()
                .filter(b -> b.kind() == BillerKind.PREPAID && b.category() == BillerCategory.ELECTRICITY)
                .findFirst().orElseThrow(() -> new IllegalStateException("no PLN token biller in the price list"));
        Inquiry quote = counter.inquire(new InquiryRequest(tokens.code(), METER, Optional.of(SKU), Optional.empty()))
                .orThrow();
        List<PaymentRequest> sales = new ArrayList<>(n);
        long sold0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            PaymentRequest request = new PaymentRequest(refs.next(today), quote.inquiryId(), quote.total(),
                    PaymentMethod.CASH, Optional.empty(), quote.biller(), METER, quote.cost());
            requireSuccess(counter.pay(request), request);
            sales.add(request);
        }
        double soldSeconds = (System.nanoTime() - sold0) / 1e9;

        // A fresh network, as the reconciliation's process would have: the one-minute rule is per process.
        DigiflazzNetwork night = new DigiflazzNetwork(client, true, dir.resolve("night-pricelist.json"),
                Clock.systemUTC());
        long[] each = new long[n];
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            GatewayResult<PaymentResult> status = night.paymentStatus(sales.get(i));
            each[i] = System.nanoTime() - t0;
            requireSuccess(status, sales.get(i));
        }
        long unpaced = System.nanoTime() - start;
        Arrays.sort(each);
        Duration spacing = ReconciliationService.DEFAULT_RECHECK_SPACING;
        double pacedSeconds = n * spacing.toMillis() / 1e3 + unpaced / 1e9;
        System.out.printf(Locale.ROOT, "%n3. A night's re-check of %,d prepaid sales (%s %s, inquiry id %s, cost %s)"
                + "%n", n, tokens.code(), SKU, quote.inquiryId(), quote.cost().rupiah());
        System.out.printf(Locale.ROOT, "%-44s %,10.0f calls/s (%.2f s)%n", "the sales, DigiflazzNetwork.pay", n
                / soldSeconds, soldSeconds);
        System.out.printf(Locale.ROOT, "%-44s %,10.0f calls/s (%.2f s); p50 %.3f ms, p99 %.3f ms; all SUCCESS%n",
                "re-checks unpaced, paymentStatus", n / (unpaced / 1e9), unpaced / 1e9, millis(each, 50),
                millis(each, 99));
        System.out.printf(Locale.ROOT, "%-44s %10.1f s = %,d × %d ms + %.2f s (%.1f min)%n",
                "paced as the reconciliation paces them", pacedSeconds, n, spacing.toMillis(), unpaced / 1e9,
                pacedSeconds / 60);
        if (sink == 42) {
            System.out.println();
        }
    }

    private static void requireSuccess(GatewayResult<PaymentResult> result, PaymentRequest request) {
        if (!(result instanceof GatewayResult.Answer<PaymentResult> a)
                || a.value().status() != PaymentResult.Status.SUCCESS) {
            throw new IllegalStateException("Payment " + request.clientRef() + " is not SUCCESS: " + result);
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static HttpRequest post(URI base, byte[] body) {
        return postBuilder(base, body).build();
    }

    /** With a request timeout, as {@link DigiflazzClient} sends (its read timeout). */
    private static HttpRequest post(URI base, byte[] body, Duration timeout) {
        return postBuilder(base, body).timeout(timeout).build();
    }

    private static HttpRequest.Builder postBuilder(URI base, byte[] body) {
        return HttpRequest.newBuilder(URI.create(base + "/transaction"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static double micros(long[] sortedNanos, int p) {
        return at(sortedNanos, p) / 1e3;
    }

    private static double millis(long[] sortedNanos, int p) {
        return at(sortedNanos, p) / 1e6;
    }

    private static long at(long[] sortedNanos, int p) {
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))];
    }
}
