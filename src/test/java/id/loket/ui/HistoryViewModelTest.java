package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.PaymentState;
import id.loket.payment.Payment;
import id.loket.payment.PaymentService;
import id.loket.payment.PaymentStore;
import id.loket.payment.PaymentTestBed;
import id.loket.settings.SettingsService;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The History screen's view model over real services: a real ledger and the sandbox gateway make the payments
 * (paid, failed, pending), the search reads them back; the receipt desk is a fake that records what it was asked.
 */
class HistoryViewModelTest {

    private static final ResourceBundle INDONESIAN = Bundles.load(SettingsService.INDONESIAN);
    private static final ResourceBundle ENGLISH = Bundles.load(SettingsService.ENGLISH);

    @TempDir
    Path dir;

    private PaymentTestBed bed;
    private CounterSession session;
    private final List<String> printed = new ArrayList<>();
    private ReceiptDesk.Printout nextPrintout = new ReceiptDesk.Printout(ReceiptDesk.Printout.Kind.PRINTED, "Kasir-58");
    private RuntimeException printerBreaks;
    private final ReceiptDesk desk = (clientRef, reprint) -> {
        printed.add(clientRef + (reprint ? " reprint" : " original"));
        if (printerBreaks != null) {
            throw printerBreaks;
        }
        return nextPrintout;
    };
    private int backgroundTasks;
    private final Executor background = task -> {
        backgroundTasks++;
        task.run();
    };

    @BeforeEach
    void openTheCounter() {
        bed = PaymentTestBed.in(dir).start();
        bed.openShift(500_000);
        session = new CounterSession(PaymentTestBed.CLERK, bed.shifts(), Runnable::run, Runnable::run);
    }

    @AfterEach
    void close() {
        bed.close();
    }

    private HistoryViewModel history() {
        return history(HistoryViewModel.DEFAULT_LIMIT);
    }

    private HistoryViewModel history(int limit) {
        return new HistoryViewModel(bed.payments(), desk, bed.calendar(), session, background, Runnable::run, limit);
    }

    private Payment paid() {
        return bed.plnBill().withChange(7_500).cash();
    }

    private Payment failed() {
        return bed.order("PLN_POSTPAID", "512345672222").cash();
    }

    private Payment pending() {
        return bed.order("PLN_POSTPAID", "512345671111").cash();
    }

    @Test
    void showingThePageSearchesTodayNewestFirstWithTheCountAndTheSumOfTheSuccessfulOnes() {
        Payment paid = paid();
        Payment failed = failed();
        Payment pending = pending();
        Payment water = bed.order("PDAM_BANDUNG", "12345678").cash();
        assertThat(List.of(paid.state(), failed.state(), pending.state(), water.state())).containsExactly(
                PaymentState.SUCCESS, PaymentState.FAILED, PaymentState.SUSPECT, PaymentState.SUCCESS);
        HistoryViewModel history = history();

        assertThat(history.fromDay().get()).isEqualTo(bed.calendar().today());
        assertThat(history.toDay().get()).isEqualTo(bed.calendar().today());
        history.pageShown();

        assertThat(history.rows()).extracting(HistoryViewModel.Row::clientRef).containsExactly(
                water.clientRef(), pending.clientRef(), failed.clientRef(), paid.clientRef());
        assertThat(history.rows()).extracting(HistoryViewModel.Row::time).allMatch(t -> t.matches("\\d{2}:\\d{2}"));
        Money successful = paid.total().plus(water.total());
        assertThat(history.summary().get()).isEqualTo(Message.of("history.summary", 4L, 2L, successful.rupiah()));
        assertThat(history.summary().get().in(INDONESIAN)).isEqualTo("4 pembayaran · 2 berhasil, jumlah "
                + successful.format(SettingsService.INDONESIAN));
        assertThat(history.summary().get().in(ENGLISH)).isEqualTo("4 payments · 2 successful, totalling "
                + successful.format(SettingsService.ENGLISH));
        assertThat(history.notice().get()).isEqualTo(Message.NONE);
        assertThat(history.error().get()).isEqualTo(Message.NONE);
        assertThat(history.searching().get()).isFalse();
    }

