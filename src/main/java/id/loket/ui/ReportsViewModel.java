package id.loket.ui;

import id.loket.core.BusinessCalendar;
import id.loket.reconcile.DailyRecap;
import id.loket.reconcile.ReconciliationService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Reports screen's state (Laporan, Ctrl+5): the owner's dashboard of one business day — its successful
 * payments added up (count, what the customers paid, the shop's own fee income), the failed and still-open ones, and
 * the same per biller, per payment method and per clerk — and the daily recap printed or saved as PDF.
 *
 * <p>Plain Java and JavaFX properties, tested without the toolkit; {@link ReportsView} binds to it. The ledger and
 * the report desk are called on {@code background}; results come back through {@code fxThread}. A read that comes
 * back after a newer one started (another day was chosen meanwhile) is dropped.
 */
public final class ReportsViewModel {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final Logger LOG = LoggerFactory.getLogger(ReportsViewModel.class);

    private final ReconciliationService reconciliation;
    private final ReportDesk reports;
    private final BusinessCalendar calendar;
    private final UiWork uiWork;
    private final Executor fxThread;

    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<DailyRecap> recap = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DailyRecap.Line> byBiller = FXCollections.observableArrayList();
    private final ObservableList<DailyRecap.Line> byMethod = FXCollections.observableArrayList();
    private final ObservableList<DailyRecap.Line> byClerk = FXCollections.observableArrayList();
    private final ObservableList<DailyRecap.Line> byBillerView = FXCollections.unmodifiableObservableList(byBiller);
    private final ObservableList<DailyRecap.Line> byMethodView = FXCollections.unmodifiableObservableList(byMethod);
    private final ObservableList<DailyRecap.Line> byClerkView = FXCollections.unmodifiableObservableList(byClerk);
    private final ActionStatus loadStatus = new ActionStatus();
    private final ActionStatus reportStatus = new ActionStatus();

    /** Numbers the reads, so that only the latest is shown. */
    private long reads;
    private boolean active;

    /**
     * @param background where the ledger and the report desk are called; never the JavaFX application thread
     * @param fxThread runs result handling on the JavaFX application thread
     */
    public ReportsViewModel(ReconciliationService reconciliation, ReportDesk reports, BusinessCalendar calendar,
            Executor background, Executor fxThread) {
        this.reconciliation = Objects.requireNonNull(reconciliation, "reconciliation");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.uiWork = new UiWork(background, fxThread);
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        // Today so far: the owner looks in during the day; yesterday is one key (Page Up) away.
        day.set(calendar.today());
        day.addListener((obs, old, now) -> {
            reportStatus.clear();
            if (active) {
                refresh();
            }
        });
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------------

    /** The page is shown: the chosen day is read again (payments may have been made meanwhile). */
    public void activate() {
        active = true;
        refresh();
    }

    /** The page is hidden: nothing is read until it is back. */
    public void deactivate() {
        active = false;
    }

    // ---- the day ------------------------------------------------------------------------------------------------

    /** The business day shown; never empty once set by the page (a cleared date picker keeps the last day). */
    public ObjectProperty<LocalDate> day() {
        return day;
    }

    /** Today on the shop's clock (WIB). */
    public LocalDate today() {
        return calendar.today();
    }

    /** Moves the chosen day by {@code days} (negative: back), never past today. */
    public void moveDay(int days) {
        LocalDate from = day.get() == null ? calendar.today() : day.get();
        LocalDate to = from.plusDays(days);
        day.set(to.isAfter(calendar.today()) ? calendar.today() : to);
    }

    /** The day's recap as last read; {@code null} until it is. */
    public ReadOnlyObjectProperty<DailyRecap> recap() {
        return recap.getReadOnlyProperty();
    }

    /** The successful payments per biller, by the biller's code. */
    public ObservableList<DailyRecap.Line> byBiller() {
        return byBillerView;
    }

    /** The successful payments per payment method ({@link id.loket.core.PaymentMethod} by name). */
    public ObservableList<DailyRecap.Line> byMethod() {
        return byMethodView;
    }

    /** The successful payments per clerk, by username. */
    public ObservableList<DailyRecap.Line> byClerk() {
        return byClerkView;
    }

    /** Reading the day, and why that failed. */
    public ActionStatus loadStatus() {
        return loadStatus;
    }

    /** Reads the chosen day's recap in the background. */
    public void refresh() {
        LocalDate shown = day.get();
        if (shown == null) {
            return;
        }
        long read = ++reads;
        loadStatus.start();
        run(() -> reconciliation.recap(shown), found -> {
            if (read != reads) {
                return;
            }
            loadStatus.done();
            recap.set(found);
            byBiller.setAll(found.byBiller());
            byMethod.setAll(found.byMethod());
            byClerk.setAll(found.byClerk());
        }, failure -> {
            if (read != reads) {
                return;
            }
            loadStatus.done();
            LOG.warn("The recap of {} could not be read", shown, failure);
            loadStatus.error(Message.of("dashboard.error.read", DAY.format(shown), describe(failure)));
        });
    }

    // ---- the printed recap --------------------------------------------------------------------------------------

    /** Printing or saving the recap, and where it went. */
    public ActionStatus reportStatus() {
        return reportStatus;
    }

    /** Prints the chosen day's recap, in the background. */
    public void print() {
        LocalDate shown = day.get();
        if (shown == null || reportStatus.busy().get()) {
            return;
        }
        reportStatus.start(Message.of("dashboard.report.printing", DAY.format(shown)));
        run(() -> reports.printDailyRecap(shown), where -> {
            reportStatus.done();
            reportStatus.info(Message.of("dashboard.report.printed", DAY.format(shown), where));
        }, failure -> failed(shown, failure));
    }

    /** Saves the chosen day's recap as PDF, in the background. */
    public void save() {
        LocalDate shown = day.get();
        if (shown == null || reportStatus.busy().get()) {
            return;
        }
        reportStatus.start(Message.of("dashboard.report.saving", DAY.format(shown)));
        run(() -> reports.saveDailyRecap(shown), file -> {
            reportStatus.done();
            reportStatus.info(Message.of("dashboard.report.saved", DAY.format(shown), file));
        }, failure -> failed(shown, failure));
    }

    private void failed(LocalDate shown, Throwable failure) {
        reportStatus.done();
        LOG.warn("The daily recap of {} failed", shown, failure);
        reportStatus.error(Message.of("dashboard.report.error", DAY.format(shown), describe(failure)));
    }

    // ---- inside -------------------------------------------------------------------------------------------------

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    private <T> void run(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        // The executor refused the work (shut down as the window closes): say so rather than hang.
        uiWork.run(work, done, failed, refused -> fxThread.execute(() -> failed.accept(refused)));
    }
}
