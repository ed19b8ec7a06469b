package id.loket.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.upstream.house.HttpGateway;
import id.loket.upstream.house.Signatures;
import id.loket.upstream.house.StubGateway;
import id.loket.upstream.house.StubGateway.Reply;
import id.loket.journal.JournalService;
import id.loket.payment.PaymentTestBed;
import id.loket.users.AuditService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A settlement that cannot be trusted or read fails the run with its reason, leaves the ledger untouched, and the
 * next run tries again; a day the gateway has not closed is not due. Served by a signing stub over HTTP, read by
 * the real gateway client.
 */
class BadSettlementTest {

    private static final String HEADER = "payment_id,client_ref,biller,reference,amount,admin_fee,status,paid_at\n";

    @TempDir
    Path dir;

    private PaymentTestBed bed;
    private StubGateway stub;
    private ReconciliationService reconciliation;
    private LocalDate day;

    @BeforeEach
    void start() {
        bed = PaymentTestBed.in(dir).start();
        stub = StubGateway.start();
        reconciliation = new ReconciliationService(bed.ledger().reconciliation(), new HttpGateway(stub.config()),
                bed.payments(), new JournalService(bed.ledger().journal(), PaymentTestBed.RULES),
                new AuditService(bed.ledger().audit(), Clock.systemUTC()), bed.calendar(), dir.resolve("settlements"));
        day = bed.calendar().today().minusDays(1);
    }

    @AfterEach
    void stop() {
        stub.close();
        bed.close();
    }

    private String row(String ref, String amount, String status, String paidAt) {
        return "pay_" + ref + "," + ref + ",PLN_POSTPAID,512345678901," + amount + ",2500," + status + "," + paidAt
                + "\n";
    }

    private String noon() {
        return day + "T12:00:00+07:00";
    }

    /** Serves {@code csv} with a summary that binds {@code boundTo}'s hash and the given count and totals. */
    private void serve(String csv, String boundTo, long count, long total, long fees) {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        String summary = """
                {"date": "%s", "count": %d, "total_amount": %d, "total_admin_fee": %d,
                 "opening_balance": 1000000, "closing_balance": %d, "file_sha256": "%s"}
                """.formatted(day, count, total, fees, 1_000_000 - total - fees,
                Signatures.sha256Hex(boundTo.getBytes(StandardCharsets.UTF_8)));
        stub.on("GET", "/v1/settlements/" + day, Reply.ok(summary));
        stub.on("GET", "/v1/settlements/" + day + "/file", Reply.bytes(200, bytes, "text/csv"));
    }

    private void serve(String csv, long count, long total, long fees) {
        serve(csv, csv, count, total, fees);
    }

    private long journalEntries() {
        AtomicLong n = new AtomicLong();
        bed.ledger().journal().forEachEntry(e -> n.incrementAndGet());
        return n.get();
    }

    private String failure() {
        long entries = journalEntries();
        RunResult result = reconciliation.reconcile(day, RunTrigger.COMMAND, Optional.empty());
        assertThat(result).isInstanceOf(RunResult.Failed.class);
        assertThat(journalEntries()).as("the ledger is untouched").isEqualTo(entries);
        assertThat(reconciliation.day(day).status()).isEqualTo(DayStatus.FAILED);
        assertThat(reconciliation.dueDays()).as("the next run tries again").contains(day);
        RunResult.Failed failed = (RunResult.Failed) result;
        assertThat(reconciliation.items(failed.run().id())).isEmpty();
        return failed.reason();
    }

    @Test
    void aFileWhoseHashDiffersFromTheSignedSummaryFails() {
        String csv = HEADER + row("LKT-1", "150000", "SUCCESS", noon());
        serve(csv.replace("150000", "150001"), csv, 1, 150000, 2500);

        assertThat(failure()).contains("does not match");
    }

    @Test
    void aBadSignatureFails() {
        String csv = HEADER + row("LKT-1", "150000", "SUCCESS", noon());
        serve(csv, 1, 150000, 2500);
        stub.on("GET", "/v1/settlements/" + day + "/file", Reply.bytes(200, csv.getBytes(StandardCharsets.UTF_8),
                "text/csv").signed(Reply.Signing.WRONG));

        assertThat(failure()).contains("signature");
    }

