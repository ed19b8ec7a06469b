package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.cli.LoketCommand;
import id.loket.core.BusinessCalendar;
import id.loket.upstream.fonnte.sim.FonnteFault;
import id.loket.upstream.fonnte.sim.FonnteSimulator;
import id.loket.upstream.fonnte.sim.FonnteSimulatorOptions;
import id.loket.upstream.fonnte.sim.SentMessage;
import id.loket.upstream.midtrans.sim.MidtransFault;
import id.loket.upstream.midtrans.sim.MidtransSimulator;
import id.loket.upstream.midtrans.sim.MidtransSimulatorOptions;
import id.loket.upstream.midtrans.sim.SimulatedCharge;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import picocli.CommandLine;

/**
 * Non-cash money on the command line, end to end through the real composition root, in this JVM: the customer's
 * money through the {@link MidtransSimulator} (QRIS, a BCA virtual account, a Mandiri bill), the shop's own static
 * QRIS confirmed by the clerk, and receipts sent to WhatsApp through the {@link FonnteSimulator}. The biller network is
 * the embedded house sandbox (its state in {@code sandbox.db} of the data directory), the PLN postpaid test bill
 * {@value #REFERENCE}.
 *
 * <p>"The customer pays while the counter waits": {@code loket pay} runs on a thread of its own; this thread waits
 * (a {@link ScheduledExecutorService} probing the simulator, never a sleep) until the simulator holds the order, then
 * settles it.
 */
class NonCashCommandLineTest {

