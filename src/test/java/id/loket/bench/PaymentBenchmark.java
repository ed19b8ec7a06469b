package id.loket.bench;

import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.DepositBalance;
import id.loket.testing.AllUpstreams;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.InquiryRequest;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.billing.SettlementSummary;
import id.loket.core.Biller;
import id.loket.core.Money;
import id.loket.core.PaymentState;
import id.loket.payment.Payment;
import id.loket.payment.PaymentTestBed;
import id.loket.testing.SandboxAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The app's own time per cash payment, gateway excluded (issue 4): {@code PaymentService.payCash} on a real
 * ledger file against the in-process sandbox with no faults, minus the time spent inside the gateway's
 * {@code pay} call. What remains is the counter's work: the guard check, committing the SENT row with its
 * PENDING entry, committing the SUCCESS with its POST_PENDING entry (two durable commits).
 * Run: {@code ./mvnw -q -B test-compile exec:java -Dexec.mainClass=id.loket.bench.PaymentBenchmark
 * -Dexec.classpathScope=test [-Dexec.args="N"]}
 */
public final class PaymentBenchmark {

    private PaymentBenchmark() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path dir = Files.createTempDirectory("loket-payment-bench");
        TimedGateway[] timed = new TimedGateway[1];
        try (PaymentTestBed bed = PaymentTestBed.in(dir).gateway(g -> {
            timed[0] = new TimedGateway(g);
            return timed[0];
        }).start()) {
            new SandboxAdmin(bed.sandboxUri()).deposit(100_000_000_000_000L);
            bed.openShift(0);
            Biller pln = bed.biller("PLN_POSTPAID");
            long[] app = new long[n];
            long[] total = new long[n];
            int warmup = Math.min(100, n / 5);
            for (int i = -warmup; i < n; i++) {
                String reference = reference(i + warmup);
                Inquiry bill = bed.inquire("PLN_POSTPAID", reference, Optional.empty());
                timed[0].reset();
                long t0 = System.nanoTime();
                Payment p = bed.payments().payCash(PaymentTestBed.CLERK, pln, bill, Money.of(10_000_000));
                long t1 = System.nanoTime();
                if (p.state() != PaymentState.SUCCESS) {
                    throw new IllegalStateException("Payment " + p.clientRef() + " ended " + p.state() + ": "
                            + p.failureReason().orElse(""));
                }
                if (i >= 0) {
                    total[i] = t1 - t0;
                    app[i] = total[i] - timed[0].spent();
                }
            }
            Arrays.sort(app);
            Arrays.sort(total);
            System.out.printf("Loket payment benchmark: %d cash payments (after %d warm-up), ledger in %s%n", n, warmup, dir);
            System.out.printf("%-44s %10s %10s%n", "", "p50 ms", "p99 ms");
            System.out.printf("%-44s %10.3f %10.3f%n", "payCash, whole", ms(total, 50), ms(total, 99));
            System.out.printf("%-44s %10.3f %10.3f%n", "payCash, the app's own time (gateway excluded)", ms(app, 50), ms(app, 99));
            bed.assertSound();
        }
    }

    /** Twelve digits ending in 3, so never one of the sandbox's scenario suffixes (0000, 1111, 2222, 9999). */
    private static String reference(int i) {
        return String.format("5%011d", 20_000_003L + i * 10L);
    }

    private static double ms(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    /** Adds up the time spent inside the gateway, so it can be taken out of the payment's time. */
    private static final class TimedGateway implements AllUpstreams {
        private final AllUpstreams delegate;
        private long spent;

        TimedGateway(AllUpstreams delegate) {
            this.delegate = delegate;
        }

        void reset() {
            spent = 0;
        }

        long spent() {
            return spent;
        }

        private <T> T timed(Supplier<T> call) {
            long t0 = System.nanoTime();
            try {
                return call.get();
            } finally {
                spent += System.nanoTime() - t0;
            }
        }

        @Override
        public GatewayResult<List<Biller>> billers() {
            return timed(delegate::billers);
        }

        @Override
        public GatewayResult<Inquiry> inquire(InquiryRequest request) {
            return timed(() -> delegate.inquire(request));
        }

        @Override
        public GatewayResult<PaymentResult> pay(PaymentRequest request) {
            return timed(() -> delegate.pay(request));
        }

        @Override
        public GatewayResult<PaymentResult> paymentStatus(String clientRef) {
            return timed(() -> delegate.paymentStatus(clientRef));
        }

        @Override
        public GatewayResult<PaymentResult> awaitPayment(String clientRef, int maxChecks) {
            return timed(() -> delegate.awaitPayment(clientRef, maxChecks));
        }

        @Override
        public GatewayResult<Charge> createCharge(ChargeRequest request) {
            return timed(() -> delegate.createCharge(request));
        }

        @Override
        public GatewayResult<Charge> charge(String chargeId) {
            return timed(() -> delegate.charge(chargeId));
        }

        @Override
        public GatewayResult<DepositBalance> balance() {
            return timed(delegate::balance);
        }

        @Override
        public GatewayResult<SettlementSummary> settlement(LocalDate day, Path csvFile) {
            return timed(() -> delegate.settlement(day, csvFile));
        }

        @Override
        public GatewayResult<OtpChallenge> requestOtp(String phone) {
            return timed(() -> delegate.requestOtp(phone));
        }

        @Override
        public GatewayResult<OtpVerification> verifyOtp(String otpId, String code) {
            return timed(() -> delegate.verifyOtp(otpId, code));
        }
    }
}
