package id.loket.upstream.house;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.SettlementSummary;
import id.loket.core.Money;
import id.loket.upstream.house.StubGateway.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settlement file is trusted only when its own signature and the signed summary's file_sha256 both hold. */
class HttpGatewaySettlementTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    private static final byte[] CSV = """
            payment_id,client_ref,biller,reference,amount,admin_fee,status,paid_at
            pay_1,LKT-1,PLN_POSTPAID,512345678901,150000,2500,SUCCESS,2026-11-21T10:04:05+07:00
            pay_2,LKT-2,PDAM_BDG,1234567,85000,2000,FAILED,2026-11-21T11:00:00+07:00
            """.getBytes(StandardCharsets.UTF_8);

    private final StubGateway stub = StubGateway.start();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        stub.close();
    }

    private static String summary(LocalDate date, byte[] file) {
        return """
                {"date": "%s", "count": 2, "total_amount": 235000, "total_admin_fee": 4500,
                 "opening_balance": 5000000, "closing_balance": 4847500, "file_sha256": "%s"}
                """.formatted(date, Signatures.sha256Hex(file));
    }

    private GatewayResult<SettlementSummary> settle(Path csv) {
        return new HttpGateway(stub.config()).settlement(DAY, csv);
    }

    private void assertNothingLeftBehind(Path csv) throws IOException {
        assertThat(csv).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("no partial download is left").isEmpty();
        }
    }

    @Test
    void aVerifiedFileIsSavedAndTheSummaryRead() throws IOException {
        stub.on("GET", "/v1/settlements/2026-11-21", Reply.ok(summary(DAY, CSV)));
        stub.on("GET", "/v1/settlements/2026-11-21/file", Reply.bytes(200, CSV, "text/csv; charset=utf-8"));
        Path csv = dir.resolve("settlement-2026-11-21.csv");

        SettlementSummary summary = settle(csv).orThrow();

        assertThat(csv).hasBinaryContent(CSV);
        assertThat(summary.date()).isEqualTo(DAY);
        assertThat(summary.count()).isEqualTo(2);
        assertThat(summary.totalAmount()).isEqualTo(Money.of(235000));
        assertThat(summary.totalAdminFee()).isEqualTo(Money.of(4500));
        assertThat(summary.openingBalance()).isEqualTo(Money.of(5_000_000));
        assertThat(summary.closingBalance()).isEqualTo(Money.of(4_847_500));
        assertThat(summary.fileSha256()).isEqualTo(Signatures.sha256Hex(CSV));
        assertThat(stub.requestProblems()).isEmpty();
        assertThat(stub.requests().get(1).headers().get("Accept")).containsExactly("text/csv, application/json");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(csv);
        }
    }

    @Test
    void aFileThatDiffersFromTheSignedSummaryIsNoAnswerAndDeleted() throws IOException {
        byte[] tampered = StubGateway.flipOneByte(CSV, CSV.length - 20);
        stub.on("GET", "/v1/settlements/2026-11-21", Reply.ok(summary(DAY, CSV)));
        // Signed correctly over the tampered bytes: only the summary's file_sha256 can catch it.
        stub.on("GET", "/v1/settlements/2026-11-21/file", Reply.bytes(200, tampered, "text/csv"));
        Path csv = dir.resolve("settlement.csv");
        Files.writeString(csv, "an older download");

        GatewayResult<SettlementSummary> result = settle(csv);

        assertThat(result).isInstanceOf(GatewayResult.NoAnswer.class);
        assertThat(((GatewayResult.NoAnswer<SettlementSummary>) result).reason())
                .contains("does not match", Signatures.sha256Hex(tampered), Signatures.sha256Hex(CSV));
        assertNothingLeftBehind(csv);
    }

    @Test
    void aFileWhoseResponseSignatureIsWrongIsNoAnswerAndDeleted() throws IOException {
        stub.on("GET", "/v1/settlements/2026-11-21", Reply.ok(summary(DAY, CSV)));
        stub.on("GET", "/v1/settlements/2026-11-21/file",
                Reply.bytes(200, CSV, "text/csv").signed(Reply.Signing.WRONG));
        Path csv = dir.resolve("settlement.csv");

        GatewayResult<SettlementSummary> result = settle(csv);

        assertThat(((GatewayResult.NoAnswer<SettlementSummary>) result).reason()).contains("signature did not verify");
        assertNothingLeftBehind(csv);
    }

    @Test
    void aFileSwappedAfterSigningIsNoAnswer() throws IOException {
        byte[] tampered = StubGateway.flipOneByte(CSV, 100);
        stub.on("GET", "/v1/settlements/2026-11-21", Reply.ok(summary(DAY, CSV)));
        stub.on("GET", "/v1/settlements/2026-11-21/file",
                Reply.bytes(200, CSV, "text/csv").withBodySwappedAfterSigning(tampered));
        Path csv = dir.resolve("settlement.csv");

        assertThat(settle(csv)).isInstanceOf(GatewayResult.NoAnswer.class);
        assertNothingLeftBehind(csv);
    }

    @Test
    void aDayNotClosedIsRefused() throws IOException {
        stub.on("GET", "/v1/settlements/2026-11-21", Reply.error(425, "day_not_closed", "Hari belum ditutup"));
        Path csv = dir.resolve("settlement.csv");

        GatewayResult<SettlementSummary> result = settle(csv);

        assertThat(((GatewayResult.Refused<SettlementSummary>) result).error().is(GatewayError.DAY_NOT_CLOSED))
                .isTrue();
        assertNothingLeftBehind(csv);
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aFileRefusedAfterTheSummaryIsRefused() throws IOException {
        stub.on("GET", "/v1/settlements/2026-11-21", Reply.ok(summary(DAY, CSV)));
        stub.on("GET", "/v1/settlements/2026-11-21/file", Reply.error(425, "day_not_closed", "Belum"));
        Path csv = dir.resolve("settlement.csv");

        GatewayResult<SettlementSummary> result = settle(csv);

        assertThat(((GatewayResult.Refused<SettlementSummary>) result).error().code()).isEqualTo("day_not_closed");
        assertNothingLeftBehind(csv);
    }

    @Test
    void aSummaryOfAnotherDayIsNoAnswer() throws IOException {
        stub.on("GET", "/v1/settlements/2026-11-21", Reply.ok(summary(DAY.minusDays(1), CSV)));
        Path csv = dir.resolve("settlement.csv");

        assertThat(((GatewayResult.NoAnswer<SettlementSummary>) settle(csv)).reason()).contains("not of 2026-11-21");
        assertNothingLeftBehind(csv);
    }

    @Test
    void aFileThatNeverComesIsNoAnswer() throws IOException {
        stub.on("GET", "/v1/settlements/2026-11-21", Reply.ok(summary(DAY, CSV)));
        stub.on("GET", "/v1/settlements/2026-11-21/file", Reply.hang());
        Path csv = dir.resolve("settlement.csv");

        GatewayResult<SettlementSummary> result = new HttpGateway(
                stub.config().withReadTimeout(java.time.Duration.ofMillis(300))).settlement(DAY, csv);

        assertThat(result).isInstanceOf(GatewayResult.NoAnswer.class);
        assertNothingLeftBehind(csv);
    }
}