    @Test
    void theFiltersNarrowTheSearchByStateMethodAndReference() {
        Payment paid = paid();
        Payment failed = failed();
        Payment card = bed.order("TELKOM", "021234567890").debitCard("A1B2C3");
        HistoryViewModel history = history();

        history.state().set(Optional.of(PaymentState.SUCCESS));
        history.search();
        assertThat(refs(history)).containsExactly(card.clientRef(), paid.clientRef());

        history.method().set(Optional.of(PaymentMethod.DEBIT_CARD));
        history.search();
        assertThat(refs(history)).containsExactly(card.clientRef());

        history.state().set(Optional.empty());
        history.method().set(Optional.empty());
        history.reference().set(" 2222 ");
        history.search();
        assertThat(refs(history)).containsExactly(failed.clientRef());

        // A piece of the client_ref, typed in lower case.
        history.reference().set(paid.clientRef().substring(13).toLowerCase());
        history.search();
        assertThat(refs(history)).containsExactly(paid.clientRef());

        history.reference().set("");
        history.method().set(Optional.of(PaymentMethod.QRIS));
        history.search();
        assertThat(history.rows()).isEmpty();
        assertThat(history.notice().get()).isEqualTo(Message.of("history.empty"));
        assertThat(history.summary().get().in(INDONESIAN)).isEqualTo("0 pembayaran · 0 berhasil, jumlah Rp 0");
        assertThat(history.summary().get().in(ENGLISH)).isEqualTo("No payments · 0 successful, totalling Rp 0");
    }

    @Test
    void theStateAndMethodChoicesStartWithAll() {
        HistoryViewModel history = history();

        assertThat(history.stateChoices().get(0)).isEmpty();
        assertThat(history.stateChoices()).contains(Optional.of(PaymentState.SUSPECT), Optional.of(PaymentState.FAILED));
        assertThat(history.methodChoices()).hasSize(PaymentMethod.values().length + 1);
        assertThat(history.methodChoices().get(0)).isEmpty();
    }

    @Test
    void aResultCutAtTheLimitSaysSo() {
        Payment first = paid();
        Payment second = bed.order("PDAM_BANDUNG", "12345678").cash();
        Payment third = bed.order("TELKOM", "021234567890").cash();
        HistoryViewModel history = history(2);

        history.search();

        assertThat(refs(history)).containsExactly(third.clientRef(), second.clientRef());
        assertThat(history.notice().get()).isEqualTo(Message.of("history.truncated", 2L));
        assertThat(history.notice().get().in(INDONESIAN)).startsWith("Hanya 2 pembayaran terbaru");
        assertThat(history.summary().get()).isEqualTo(Message.of("history.summary", 2L, 2L,
                third.total().plus(second.total()).rupiah()));
        assertThat(first.state()).isEqualTo(PaymentState.SUCCESS);
    }

    @Test
    void aRangeOfDaysShowsTheDateWithTheTimeAndOneTheWrongWayRoundIsRefused() {
        Payment paid = paid();
        LocalDate today = bed.calendar().today();
        HistoryViewModel history = history();

        history.fromDay().set(today.minusDays(3));
        history.search();
        assertThat(history.rows()).singleElement().satisfies(row -> assertThat(row.time()).isEqualTo(
                java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(
                        bed.calendar().localTime(paid.createdAt()))));

        history.fromDay().set(today.minusDays(1));
        history.toDay().set(today.minusDays(1));
        history.search();
        assertThat(history.rows()).isEmpty();

        int before = backgroundTasks;
        history.fromDay().set(today);
        history.search();
        assertThat(history.error().get()).isEqualTo(Message.of("history.error.dateOrder"));
        assertThat(backgroundTasks).as("nothing searched").isEqualTo(before);

        history.dateNotUnderstood("31/02/2026");
        assertThat(history.error().get().in(INDONESIAN)).isEqualTo("'31/02/2026' bukan tanggal: tulis seperti"
                + " 22/11/2026, atau kosongkan.");

        history.resetFilters();
        history.search();
        assertThat(history.error().get()).isEqualTo(Message.NONE);
        assertThat(refs(history)).containsExactly(paid.clientRef());
    }

    @Test
    void theDetailsShowTheMoneyTheAdviceAndTheEventTrail() {
        Payment paid = paid();
        HistoryViewModel history = history();
        history.search();

        history.select(history.rows().get(0));
        history.openSelected();

        assertThat(history.detailsOpen().get()).isTrue();
        assertThat(history.details().get()).isEqualTo(paid);
        Map<String, String> fields = fields(history, INDONESIAN);
        assertThat(fields).containsEntry("clientRef", paid.clientRef())
                .containsEntry("reference", PaymentTestBed.POSTPAID_REF)
                .containsEntry("customerName", paid.bill().customerName())
                .containsEntry("state", "Berhasil")
                .containsEntry("method", "Tunai")
                .containsEntry("amount", paid.amounts().bill().format(SettingsService.INDONESIAN))
                .containsEntry("adminFee", paid.amounts().adminFee().format(SettingsService.INDONESIAN))
                .containsEntry("total", paid.total().format(SettingsService.INDONESIAN))
                .containsEntry("tendered", paid.tendered().orElseThrow().format(SettingsService.INDONESIAN))
                .containsEntry("change", "Rp 7.500")
                .containsEntry("period", paid.bill().period().orElseThrow())
                .containsKeys("billerRef", "gatewayPaymentId", "paidAt", "createdAt");
        assertThat(fields(history, ENGLISH)).containsEntry("state", "Successful").containsEntry("change", "Rp 7,500");
        assertThat(history.detailsAdvice().get()).isEqualTo(Message.of("history.advice.PAID"));
        assertThat(history.events()).extracting(e -> e.event().from(), e -> e.event().to()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PaymentState.NEW, PaymentState.SENT),
                org.assertj.core.groups.Tuple.tuple(PaymentState.SENT, PaymentState.SUCCESS));
        assertThat(history.events()).allMatch(e -> e.time().matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}"));

