package id.loket.bench;

import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.InquiryRequest;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.core.PaymentMethod;
import id.loket.upstream.house.GatewayConfig;
import id.loket.upstream.house.HttpGateway;
import id.loket.upstream.house.Signatures;
import id.loket.upstream.house.sim.SandboxOptions;
import id.loket.upstream.house.sim.SandboxServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.testing.SandboxAdmin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway benchmark of issue 3, over real loopback HTTP against the sandbox gateway:
 * <ol>
 *   <li>inquiry + payment pairs per second with 1, 8 and 64 concurrent clients;</li>
 *   <li>the client's added latency per call: a signed, verified, parsed {@code GET /v1/balance} through
 *       {@link HttpGateway} beside a bare unsigned GET of the same path on the same server (answered by the
 *       server's auth check), plus the client's own CPU work (sign + verify + parse) measured in process;</li>
 *   <li>200 concurrent inquiries: every one must succeed.</li>
 * </ol>
 * Run: {@code ./mvnw -q -B test-compile exec:java -Dexec.mainClass=id.loket.bench.GatewayBenchmark
 * -Dexec.classpathScope=test [-Dexec.args="SECONDS_PER_LEVEL"]}
 */
public final class GatewayBenchmark {

    private static final AtomicLong REFERENCES = new AtomicLong(10_000_000_003L);

    private GatewayBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = Files.createTempDirectory("loket-gateway-bench");
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults(dir.resolve("sandbox.db")))) {
            new SandboxAdmin(server.baseUri()).deposit(100_000_000_000_000L);
            HttpGateway gateway = new HttpGateway(GatewayConfig.of(server.baseUri(), SandboxOptions.DEFAULT_MERCHANT,
                    SandboxOptions.DEFAULT_SECRET));
            System.out.println("Loket gateway benchmark against the sandbox at " + server.baseUri() + ", "
                    + Runtime.getRuntime().availableProcessors() + " cores");
            pairs(gateway, 1, 3); // warm-up
            System.out.printf("%-34s %12s %10s %10s %8s%n", "inquiry+payment pairs", "pairs/s", "p50 ms", "p99 ms", "errors");
            for (int clients : new int[] {1, 8, 64}) {
                Result r = pairs(gateway, clients, seconds);
                System.out.printf("%-34s %12.1f %10.2f %10.2f %8d%n", clients + " concurrent client(s)",
                        r.perSecond, r.p50, r.p99, r.errors);
            }
            addedLatency(gateway, server.baseUri());
            burst(gateway, 200);
        }
    }

    private record Result(double perSecond, double p50, double p99, int errors) {}

    private static Result pairs(HttpGateway gateway, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger errors = new AtomicInteger();
        List<Future<List<Long>>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    if (pair(gateway)) {
                        latencies.add(System.nanoTime() - t0);
                    } else {
                        errors.incrementAndGet();
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : futures) {
            all.addAll(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(sorted.length / elapsed, percentile(sorted, 50), percentile(sorted, 99), errors.get());
    }

    private static boolean pair(HttpGateway gateway) {
        String reference = nextReference();
        GatewayResult<Inquiry> inquiry = gateway.inquire(new InquiryRequest("PLN_POSTPAID", reference, Optional.empty()));
        if (!(inquiry instanceof GatewayResult.Answer<Inquiry> bill)) {
            return false;
        }
        String clientRef = "BENCH-" + reference;
        GatewayResult<PaymentResult> paid = gateway.pay(new PaymentRequest(clientRef, bill.value().inquiryId(),
                bill.value().total(), PaymentMethod.CASH, Optional.empty()));
        return paid instanceof GatewayResult.Answer<PaymentResult> p && p.value().status() == PaymentResult.Status.SUCCESS;
    }

    /** Twelve digits, never ending in a scenario suffix (0000, 1111, 2222, 9999). */
    private static String nextReference() {
        while (true) {
            long n = REFERENCES.getAndAdd(7);
            String reference = String.format("5%011d", n % 100_000_000_000L);
            String tail = reference.substring(8);
            if (!tail.equals("0000") && !tail.equals("1111") && !tail.equals("2222") && !tail.equals("9999")) {
                return reference;
            }
        }
    }

    private static void addedLatency(HttpGateway gateway, URI base) throws Exception {
        int n = 3000;
        HttpClient bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest unsigned = HttpRequest.newBuilder(base.resolve("/v1/balance")).GET().build();
        for (int i = 0; i < 300; i++) {
            gateway.balance();
            bare.send(unsigned, HttpResponse.BodyHandlers.ofByteArray());
        }
        long[] signed = new long[n];
        long[] plain = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            gateway.balance().orThrow();
            long t1 = System.nanoTime();
            bare.send(unsigned, HttpResponse.BodyHandlers.ofByteArray());
            long t2 = System.nanoTime();
            signed[i] = t1 - t0;
            plain[i] = t2 - t1;
        }
        Arrays.sort(signed);
        Arrays.sort(plain);
        System.out.printf("%n%-46s %10s %10s%n", "per call, " + n + " calls each", "p50 ms", "p99 ms");
        System.out.printf("%-46s %10.3f %10.3f%n", "signed GET /v1/balance via HttpGateway", percentile(signed, 50), percentile(signed, 99));
        System.out.printf("%-46s %10.3f %10.3f%n", "bare unsigned GET /v1/balance (401)", percentile(plain, 50), percentile(plain, 99));
        System.out.printf("%-46s %10.3f%n", "difference at p50 (client + server auth work)", percentile(signed, 50) - percentile(plain, 50));
        System.out.printf("%-46s %10.3f%n", "client CPU only: sign + verify + parse", clientWorkMillis());
    }

    /** The client's own work on one call, without the network: sign a request, verify and parse an answer. */
    private static double clientWorkMillis() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        byte[] body = "{\"balance\":4850000,\"as_of\":\"2026-11-22T10:00:00+07:00\"}".getBytes(StandardCharsets.UTF_8);
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String signature = Signatures.signResponse("sandbox-secret", 200, ts, body);
        int n = 200_000;
        long sink = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String requestSignature = Signatures.signRequest("sandbox-secret", "GET", "/v1/balance", ts, new byte[0]);
            boolean ok = Signatures.matches(Signatures.signResponse("sandbox-secret", 200, ts, body), signature);
            sink += requestSignature.length() + (ok ? 1 : 0) + mapper.readTree(body).get("balance").asLong();
        }
        long t1 = System.nanoTime();
        if (sink == 42) {
            System.out.println();
        }
        return (t1 - t0) / 1e6 / n;
    }

    private static void burst(HttpGateway gateway, int concurrent) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrent);
        CountDownLatch ready = new CountDownLatch(concurrent);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < concurrent; i++) {
            futures.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                GatewayResult<Inquiry> r = gateway.inquire(
                        new InquiryRequest("PLN_POSTPAID", nextReference(), Optional.empty()));
                if (r instanceof GatewayResult.Answer<Inquiry>) {
                    ok.incrementAndGet();
                } else {
                    failures.add(r.toString());
                }
                return null;
            }));
        }
        ready.await();
        long t0 = System.nanoTime();
        go.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        pool.shutdown();
        System.out.printf("%n%d concurrent inquiries: %d succeeded, %d failed, all done in %.0f ms%n",
                concurrent, ok.get(), failures.size(), ms);
        failures.stream().limit(5).forEach(f -> System.out.println("  " + f));
    }

    private static double percentile(long[] sortedNanos, int p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }
}