    @Test
    void aMissingColumnFails() {
        String csv = "payment_id,client_ref,biller,reference,amount,status,paid_at\n"
                + "pay_1,LKT-1,PLN_POSTPAID,512345678901,150000,SUCCESS," + noon() + "\n";
        serve(csv, 1, 150000, 0);

        assertThat(failure()).contains("missing: admin_fee");
    }

    @Test
    void anExtraColumnFails() {
        String csv = HEADER.replace("\n", ",fee2\n") + row("LKT-1", "150000", "SUCCESS", noon()).replace("\n", ",1\n");
        serve(csv, 1, 150000, 2500);

        assertThat(failure()).contains("unexpected: fee2");
    }

    @Test
    void aRowWithTooFewCellsFails() {
        String csv = HEADER + "pay_1,LKT-1,PLN_POSTPAID,150000,2500,SUCCESS," + noon() + "\n";
        serve(csv, 1, 150000, 2500);

        assertThat(failure()).contains("Line 2", "7 columns");
    }

    @Test
    void aNonNumericAmountFails() {
        String csv = HEADER + row("LKT-1", "150.000", "SUCCESS", noon());
        serve(csv, 1, 150000, 2500);

        assertThat(failure()).contains("Line 2", "amount '150.000'");
    }

    @Test
    void duplicateRowsFail() {
        String csv = HEADER + row("LKT-1", "150000", "SUCCESS", noon()) + row("LKT-1", "150000", "SUCCESS", noon());
        serve(csv, 2, 300000, 5000);

        assertThat(failure()).contains("LKT-1 twice", "lines 2 and 3");
    }

    @Test
    void aRowOfAnotherDayFails() {
        String csv = HEADER + row("LKT-1", "150000", "SUCCESS", day.plusDays(1) + "T00:00:01+07:00");
        serve(csv, 1, 150000, 2500);

        assertThat(failure()).contains("another day");
    }

    @Test
    void anUnknownStatusFails() {
        String csv = HEADER + row("LKT-1", "150000", "PAID", noon());
        serve(csv, 1, 150000, 2500);

        assertThat(failure()).contains("status 'PAID'");
    }

    @Test
    void rowsThatDoNotAddUpToTheSummaryFail() {
        String csv = HEADER + row("LKT-1", "150000", "SUCCESS", noon());
        serve(csv, 1, 150001, 2500);

        assertThat(failure()).contains("add up to 150000");
    }

    @Test
    void theNextRunAfterAFailureTriesAgainAndReconciles() {
        String good = HEADER + row("LKT-1", "150000", "SUCCESS", noon());
        serve(good.replace("LKT-1,", "LKT-1,x,"), good, 1, 150000, 2500);
        failure();

        serve(good, 1, 150000, 2500);
        RunResult result = reconciliation.reconcile(day, RunTrigger.COMMAND, Optional.empty());

        RunResult.Reconciled run = (RunResult.Reconciled) result;
        assertThat(run.items()).extracting(ReconciliationItem::kind).contains(ItemKind.MISSING_IN_LEDGER);
        assertThat(run.items()).filteredOn(i -> i.kind() == ItemKind.MISSING_IN_LEDGER).singleElement()
                .satisfies(i -> {
                    assertThat(i.clientRef()).contains("LKT-1");
                    assertThat(i.biller()).contains("PLN_POSTPAID");
                    assertThat(i.reference()).contains("512345678901");
                    assertThat(i.detail()).contains("pay_LKT-1");
                });
        assertThat(reconciliation.dueDays()).doesNotContain(day);
    }

    @Test
    void aDayNotClosedIsNotDueAndNothingIsStored() {
        stub.on("GET", "/v1/settlements/" + day, Reply.error(425, "day_not_closed", "Hari belum ditutup"));

        RunResult result = reconciliation.reconcile(day, RunTrigger.SCHEDULE, Optional.empty());

        assertThat(result).isInstanceOf(RunResult.NotDue.class);
        assertThat(reconciliation.runs(day)).isEmpty();
        assertThat(reconciliation.day(day).status()).isEqualTo(DayStatus.NOT_RUN);
    }
}