        history.closeDetails();
        assertThat(history.detailsOpen().get()).isFalse();
        assertThat(history.events()).isEmpty();
    }

    @Test
    void aPendingPaymentTellsTheClerkNotToRefundOrRetryAndADebitCardShowsItsApprovalCode() {
        Payment pending = pending();
        Payment card = bed.order("TELKOM", "021234567890").debitCard("a1b2c3");
        HistoryViewModel history = history();

        history.open(pending);
        assertThat(history.detailsAdvice().get().in(INDONESIAN))
                .contains("jangan kembalikan uang atau ulangi pembayaran; sistem akan memeriksa");
        assertThat(history.detailsAdvice().get().in(ENGLISH)).contains("do not refund or retry");
        assertThat(fields(history, INDONESIAN)).containsEntry("state", "Tertunda").containsEntry("change", "Rp 0");

        history.open(card);
        assertThat(fields(history, INDONESIAN)).containsEntry("approvalCode", "A1B2C3")
                .containsEntry("method", "Kartu debit").doesNotContainKey("tendered");
    }

    @Test
    void aReprintOfAPaidPaymentSaysWhereItWent() {
        Payment paid = paid();
        HistoryViewModel history = history();
        history.search();
        history.select(history.rows().get(0));
        assertThat(history.canReprint().get()).isTrue();
        assertThat(history.reprintUnavailable().get()).isEqualTo(Message.NONE);

        history.reprint();

        assertThat(printed).containsExactly(paid.clientRef() + " reprint");
        assertThat(history.printMessage().get().in(INDONESIAN)).isEqualTo("Struk " + paid.clientRef()
                + " dicetak ulang di Kasir-58.");
        assertThat(history.printFailed().get()).isFalse();
        assertThat(history.printing().get()).isFalse();

        nextPrintout = new ReceiptDesk.Printout(ReceiptDesk.Printout.Kind.SAVED_NO_PRINTER, "/data/receipts/x.pdf");
        history.reprint();
        assertThat(history.printMessage().get().in(INDONESIAN))
                .isEqualTo("Belum ada printer struk yang diatur: struk " + paid.clientRef()
                        + " disimpan sebagai PDF: /data/receipts/x.pdf");

        nextPrintout = new ReceiptDesk.Printout(ReceiptDesk.Printout.Kind.FAILED, "printer offline");
        history.reprint();
        assertThat(history.printMessage().get().in(INDONESIAN)).isEqualTo("Gagal mencetak struk "
                + paid.clientRef() + ": printer offline");
        assertThat(history.printFailed().get()).isTrue();

        printerBreaks = new IllegalStateException("the receipt template is missing");
        history.reprint();
        assertThat(history.printMessage().get().in(ENGLISH)).isEqualTo("Could not print receipt "
                + paid.clientRef() + ": the receipt template is missing");
        assertThat(history.printFailed().get()).isTrue();
        assertThat(history.printing().get()).isFalse();
    }

    @Test
    void aPendingPaymentReprintsItsProvisionalSlipAndAFailedOneHasNoReceipt() {
        Payment failed = failed();
        Payment pending = pending();
        HistoryViewModel history = history();

        history.open(pending);
        assertThat(history.canReprint().get()).isTrue();
        history.reprint();
        assertThat(printed).containsExactly(pending.clientRef() + " reprint");
        assertThat(history.printMessage().get().in(INDONESIAN)).isEqualTo("Slip sementara " + pending.clientRef()
                + " dicetak ulang di Kasir-58.");

        history.open(failed);
        assertThat(history.canReprint().get()).isFalse();
        assertThat(history.reprintUnavailable().get().in(INDONESIAN)).isEqualTo(
                "Pembayaran gagal tidak punya struk.");
        history.reprint();
        assertThat(printed).as("nothing more printed").hasSize(1);
        assertThat(history.printMessage().get()).isEqualTo(history.reprintUnavailable().get());
        assertThat(history.printFailed().get()).isTrue();

        history.closeDetails();
        history.search();
        history.select(null);
        assertThat(history.canReprint().get()).isFalse();
        assertThat(history.reprintUnavailable().get()).isEqualTo(Message.of("history.reprint.noSelection"));
    }

    @Test
    void aPaymentAtTheCounterRefreshesTheResultsNowWhenShownElseWhenShownAgain() {
        Payment first = paid();
        HistoryViewModel history = history();
        history.pageShown();
        assertThat(refs(history)).containsExactly(first.clientRef());
        history.select(history.rows().get(0));

        Payment second = bed.order("PDAM_BANDUNG", "12345678").cash();
        session.paid(second.clientRef());
        assertThat(refs(history)).containsExactly(second.clientRef(), first.clientRef());
        assertThat(history.selected().get().clientRef()).as("the selection survives").isEqualTo(first.clientRef());

        history.pageHidden();
        Payment third = bed.order("TELKOM", "021234567890").cash();
        int before = backgroundTasks;
        session.paid(third.clientRef());
        assertThat(backgroundTasks).as("no search while hidden").isEqualTo(before);
        assertThat(history.rows()).hasSize(2);

        history.pageShown();
        assertThat(refs(history)).containsExactly(third.clientRef(), second.clientRef(), first.clientRef());

        int searched = backgroundTasks;
        history.pageHidden();
        history.pageShown();
        assertThat(backgroundTasks).as("nothing new: no search").isEqualTo(searched);
    }

    @Test
    void theOpenDetailsFollowTheRefreshedPayment() {
        Payment pending = pending();
        HistoryViewModel history = history();
        history.search();
        history.open(history.rows().get(0).payment());
        assertThat(history.details().get().state()).isEqualTo(PaymentState.SUSPECT);

        // The sandbox settles a 1111 reference after two status checks.
        for (int i = 0; i < 5 && bed.payments().find(pending.clientRef()).orElseThrow().state()
                == PaymentState.SUSPECT; i++) {
            bed.payments().recover();
        }
        history.search();

        assertThat(history.details().get().clientRef()).isEqualTo(pending.clientRef());
        assertThat(history.details().get().state()).isEqualTo(PaymentState.SUCCESS);
        assertThat(history.detailsAdvice().get()).isEqualTo(Message.of("history.advice.PAID"));
        assertThat(history.events()).hasSizeGreaterThan(2);
    }

    @Test
    void anAnswerToAnOlderSearchIsDropped() {
        Payment paid = paid();
        Payment failed = failed();
        List<Runnable> queued = new ArrayList<>();
        HistoryViewModel history = new HistoryViewModel(bed.payments(), desk, bed.calendar(), session, queued::add,
                Runnable::run);

        history.reference().set("2222");
        history.search();
        history.reference().set(PaymentTestBed.POSTPAID_REF);
        history.search();
        assertThat(history.searching().get()).isTrue();

        queued.get(1).run();
        assertThat(refs(history)).containsExactly(paid.clientRef());
        assertThat(history.searching().get()).isFalse();
        queued.get(0).run();
        assertThat(refs(history)).as("the older answer, about " + failed.clientRef() + ", is dropped")
                .containsExactly(paid.clientRef());
    }

    @Test
    void aStoreThatThrowsShowsAMessageAndNoResults() {
        PaymentStore broken = (PaymentStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PaymentStore.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("database is locked");
                });
        PaymentService payments = new PaymentService(broken, bed.gateway(), bed.gateway(), bed.shifts(), bed.settings(),
                PaymentTestBed.RULES, bed.calendar());
        HistoryViewModel history = new HistoryViewModel(payments, desk, bed.calendar(), session, background,
                Runnable::run);

        history.pageShown();

        assertThat(history.rows()).isEmpty();
        assertThat(history.searching().get()).isFalse();
        assertThat(history.error().get().in(INDONESIAN)).isEqualTo("Riwayat tidak dapat dibaca: database is locked."
                + " Coba lagi; bila terus terjadi, hubungi pemilik toko.");

        history.open(paid());
        assertThat(history.detailsError().get().in(ENGLISH))
                .isEqualTo("The payment's details could not be read: database is locked");
        assertThat(history.loadingDetails().get()).isFalse();
    }

    @Test
    void aBackgroundThatRefusesWorkIsReportedNotThrown() {
        HistoryViewModel history = new HistoryViewModel(bed.payments(), desk, bed.calendar(), session, task -> {
            throw new java.util.concurrent.RejectedExecutionException("shutting down");
        }, Runnable::run);

        history.search();

        assertThat(history.searching().get()).isFalse();
        assertThat(history.error().get()).isEqualTo(Message.of("history.error.search", "shutting down"));
    }

    private static List<String> refs(HistoryViewModel history) {
        return history.rows().stream().map(HistoryViewModel.Row::clientRef).toList();
    }

    private static Map<String, String> fields(HistoryViewModel history, ResourceBundle bundle) {
        return history.detailGroups().stream().flatMap(g -> g.lines().stream()).collect(Collectors.toMap(
                HistoryViewModel.DetailLine::id, line -> line.value().in(bundle), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }
}
