package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.JournalRules;
import id.loket.journal.LedgerMaintenance;
import id.loket.journal.LedgerVerifier;
import id.loket.payment.Payment;
import id.loket.payment.PaymentTestBed;
import id.loket.reconcile.DayStatus;
import id.loket.reconcile.ItemKind;
import id.loket.reconcile.ReconciliationItem;
import id.loket.reconcile.RunResult;
import id.loket.reconcile.RunTrigger;
import id.loket.users.Operator;
import id.loket.users.PermissionDeniedException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Reconciliation page in the real window, over a real ledger and the sandbox gateway (which settles the day at
 * once): the owner runs today's reconciliation, cancels a slow run, finds the planted amount mismatch, filters it,
 * resolves it with a note, records the deposit top-up the deposit check asks for, runs again and signs the day off;
 * reports go to a recording desk. A clerk may resolve but not sign off, nor record top-ups.
 */
@ExtendWith(ApplicationExtension.class)
class ReconciliationViewTest {

    private static final KeyCodeCombination CTRL_6 = new KeyCodeCombination(KeyCode.DIGIT6, KeyCombination.CONTROL_DOWN);
    private static final KeyCodeCombination CTRL_R = new KeyCodeCombination(KeyCode.R, KeyCombination.CONTROL_DOWN);
    private static final KeyCodeCombination CTRL_ENTER = new KeyCodeCombination(KeyCode.ENTER,
            KeyCombination.CONTROL_DOWN);
    /** Generous: the gateway, the ledger and bcrypt on a busy build machine. */
    private static final long WAIT_SECONDS = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String OWNER_PASSWORD = "warung budi buka jam tujuh";
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    private final FakeReportDesk reports = new FakeReportDesk();
    /** Operators in a ledger of their own; the payments and the reconciliation are the bed's. */
    private final TestContexts shop = TestContexts.shop();
    private PaymentTestBed bed;
    private Payment paid;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    /** After {@code @Start}: payments over HTTP and bcrypt do not belong on the FX thread. */
    @BeforeEach
    void setUpTheDay() {
        bed = PaymentTestBed.in(dir).sandbox(o -> o.withSettleImmediately(true)).start();
        shop.ledgerIn(dir.resolve("operators"));
        shop.users().setUp("Toko Budi", "budi", "Budi Santoso", OWNER_PASSWORD);
        bed.openShift(500_000);
        paid = bed.plnBill().withChange(0).cash();
        bed.order("PDAM_BANDUNG", "1234567").cash();
        // The gateway will say the electricity bill was Rp 1 instead of what the ledger sent.
        bed.sandbox().post("/sandbox/discrepancies", "{\"kind\":\"amount\",\"client_ref\":\"" + paid.clientRef()
                + "\",\"amount\":1}");
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
        if (bed != null) {
            bed.close();
        }
        shop.ledger().close();
    }