    private static final String OWNER_PASSWORD = CommandLineTest.OWNER_PASSWORD;
    private static final String BILLER = "PLN_POSTPAID";
    private static final String REFERENCE = "512345678901";
    /** A real-world static QRIS (research vector): Warung Sayur Bu Sugeng, Kab. Demak, CRC 58C7. */
    static final String STATIC_QRIS = "00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI"
            + "51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng"
            + "6010Kab. Demak610559567630458C7";
    private static final String PHONE = "081234567890";
    private static final String DIALLED = "6281234567890";
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private MidtransSimulator midtrans;
    private FonnteSimulator fonnte;
    private final Map<String, String> env = new HashMap<>();
    private final AtomicInteger qrImages = new AtomicInteger();
    private final ExecutorService counter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "loket-pay");
        t.setDaemon(true);
        return t;
    });

    /** One run of the command line: its exit code and what it printed. */
    private record Run(int code, String out, String err) {

        /** The JSON documents printed one after the other (a charge event, then the payment). */
        List<JsonNode> documents() {
            try (MappingIterator<JsonNode> docs = JSON.readerFor(JsonNode.class).readValues(out)) {
                return docs.readAll();
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out, e);
            }
        }

        JsonNode json() {
            List<JsonNode> docs = documents();
            assertThat(docs).as(out).isNotEmpty();
            return docs.get(docs.size() - 1);
        }

        @Override
        public String toString() {
            return "exit " + code + "\nout: " + out + "\nerr: " + err;
        }
    }

    @BeforeEach
    void startTheSimulators() {
        midtrans = MidtransSimulator.start(MidtransSimulatorOptions.defaults());
        fonnte = FonnteSimulator.start(FonnteSimulatorOptions.defaults());
        env.put("LOKET_HOME", tmp.resolve("home").toString());
        env.put("LOKET_PAYMENT_GATEWAY", "midtrans");
        env.put("LOKET_MIDTRANS_URL", midtrans.baseUri().toString());
        env.put("LOKET_MIDTRANS_SERVER_KEY", MidtransSimulatorOptions.DEFAULT_SERVER_KEY);
        env.put("LOKET_MESSENGER", "fonnte");
        env.put("LOKET_FONNTE_URL", fonnte.baseUri().toString());
        env.put("LOKET_FONNTE_TOKEN", FonnteSimulatorOptions.DEFAULT_TOKEN);
    }

    @AfterEach
    void stopTheSimulators() {
        counter.shutdownNow();
        if (midtrans != null) {
            midtrans.close();
        }
        if (fonnte != null) {
            fonnte.close();
        }
    }

    // ---- the tests ---------------------------------------------------------------------------------------------

    @Test
    void qrisIsShownThenPaidAtMidtransAndTheBillIsPaid() throws Exception {
        initAndOpenShift();
        Path png = tmp.resolve("qris.png");
        Future<Run> pay = counter.submit(() -> owner("pay", "--biller", BILLER, "--ref", REFERENCE, "--method",
                "QRIS", "--wait", "60", "--qr-png", png.toString(), "--no-print", "--json"));

        SimulatedCharge charge = awaitOrder(pay);
        assertThat(charge.paymentType()).isEqualTo("qris");
        midtrans.settle(charge.orderId());
        Run paid = pay.get(LIMIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(paid.code()).as(paid.toString()).isEqualTo(LoketCommand.OK);
        List<JsonNode> docs = paid.documents();
        assertThat(docs).hasSize(2);
        JsonNode shown = docs.get(0);
        assertThat(shown.get("event").asText()).isEqualTo("charge");
        assertThat(shown.get("channel").asText()).isEqualTo("QRIS");
        assertThat(shown.get("qr_string").asText()).startsWith("000201");
        assertThat(Path.of(shown.get("qr_png").asText())).isEqualTo(png).exists();
        assertThat(Files.readAllBytes(png)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        JsonNode payment = docs.get(1);
        String clientRef = payment.get("client_ref").asText();
        assertThat(shown.get("client_ref").asText()).isEqualTo(clientRef);
        assertThat(payment.get("state").asText()).isEqualTo("SUCCESS");
        assertThat(payment.get("method").asText()).isEqualTo("QRIS");
        assertThat(shown.get("amount").asLong()).isEqualTo(charge.grossAmount());

        JsonNode listed = onlyPayment();
        assertThat(listed.get("client_ref").asText()).isEqualTo(clientRef);
        assertThat(listed.get("state").asText()).isEqualTo("SUCCESS");
        assertThat(listed.get("method").asText()).isEqualTo("QRIS");
        assertThat(midtrans.charges()).as("one order at Midtrans").singleElement().satisfies(c -> {
            assertThat(c.orderId()).isEqualTo(clientRef);
            assertThat(c.transactionStatus()).isEqualTo("settlement");
        });
        assertThat(sandboxPayments()).as("the house sandbox paid the bill once").containsExactly(
                clientRef + " SUCCESS");
        assertThat(run("", "verify").code()).isZero();
    }

    @Test
    void aVirtualAccountNobodyPaysIsCancelledAtMidtransAndNothingIsPaid() {
        initAndOpenShift();
        Run waited = owner("pay", "--biller", BILLER, "--ref", REFERENCE, "--method", "VA_BCA", "--wait", "1",
                "--no-print", "--json");

        assertThat(waited.code()).as(waited.toString()).isEqualTo(LoketCommand.PENDING);
        List<JsonNode> docs = waited.documents();
        assertThat(docs.get(0).get("event").asText()).isEqualTo("charge");
        assertThat(docs.get(0).get("va_number").asText()).matches("\\d{8,20}");
        JsonNode ended = docs.get(docs.size() - 1);
        assertThat(ended.get("event").asText()).isEqualTo("ended");
        assertThat(ended.get("state").asText()).isEqualTo("CANCELLED");
        assertThat(ended.get("message").asText()).contains("cancelled", "nothing was paid");
        String clientRef = ended.get("client_ref").asText();
        assertThat(midtrans.charges()).singleElement().satisfies(c -> {
            assertThat(c.orderId()).isEqualTo(clientRef);
            assertThat(c.paymentType()).isEqualTo("bank_transfer");
            assertThat(c.transactionStatus()).isEqualTo("cancel");
        });
        // Withdrawn for good: Midtrans takes no money for a cancelled charge (hence the HTTP 500 drill of
        // aChargePaidAfterTheCounterCancelledItIsReconciledAsARefundDue).
        assertThatThrownBy(() -> midtrans.settle(clientRef)).isInstanceOf(IllegalStateException.class);

        Run charges = owner("charges", "--json");
        assertThat(charges.code()).as(charges.toString()).isZero();
        JsonNode list = charges.json();
        assertThat(list.get("business_day").asText()).isEqualTo(today());
        assertThat(list.get("charges")).singleElement().satisfies(c -> {
            assertThat(c.get("client_ref").asText()).isEqualTo(clientRef);
            assertThat(c.get("state").asText()).isEqualTo("CANCELLED");
            assertThat(c.get("channel").asText()).isEqualTo("VA_BCA");
            assertThat(c.get("refund_due").asBoolean()).isFalse();
        });
        assertThat(sandboxPayments()).as("nothing paid at the house sandbox").isEmpty();
    }

    @Test
    void aMandiriBillShowsItsBillerCodeAndBillKey() {
        initAndOpenShift();
        Run waited = owner("pay", "--biller", BILLER, "--ref", REFERENCE, "--method", "MANDIRI_BILL", "--wait", "1",
                "--no-print");

        assertThat(waited.code()).as(waited.toString()).isEqualTo(LoketCommand.PENDING);
        assertThat(waited.out()).containsPattern("Biller code\\s+70012\\R").containsPattern("Bill key\\s+\\d{6,}\\R")
                .contains("MANDIRI_BILL", "nothing was paid");
        assertThat(midtrans.charges()).singleElement().satisfies(c -> {
            assertThat(c.paymentType()).isEqualTo("echannel");
            assertThat(c.transactionStatus()).isEqualTo("cancel");
        });
    }

    @Test
    void theShopsStaticQrisIsPaidOnlyOnTheClerksYes() {
        env.put("LOKET_STATIC_QRIS", STATIC_QRIS);
        initAndOpenShift();

        Run notConfirmed = as(OWNER_PASSWORD + "\n", "pay", "--biller", BILLER, "--ref", REFERENCE, "--method",
                "STATIC_QRIS", "--no-print", "--qr-png", qrPng());
        assertThat(notConfirmed.code()).as(notConfirmed.toString()).isEqualTo(LoketCommand.PENDING);
        assertThat(notConfirmed.out()).contains("Warung Sayur Bu Sugeng", "Type 'ya'", "Not confirmed: nothing was"
                + " paid");
        assertThat(payments()).as("nothing paid, nothing written").isEmpty();
        assertThat(sandboxPayments()).isEmpty();

        Run confirmed = as(OWNER_PASSWORD + "\nya\n", "pay", "--biller", BILLER, "--ref", REFERENCE, "--method",
                "STATIC_QRIS", "--no-print", "--qr-png", qrPng(), "--json");
        assertThat(confirmed.code()).as(confirmed.toString()).isEqualTo(LoketCommand.OK);
        List<JsonNode> docs = confirmed.documents();
        assertThat(docs).hasSize(2);
        JsonNode shown = docs.get(0);
        assertThat(shown.get("event").asText()).isEqualTo("static_qris");
        assertThat(shown.get("merchant").asText()).isEqualTo("Warung Sayur Bu Sugeng");
        String amount = Long.toString(shown.get("amount").asLong());
        assertThat(shown.get("qr_string").asText()).as("dynamic (12), with the amount in tag 54")
                .startsWith("000201010212").contains(String.format(Locale.ROOT, "54%02d%s", amount.length(), amount));
        assertThat(Path.of(shown.get("qr_png").asText())).exists();
        JsonNode payment = docs.get(1);
        assertThat(payment.get("state").asText()).isEqualTo("SUCCESS");
        assertThat(payment.get("method").asText()).isEqualTo("STATIC_QRIS");
        assertThat(payment.get("total").asLong()).isEqualTo(shown.get("amount").asLong());
        assertThat(onlyPayment().get("method").asText()).isEqualTo("STATIC_QRIS");
        assertThat(midtrans.charges()).as("no gateway takes the shop's own QRIS").isEmpty();

        Run charges = owner("charges", "--json");
        assertThat(charges.json().get("charges")).singleElement().satisfies(c -> {
            assertThat(c.get("state").asText()).isEqualTo("SUCCESS");
            assertThat(c.get("channel").asText()).isEqualTo("STATIC_QRIS");
        });
    }

    /**
     * {@code --json} is machine-readable output: {@code pay --method STATIC_QRIS --json} prints JSON documents only
     * (the prompt is a field of the shown QRIS; "not confirmed" an event), as a gateway charge's wait does.
     */
    @Test
    void aStaticQrisPaymentInJsonPrintsOnlyJson() {
        env.put("LOKET_STATIC_QRIS", STATIC_QRIS);
        initAndOpenShift();

        Run notConfirmed = as(OWNER_PASSWORD + "\n", "pay", "--biller", BILLER, "--ref", REFERENCE, "--method",
                "STATIC_QRIS", "--no-print", "--qr-png", qrPng(), "--json");
        assertThat(notConfirmed.code()).as(notConfirmed.toString()).isEqualTo(LoketCommand.PENDING);
        assertThatCode(notConfirmed::documents).as(notConfirmed.out()).doesNotThrowAnyException();

        Run confirmed = as(OWNER_PASSWORD + "\nya\n", "pay", "--biller", BILLER, "--ref", REFERENCE, "--method",
                "STATIC_QRIS", "--no-print", "--qr-png", qrPng(), "--json");
        assertThat(confirmed.code()).as(confirmed.toString()).isEqualTo(LoketCommand.OK);
        assertThatCode(confirmed::documents).as(confirmed.out()).doesNotThrowAnyException();
        assertThat(confirmed.documents()).hasSize(2);
    }

    @Test
    void withoutAStaticQrisTheErrorNamesTheSetting() {
        initAndOpenShift();
        Run refused = as(OWNER_PASSWORD + "\nya\n", "pay", "--biller", BILLER, "--ref", REFERENCE, "--method",
                "STATIC_QRIS", "--no-print");

        assertThat(refused.code()).as(refused.toString()).isEqualTo(LoketCommand.ERROR);
        assertThat(refused.err()).contains("LOKET_STATIC_QRIS", "no static QRIS");
        assertThat(payments()).isEmpty();

        Run qris = run("", "qris", "--amount", "10000");
        assertThat(qris.code()).isEqualTo(LoketCommand.ERROR);
        assertThat(qris.err()).contains("LOKET_STATIC_QRIS");
    }

    @Test
    void theStaticQrisMadeDynamicForAnAmountEndsWithItsResearchCrc() {
        env.put("LOKET_STATIC_QRIS", STATIC_QRIS);
        Path png = tmp.resolve("10000.png");
        Run qris = run("", "qris", "--amount", "10000", "--png", png.toString());

        assertThat(qris.code()).as(qris.toString()).isZero();
        String payload = qris.out().lines().findFirst().orElseThrow();
        assertThat(payload).startsWith("000201010212").contains("540510000").endsWith("6304460E");
        assertThat(qris.out()).contains("Warung Sayur Bu Sugeng", "...").contains(png.toString());
        assertThat(png).exists();

        Run json = run("", "qris", "--amount", "10000", "--json", "--png", qrPng());
        assertThat(json.code()).as(json.toString()).isZero();
        assertThat(json.json().get("payload").asText()).isEqualTo(payload);
        assertThat(json.json().get("crc").asText()).isEqualTo("460E");
        assertThat(json.json().get("amount").asLong()).isEqualTo(10_000);
    }

    @Test
    void aReceiptIsSentByWhatsAppOrGivenAsAWaMeLink() {
        env.put("LOKET_STATIC_QRIS", STATIC_QRIS);
        initAndOpenShift();
        Run paid = owner("pay", "--biller", BILLER, "--ref", REFERENCE, "--method", "STATIC_QRIS", "--confirm",
                "--no-print", "--qr-png", qrPng(), "--json");
        assertThat(paid.code()).as(paid.toString()).isZero();
        String clientRef = paid.json().get("client_ref").asText();
        long total = paid.json().get("total").asLong();
        String printedTotal = String.format(Locale.ROOT, "%,d", total).replace(',', '.');

        Run sent = owner("receipt", "--ref", clientRef, "--send-to", PHONE);
        assertThat(sent.code()).as(sent.toString()).isZero();
        assertThat(sent.out()).contains("sent to " + PHONE);
        assertThat(fonnte.messages()).singleElement().satisfies(m -> {
            assertThat(m.target()).isEqualTo(DIALLED);
            assertThat(m.message()).contains(printedTotal, clientRef);
        });
        assertThat(fonnte.lastMessageTo(PHONE)).map(SentMessage::target).contains(DIALLED);

        fonnte.armFault(FonnteFault.reason("insufficient quota"));
        Run refused = owner("receipt", "--ref", clientRef, "--send-to", PHONE);
        assertThat(refused.code()).as(refused.toString()).isEqualTo(LoketCommand.FAILED);
        assertThat(refused.out()).contains("NOT sent", "insufficient quota",
                "https://wa.me/" + DIALLED + "?text=");
        assertThat(fonnte.messages()).as("nothing more was sent").hasSize(1);
    }

    @Test
    void aChargePaidAfterTheCounterCancelledItIsReconciledAsARefundDue() throws Exception {
        env.put("LOKET_SANDBOX_SETTLE_TODAY", "true");
        initAndOpenShift();
        // One QRIS paid while the counter waits.
        Future<Run> pay = counter.submit(() -> owner("pay", "--biller", BILLER, "--ref", REFERENCE, "--method",
                "QRIS", "--wait", "60", "--no-print", "--qr-png", qrPng(), "--json"));
        SimulatedCharge first = awaitOrder(pay);
        midtrans.settle(first.orderId());
        Run paid = pay.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(paid.code()).as(paid.toString()).isZero();
        String paidRef = paid.json().get("client_ref").asText();

        // One the counter gave up on whose withdrawal Midtrans did not confirm (its cancel answered HTTP 500,
        // nothing cancelled): the customer pays it after the command returned.
        midtrans.armFault(MidtransFault.http500().on(MidtransFault.Endpoint.CANCEL).times(5));
        Run gaveUp = owner("pay", "--biller", "PDAM_BANDUNG", "--ref", "1234567", "--method", "QRIS", "--wait", "1",
                "--no-print", "--qr-png", qrPng(), "--json");
        midtrans.clearFaults();
        assertThat(gaveUp.code()).as(gaveUp.toString()).isEqualTo(LoketCommand.PENDING);
        JsonNode ended = gaveUp.json();
        assertThat(ended.get("state").asText()).isEqualTo("CANCELLED");
        String lateRef = ended.get("client_ref").asText();
        assertThat(midtrans.settle(lateRef).transactionStatus()).isEqualTo("settlement");

        Run reconciled = run("", "reconcile", "--date", today(), "--json");
        assertThat(reconciled.code()).as(reconciled.toString()).isZero();
        JsonNode doc = reconciled.json();
        assertThat(doc.get("status").asText()).isEqualTo("RECONCILED");
        assertThat(doc.get("matched").asLong()).as("the paid bill matches the settlement").isEqualTo(1);
        List<JsonNode> items = new ArrayList<>();
        doc.get("items").forEach(items::add);
        assertThat(items).filteredOn(i -> i.get("kind").asText().equals("REFUND_DUE")).singleElement()
                .satisfies(i -> {
                    assertThat(i.get("client_ref").asText()).isEqualTo(lateRef);
                    assertThat(i.get("gateway_status").asText()).isEqualTo("PAID");
                    assertThat(i.get("open").asBoolean()).isTrue();
                    assertThat(i.get("detail").asText()).contains("refund due");
                });
        assertThat(items).as("the paid QRIS is no problem").noneMatch(i -> paidRef.equals(i.path("client_ref")
                .asText(null)));
        assertThat(sandboxPayments()).containsExactly(paidRef + " SUCCESS");

        Run charges = owner("charges", "--json");
        assertThat(charges.json().get("charges")).anySatisfy(c -> {
            assertThat(c.get("client_ref").asText()).isEqualTo(lateRef);
            assertThat(c.get("refund_due").asBoolean()).isTrue();
        });
        Run text = run("", "reconcile", "--date", today());
        assertThat(text.code()).as(text.toString()).isZero();
        assertThat(text.out()).contains("REFUND_DUE: 1", "- REFUND_DUE " + lateRef, "no change")
                .doesNotContain(paidRef);
        assertThat(run("", "verify").code()).isZero();
    }

    @Test
    void aWrongServerKeyIsNamedAndNothingIsCharged() {
        env.put("LOKET_MIDTRANS_SERVER_KEY", "SB-Mid-server-wrong");
        initAndOpenShift();
        Run refused = owner("pay", "--biller", BILLER, "--ref", REFERENCE, "--method", "QRIS", "--wait", "5",
                "--no-print");

        // Refused before any money was taken: an error (exit 1), not a failed payment (2) or a wait (3).
        assertThat(refused.code()).as(refused.toString()).isEqualTo(LoketCommand.ERROR);
        assertThat(refused.err()).containsIgnoringCase("server key").contains("nothing was charged")
                .doesNotContain("SB-Mid-server-wrong");
        assertThat(refused.out()).doesNotContain("QR payload");
        assertThat(midtrans.charges()).as("nothing charged at Midtrans").isEmpty();
        assertThat(sandboxPayments()).isEmpty();
        assertThat(payments()).allSatisfy(p -> assertThat(p.get("state").asText()).isEqualTo("CANCELLED"));
    }

    // ---- running the command line ------------------------------------------------------------------------------

    private Run run(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AppBackend backend = new AppBackend(Map.copyOf(env), "Linux", tmp.toString(), Clock.systemUTC());
        CommandLine cli = LoketCommand.commandLine(backend,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** As the owner sari, {@code stdin} holding the password (and whatever the command reads after it). */
    private Run as(String stdin, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--user";
        all[1] = "sari";
        all[2] = "--password-stdin";
        System.arraycopy(args, 0, all, 3, args.length);
        return run(stdin, all);
    }

    private Run owner(String... args) {
        return as(OWNER_PASSWORD + "\n", args);
    }

    private void initAndOpenShift() {
        Run init = run(OWNER_PASSWORD + "\n", "init", "--shop-name", "Toko Sari", "--owner", "sari",
                "--password-stdin");
        assertThat(init.code()).as(init.toString()).isZero();
        Run shift = owner("shift", "open", "--float", "200000");
        assertThat(shift.code()).as(shift.toString()).isZero();
    }

    private List<JsonNode> payments() {
        Run listed = owner("payments", "--json");
        assertThat(listed.code()).as(listed.toString()).isZero();
        List<JsonNode> all = new ArrayList<>();
        listed.json().get("payments").forEach(all::add);
        return all;
    }

    private JsonNode onlyPayment() {
        List<JsonNode> all = payments();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /** A new file for a QR image in this test's folder (the commands' default is a temp file left behind). */
    private String qrPng() {
        return tmp.resolve("qr-" + qrImages.incrementAndGet() + ".png").toString();
    }

    private static String today() {
        return LocalDate.now(BusinessCalendar.WIB).toString();
    }

    /** The payments the embedded house sandbox holds, as "client_ref STATUS". */
    private List<String> sandboxPayments() {
        return sandboxPayments(tmp.resolve("home/sandbox.db"));
    }

    static List<String> sandboxPayments(Path sandboxDb) {
        if (!Files.exists(sandboxDb)) {
            return List.of();
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5_000);
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sandboxDb, config.toProperties());
                PreparedStatement s = c.prepareStatement("SELECT client_ref, status FROM payments ORDER BY created_at");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** The order {@code loket pay} charged at Midtrans, once the simulator holds it; fails if the command ends first. */
    private SimulatedCharge awaitOrder(Future<Run> pay) {
        return awaitValue(LIMIT, () -> {
            if (pay.isDone()) {
                throw new AssertionError("loket pay ended before its charge was seen: " + result(pay));
            }
            return midtrans.charges().stream().filter(c -> c.transactionStatus().equals("pending")).findFirst();
        });
    }

    private static Object result(Future<Run> pay) {
        try {
            return pay.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /**
     * What {@code probe} finds, probed every 50 ms on a scheduler thread until it finds something or {@code limit}
     * passes (this thread waits on a future meanwhile). An exception from the probe ends the wait with it.
     */
    static <T> T awaitValue(Duration limit, Supplier<Optional<T>> probe) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "await-probe");
            t.setDaemon(true);
            return t;
        });
        CompletableFuture<T> found = new CompletableFuture<>();
        try {
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    probe.get().ifPresent(found::complete);
                } catch (RuntimeException | AssertionError e) {
                    found.completeExceptionally(e);
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            return found.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not within " + limit, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