    private void show(Access.SignedIn who) throws Exception {
        UiContext context = new UiContext(bed.settings(),
                new LedgerMaintenance(bed.ledger().journal(), bed.ledger().snapshots(),
                        new LedgerVerifier(JournalRules.standard())),
                bed.billing(), bed.payments(), bed.shifts(), (clientRef, reprint) -> new ReceiptDesk.Printout(
                        ReceiptDesk.Printout.Kind.PRINTED, "LoketPDF"), shop.users(), shop.audit(), shop.customers(),
                bed.reconciliation(), reports,
                bed.calendar(), who, new FakeAccess(), java.time.Duration.ZERO, background, "0.1.0-test",
                dir.toString(), TestContexts.NO_CONNECTION_TEST);
        WaitForAsyncUtils.asyncFx(() -> new MainWindow(context).show(stage)).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theOwnerRunsTodayResolvesTheMismatchRecordsTheTopUpAndSignsTheDayOff(FxRobot robot) throws Exception {
        show(new Access.SignedIn("budi", "Budi Santoso", true));
        LocalDate today = bed.calendar().today();
        String day = DAY.format(today);

        robot.push(CTRL_6);
        TableView<ReconciliationViewModel.DayRow> days = robot.lookup("#page-reconciliation #daysTable").queryTableView();
        waitUntil(() -> days.isFocused() && days.getItems().size() == ReconciliationViewModel.DAYS_SHOWN);
        // Yesterday is chosen at first: the day usually reconciled. Up goes to today.
        waitUntil(() -> days.getSelectionModel().getSelectedItem() != null
                && days.getSelectionModel().getSelectedItem().day().equals(today.minusDays(1)));
        robot.type(KeyCode.UP);
        awaitText(robot, "#dayHeading", t -> t.endsWith(day + " · Belum dijalankan"));
        assertThat(text(robot, "#dayInfo")).startsWith("Hari buku ini belum pernah direkonsiliasi");

        // A slow gateway: the window goes on answering, shows how far the run is, and the run can be stopped.
        bed.sandbox().fault("slow", "settlements", 4_000);
        robot.push(CTRL_R);
        waitUntil(() -> shown(robot, "#runProgress") && shown(robot, "#cancelButton"));
        assertThat(text(robot, "#runStage")).isEqualTo("Mengambil settlement dari gateway…");
        Screenshots.save(stage, "reconciliation-running");
        assertThat(text(robot, "#runMessage")).isEqualTo("Rekonsiliasi " + day + " berjalan…");
        assertThat(robot.lookup("#runButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("#cancelButton");
        awaitText(robot, "#runStage", t -> t.startsWith("Membatalkan…"));
        awaitText(robot, "#runMessage", t -> t.equals("Rekonsiliasi " + day
                + " dibatalkan; tidak ada yang disimpan."));
        assertThat(shown(robot, "#runProgress")).isFalse();
        assertThat(bed.reconciliation().runs(today)).as("a cancelled run writes nothing").isEmpty();

        robot.clickOn("#runButton");
        awaitText(robot, "#runMessage", t -> t.equals("Rekonsiliasi " + day + " selesai: 1 cocok, 2 selisih"
                + " perlu diperiksa, 2 belum diselesaikan."));
        TableView<ReconciliationItem> items = robot.lookup("#itemsTable").queryTableView();
        waitUntil(() -> items.getItems().size() == 2);
        assertThat(items.getItems()).extracting(ReconciliationItem::kind)
                .containsExactly(ItemKind.AMOUNT_MISMATCH, ItemKind.BALANCE_MISMATCH);
        awaitText(robot, "#dayHeading", t -> t.endsWith(day + " · Ada selisih terbuka"));
        assertThat(days.getItems().get(0).status()).isEqualTo(DayStatus.OPEN_ITEMS);
        assertThat(text(robot, "#counts")).contains("Cocok 1").contains("Selisih nominal 1")
                .contains("Selisih saldo deposit 1");

        // Only the amount mismatches, from the keyboard: open the filter, two down, Enter.
        ComboBox<ReconciliationViewModel.ItemFilter> filter = robot.lookup("#filterBox").queryComboBox();
        robot.clickOn(filter);
        robot.type(KeyCode.DOWN, 2);
        robot.type(KeyCode.ENTER);
        waitUntil(() -> items.getItems().size() == 1);
        assertThat(filter.getValue()).isEqualTo(ReconciliationViewModel.ItemFilter.of(ItemKind.AMOUNT_MISMATCH));
        assertThat(items.getItems().get(0).clientRef()).contains(paid.clientRef());

        robot.clickOn(paid.clientRef());
        awaitText(robot, "#itemDetail", t -> t.startsWith("Catatan #1 · Selisih nominal: The ledger sent bill"));
        robot.clickOn("#resolveButton");
        awaitText(robot, "#itemMessage", t -> t.equals("Tulis catatan: apa yang ditemukan dan apa yang dilakukan."));
        TextArea note = robot.lookup("#noteArea").queryAs(TextArea.class);
        assertThat(note.getPseudoClassStates()).as("the empty note is marked").contains(INVALID);
        robot.clickOn(note);
        robot.write("Gateway salah lapor nominal; dikonfirmasi CS gateway, tiket 4411");
        assertThat(note.getPseudoClassStates()).doesNotContain(INVALID);
        robot.push(CTRL_ENTER);
        awaitText(robot, "#itemMessage", t -> t.equals("Catatan #1 diselesaikan."));
        waitUntil(() -> items.getItems().size() == 1 && items.getItems().get(0).resolution().isPresent());
        assertThat(items.getItems().get(0).resolution().orElseThrow().operator()).isEqualTo("budi");
        assertThat(note.getText()).isEmpty();

        // The deposit: the sandbox's opening deposit was never recorded in Loket.
        robot.clickOn("Saldo deposit");
        waitUntil(() -> shown(robot, "#depositVerdict"));
        assertThat(text(robot, "#differenceValue")).isEqualTo("Rp 10.000.000");
        Screenshots.save(stage, "reconciliation-deposit");
        assertThat(text(robot, "#depositVerdict")).startsWith("Tidak cocok: gateway mencatat Rp 10.000.000 lebih banyak");
        robot.clickOn("#topUpAmountField");
        robot.write("10.000.000");
        robot.type(KeyCode.ENTER);
        robot.write("Setoran awal deposit");
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#topUpMessage", t -> t.equals("Top-up Rp 10.000.000 untuk " + day
                + " dicatat. Jalankan rekonsiliasi hari itu lagi."));

        robot.clickOn("#runButton");
        awaitText(robot, "#runMessage", t -> t.startsWith("Rekonsiliasi " + day + " diulang: 1 cocok, 1 selisih"
                + " perlu diperiksa, 0 belum diselesaikan. Berubah sejak run sebelumnya: "));
        awaitText(robot, "#depositVerdict", t -> t.equals("Cocok: saldo awal + mutasi = saldo akhir."));
        assertThat(text(robot, "#differenceValue")).isEqualTo("Rp 0");
        awaitText(robot, "#dayHeading", t -> t.endsWith(day + " · Siap ditandatangani"));

        robot.clickOn("Tanda tangan & laporan");
        Button signOff = robot.lookup("#signOffButton").queryButton();
        waitUntil(() -> !signOff.isDisabled());
        assertThat(text(robot, "#signOffHint")).isEqualTo("Semua selisih sudah diselesaikan: hasil ini siap"
                + " ditandatangani.");
        robot.clickOn("#signOffNoteField");
        robot.write("Diperiksa bersama Sari");
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#signOffMessage", t -> t.equals("Rekonsiliasi " + day + " ditandatangani oleh budi."));
        awaitText(robot, "#dayHeading", t -> t.endsWith(day + " · Sudah ditandatangani"));
        waitUntil(() -> days.getItems().get(0).status() == DayStatus.SIGNED_OFF);
        assertThat(text(robot, "#signOffHint")).startsWith("Ditandatangani oleh budi pada " + day)
                .endsWith(": Diperiksa bersama Sari");
        assertThat(signOff.isDisabled()).isTrue();
        assertThat(bed.reconciliation().day(today).status()).isEqualTo(DayStatus.SIGNED_OFF);

        Screenshots.save(stage, "reconciliation-signed-off");
    }

    @Test
    void theOwnerPrintsSavesAndExportsTheReportAndSetsTheTime(FxRobot robot) throws Exception {
        long runId = reconciledToday();
        show(new Access.SignedIn("budi", "Budi Santoso", true));
        robot.push(CTRL_6);
        robot.type(KeyCode.UP);
        TableView<ReconciliationItem> items = robot.lookup("#itemsTable").queryTableView();
        waitUntil(() -> items.getItems().size() == 2);
        Screenshots.save(stage, "reconciliation-items");

        robot.clickOn("Tanda tangan & laporan");
        assertThat(text(robot, "#signOffHint")).isEqualTo("Masih ada 2 selisih yang belum diselesaikan: selesaikan"
                + " masing-masing dengan catatan, lalu tandatangani.");
        assertThat(robot.lookup("#signOffButton").queryButton().isDisabled()).isTrue();
        robot.clickOn("#printButton");
        awaitText(robot, "#reportMessage", t -> t.equals("Laporan dicetak: LoketPDF"));
        // Enter presses the focused button.
        robot.type(KeyCode.TAB);
        assertThat(stage.getScene().getFocusOwner()).isSameAs(robot.lookup("#saveButton").query());
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#reportMessage", t -> t.equals("Laporan disimpan: /tmp/rekonsiliasi-" + runId + ".pdf"));
        robot.clickOn("#exportButton");
        awaitText(robot, "#reportMessage", t -> t.equals("Catatan diekspor: /tmp/rekonsiliasi-" + runId + ".csv"));
        assertThat(reports.calls).containsExactly("print reconciliation " + runId, "save reconciliation " + runId,
                "export " + runId);

        robot.clickOn("#scheduleField");
        robot.push(new KeyCodeCombination(KeyCode.A, KeyCombination.CONTROL_DOWN));
        robot.write("25:00");
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#scheduleProblem", t -> t.startsWith("Tulis jam seperti 23:30"));
        robot.push(new KeyCodeCombination(KeyCode.A, KeyCombination.CONTROL_DOWN));
        robot.write("23.30");
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#scheduleMessage", t -> t.equals("Rekonsiliasi berjalan setiap hari pukul 23:30 WIB."));
        assertThat(bed.settings().reconcileTime()).contains(LocalTime.of(23, 30));
    }

    @Test
    void aClerkResolvesButCannotSignOffNorRecordATopUp(FxRobot robot) throws Exception {
        long runId = reconciledToday();
        Operator owner = shop.users().find("budi").orElseThrow();
        String code = shop.users().registerClerk(owner, "ani", "Ani Setiawati").code();
        Operator ani = shop.users().activate("ani", code, "ani suka kopi tubruk pagi");
        ReconciliationItem balance = bed.reconciliation().items(runId).stream()
                .filter(i -> i.kind() == ItemKind.BALANCE_MISMATCH).findFirst().orElseThrow();
        bed.reconciliation().resolve(owner, runId, balance.lineNo(), "Setoran awal deposit, tercatat di buku bank");
        show(new Access.SignedIn("ani", "Ani Setiawati", false));

        robot.push(CTRL_6);
        robot.type(KeyCode.UP);
        TableView<ReconciliationItem> items = robot.lookup("#itemsTable").queryTableView();
        waitUntil(() -> items.getItems().size() == 2);
        robot.clickOn(paid.clientRef());
        robot.clickOn("#noteArea");
        robot.write("Dicek dengan struk: nominal benar di buku");
        robot.clickOn("#resolveButton");
        awaitText(robot, "#itemMessage", t -> t.equals("Catatan #1 diselesaikan."));
        awaitText(robot, "#dayHeading", t -> t.endsWith("Siap ditandatangani"));

        robot.clickOn("Tanda tangan & laporan");
        assertThat(robot.lookup("#signOffButton").queryButton().isDisabled()).isTrue();
        assertThat(text(robot, "#signOffHint")).isEqualTo("Hanya pemilik toko yang dapat menandatangani hasil"
                + " rekonsiliasi.");
        assertThat(shown(robot, "#scheduleBox")).isFalse();
        assertThat(shown(robot, "#ownerNote")).isTrue();
        robot.clickOn("Saldo deposit");
        assertThat(shown(robot, "#topUpBox")).isFalse();
        assertThat(text(robot, "#depositOwnerNote")).isEqualTo("Top-up deposit dicatat oleh pemilik toko.");
        // Not only hidden: the service refuses a clerk.
        assertThatThrownBy(() -> bed.reconciliation().signOff(ani, runId, ""))
                .isInstanceOf(PermissionDeniedException.class);
        assertThat(bed.reconciliation().day(bed.calendar().today()).status()).isEqualTo(DayStatus.READY);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Today reconciled through the service (not the screen): the amount mismatch and the unrecorded deposit. */
    private long reconciledToday() {
        RunResult result = bed.reconciliation().reconcile(bed.calendar().today(), RunTrigger.MANUAL,
                Optional.of("budi"));
        assertThat(result).isInstanceOf(RunResult.Reconciled.class);
        return ((RunResult.Reconciled) result).run().id();
    }

    private static boolean shown(FxRobot robot, String query) {
        Node node = robot.lookup("#page-reconciliation " + query).query();
        return node.isVisible();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup("#page-reconciliation " + query).queryAs(Label.class).getText();
    }

    /** Waits for the label's text to satisfy {@code test}; a timeout says what the label showed instead. */
    private static void awaitText(FxRobot robot, String query, Predicate<String> test) {
        try {
            waitUntil(() -> test.test(text(robot, query)));
        } catch (TimeoutException e) {
            throw new AssertionError(query + " never showed what was expected; it shows: " + text(robot, query), e);
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
