package id.loket.ui;

import id.loket.core.BusinessCalendar;
import id.loket.core.Money;
import id.loket.reconcile.BalanceCheck;
import id.loket.reconcile.Cancellation;
import id.loket.reconcile.DayStatus;
import id.loket.reconcile.DaySummary;
import id.loket.reconcile.ItemKind;
import id.loket.reconcile.ReconciliationException;
import id.loket.reconcile.ReconciliationItem;
import id.loket.reconcile.ReconciliationRun;
import id.loket.reconcile.ReconciliationService;
import id.loket.reconcile.RunCancelledException;
import id.loket.reconcile.RunResult;
import id.loket.reconcile.RunTrigger;
import id.loket.reconcile.SignOff;
import id.loket.settings.SettingsService;
import id.loket.users.Operator;
import id.loket.users.PermissionDeniedException;
import id.loket.users.UserException;
import id.loket.users.UserService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Reconciliation screen's state (Rekonsiliasi, Ctrl+6): the last {@value #DAYS_SHOWN} business days with where
 * each stands; a day run on demand, with its progress and a way to stop it; the items of the chosen day's latest
 * run, filtered by kind, resolved one by one with a note; the owner's sign-off; the deposit check and the owner's
 * record of a deposit top-up; the reconciliation report printed, saved or exported; and the owner's in-app
 * reconciliation time.
 *
 * <p>Plain Java and JavaFX properties, tested without the toolkit; {@link ReconciliationView} binds to it. Every
 * ledger, gateway, settings and report call runs on {@code background} and comes back through {@code fxThread}; a
 * refusal of a service (its English message) becomes a {@link Message} whose key is the translated headline and
 * whose argument is the service's detail. The acting operator is read again from the ledger for every action, so
 * the services check the account as it is stored now. Roles are the services' to enforce: this model asks, and
 * shows their refusal; the view only disables what a clerk may not do, and says why.
 *
 * <p>A run started here goes on when the page is left or the window is rebuilt for another language; its result
 * and progress are shown when the page is back. Day reads that come back after a newer one started are dropped.
 */
public final class ReconciliationViewModel {

    /** How many business days the table shows, today first. */
    public static final int DAYS_SHOWN = 31;

    /** A reconciliation time as the owner types it: {@code 23:30} or, the Indonesian way, {@code 23.30}. */
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:.]([0-5]\\d)");
    /** The words that turn the in-app reconciliation off (an empty field does too). */
    private static final List<String> OFF = List.of("off", "mati", "tidak", "-");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.ROOT);
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("dd/MM HH:mm", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationViewModel.class);

    /**
     * One business day in the table.
     *
     * @param run the day's latest reconciled run, else its latest (failed) run; empty when the day never ran
     * @param open the items of {@code run} that still need a resolution
     */
    public record DayRow(LocalDate day, DayStatus status, Optional<ReconciliationRun> run, int open,
            Optional<SignOff> signOff) {

        public DayRow {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(signOff, "signOff");
        }

        static DayRow of(DaySummary summary) {
            return new DayRow(summary.day(), summary.status(), summary.latest(), summary.open(), summary.signOff());
        }

        /** The payments both sides agree on, from a reconciled run; empty before one. */
        public Optional<Long> matched() {
            return run.filter(ReconciliationRun::reconciled).map(ReconciliationRun::matched);
        }
    }

    /**
     * Which items the table shows: every item, only those still open, or one kind.
     *
     * @param kind only this kind; empty for every kind
     * @param openOnly only the items that still need a resolution
     */
    public record ItemFilter(Optional<ItemKind> kind, boolean openOnly) {

        public static final ItemFilter ALL = new ItemFilter(Optional.empty(), false);
        public static final ItemFilter OPEN_ONLY = new ItemFilter(Optional.empty(), true);

        public ItemFilter {
            Objects.requireNonNull(kind, "kind");
        }

        public static ItemFilter of(ItemKind kind) {
            return new ItemFilter(Optional.of(kind), false);
        }

        public boolean shows(ReconciliationItem item) {
            return (!openOnly || item.isOpen()) && kind.map(k -> k == item.kind()).orElse(true);
        }
    }

    /**
     * How far the run on its way has come.
     *
     * @param stage {@code fetch}, {@code read}, {@code compare} or {@code store} (see
     *     {@link id.loket.reconcile.Progress})
     * @param total units of the stage; -1 or 0 when not known
     */
    public record RunProgress(String stage, long done, long total) {

        public RunProgress {
            Objects.requireNonNull(stage, "stage");
        }

        /** Done as a part of the stage, 0–1; -1 when it cannot be told (a progress bar then just moves). */
        public double fraction() {
            return total > 0 ? Math.min(1.0, (double) done / total) : -1;
        }
    }

    private final ReconciliationService reconciliation;
    private final SettingsService settings;
    private final UserService users;
    private final ReportDesk reports;
    private final Access.SignedIn operator;
    private final BusinessCalendar calendar;
    private final UiWork uiWork;
    private final Executor fxThread;

    // days
    private final ActionStatus loadStatus = new ActionStatus();
    private final ObservableList<DayRow> days = FXCollections.observableArrayList();
    private final ObservableList<DayRow> daysView = FXCollections.unmodifiableObservableList(days);
    private final ObjectProperty<LocalDate> selectedDay = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<DayRow> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Message> lastAttempt = new ReadOnlyObjectWrapper<>(Message.NONE);

    // items
    private final ObservableList<ReconciliationItem> items = FXCollections.observableArrayList();
    private final FilteredList<ReconciliationItem> shownItems = new FilteredList<>(items);
    private final ObjectProperty<ItemFilter> filter = new SimpleObjectProperty<>(ItemFilter.ALL);
    private final List<ItemFilter> filterChoices;
    private final ReadOnlyObjectWrapper<Map<ItemKind, Long>> counts = new ReadOnlyObjectWrapper<>(Map.of());
    private final ObjectProperty<ReconciliationItem> selectedItem = new SimpleObjectProperty<>();
    private final StringProperty resolveNote = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Message> noteProblem = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ActionStatus itemStatus = new ActionStatus();

    // running
    private final ActionStatus runStatus = new ActionStatus();
    private final ReadOnlyObjectWrapper<RunProgress> progress = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper();
    /** The latest progress the run reported, not yet shown: updates coalesce into one turn of the FX thread. */
    private final AtomicReference<RunProgress> progressToShow = new AtomicReference<>();
    private Cancellation cancellation;

    // sign-off
    private final StringProperty signOffNote = new SimpleStringProperty("");
    private final ActionStatus signOffStatus = new ActionStatus();
    private final ReadOnlyObjectWrapper<Message> signOffHint = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyBooleanWrapper canSignOff = new ReadOnlyBooleanWrapper();

    // reports
    private final ActionStatus reportStatus = new ActionStatus();

    // deposit top-up
    private final StringProperty topUpAmount = new SimpleStringProperty("");
    private final StringProperty topUpNote = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Message> topUpProblem = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ActionStatus topUpStatus = new ActionStatus();

    // schedule
    private final StringProperty scheduleText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Message> scheduleProblem = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ActionStatus scheduleStatus = new ActionStatus();
    private boolean scheduleLoaded;

    /** Numbers the reads of the days and of the chosen day, so that only the latest is shown. */
    private long daysReads;
    private long dayReads;
    private boolean active;

    /**
     * @param operator who is signed in: their role decides what the page offers, their username is who acts
     * @param background where the services are called; never the JavaFX application thread
     * @param fxThread runs result handling on the JavaFX application thread ({@code Platform::runLater} in the
     *     application, a direct executor in tests)
     */
    public ReconciliationViewModel(ReconciliationService reconciliation, SettingsService settings, UserService users,
            ReportDesk reports, Access.SignedIn operator, BusinessCalendar calendar, Executor background,
            Executor fxThread) {
        this.reconciliation = Objects.requireNonNull(reconciliation, "reconciliation");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.users = Objects.requireNonNull(users, "users");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.uiWork = new UiWork(background, fxThread);
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");

        List<ItemFilter> choices = new ArrayList<>(List.of(ItemFilter.ALL, ItemFilter.OPEN_ONLY));
        // MATCHED payments are counted, never stored as items: no point in a filter that always shows nothing.
        Arrays.stream(ItemKind.values()).filter(k -> k != ItemKind.MATCHED).map(ItemFilter::of).forEach(choices::add);
        this.filterChoices = List.copyOf(choices);

        filter.addListener((obs, old, now) -> shownItems.setPredicate(now == null ? null : now::shows));
        selectedDay.addListener((obs, old, now) -> dayChanged());
        // Not cleared when another item is chosen: a reload after a resolution chooses the same item again.
        resolveNote.addListener((obs, old, now) -> {
            if (now != null && !now.isBlank()) {
                noteProblem.set(Message.NONE);
            }
        });
        topUpAmount.addListener((obs, old, now) -> topUpProblem.set(now == null || now.isBlank()
                || CounterViewModel.parseRupiah(now).filter(Money::isPositive).isPresent()
                        ? Message.NONE : Message.of("reconciliation.topUp.invalid")));
        scheduleText.addListener((obs, old, now) -> scheduleProblem.set(parseTime(now).isPresent()
                ? Message.NONE : Message.of("reconciliation.schedule.invalid")));
        items.addListener((javafx.collections.ListChangeListener<ReconciliationItem>) change -> updateSignOff());
        selected.addListener((obs, old, now) -> updateSignOff());
        signOffStatus.busy().addListener((obs, old, now) -> updateSignOff());
        updateSignOff();
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------------

    /** Whether the signed-in operator is the owner (signs off, records top-ups, sets the time). */
    public boolean isOwner() {
        return operator.owner();
    }

    /**
     * The page is shown: the days and the chosen day (yesterday at first: the day usually reconciled) are read
     * again; the owner's reconciliation time the first time only, so a time typed and not saved survives.
     */
    public void activate() {
        active = true;
        if (selectedDay.get() == null) {
            selectedDay.set(calendar.today().minusDays(1));
        } else {
            loadDay();
        }
        refreshDays();
        if (isOwner() && !scheduleLoaded) {
            loadSchedule();
        }
    }

    /** The page is hidden: a run goes on; nothing is read until the page is back. */
    public void deactivate() {
        active = false;
    }

    /** Today on the shop's clock (WIB). */
    public LocalDate today() {
        return calendar.today();
    }

    /** {@code at} on the shop's clock, as {@code 23/11/2026 23:30}. */
    public String dayTime(Instant at) {
        return DAY_TIME.format(calendar.localTime(at));
    }

    /** {@code at} on the shop's clock, as {@code 23/11 23:30} (where the year goes without saying). */
    public String shortTime(Instant at) {
        return SHORT_TIME.format(calendar.localTime(at));
    }

    /** {@code at} on the shop's clock, as {@code 23:30}. */
    public String clock(Instant at) {
        return CLOCK.format(calendar.localTime(at));
    }

    // ---- days ---------------------------------------------------------------------------------------------------

    /** Reading the days or the chosen day, and why that failed. */
    public ActionStatus loadStatus() {
        return loadStatus;
    }

    /** The last {@value #DAYS_SHOWN} business days, today first. */
    public ObservableList<DayRow> days() {
        return daysView;
    }

    /** The business day the page is about; the view sets it from the table's selection. */
    public ObjectProperty<LocalDate> selectedDay() {
        return selectedDay;
    }

    /** The chosen day as last read; {@code null} until it is. */
    public ReadOnlyObjectProperty<DayRow> selected() {
        return selected.getReadOnlyProperty();
    }

    /**
     * When the day's newest run failed after an earlier one reconciled it (the day keeps the reconciled result): when
     * and why; {@link Message#NONE} otherwise.
     */
    public ReadOnlyObjectProperty<Message> lastAttempt() {
        return lastAttempt.getReadOnlyProperty();
    }

    /** Reads the days in the background. */
    public void refreshDays() {
        LocalDate today = calendar.today();
        long read = ++daysReads;
        loadStatus.start();
        run(() -> reconciliation.days(today.minusDays(DAYS_SHOWN - 1L), today), list -> {
            if (read != daysReads) {
                return;
            }
            loadStatus.done();
            days.setAll(list.stream().map(DayRow::of).toList());
        }, failure -> {
            if (read != daysReads) {
                return;
            }
            loadStatus.done();
            LOG.warn("The reconciliation days could not be read", failure);
            loadStatus.error(refusal(failure, "reconciliation.error.read"));
        });
    }

    private void dayChanged() {
        selectedItem.set(null);
        itemStatus.clear();
        signOffStatus.clear();
        topUpStatus.clear();
        reportStatus.clear();
        DayRow known = days.stream().filter(d -> d.day().equals(selectedDay.get())).findFirst().orElse(null);
        selected.set(known);
        items.clear();
        counts.set(Map.of());
        lastAttempt.set(Message.NONE);
        if (active) {
            loadDay();
        }
    }

    private record DayRead(DaySummary summary, List<ReconciliationRun> runs, List<ReconciliationItem> items) {}

    /** Reads the chosen day, its runs and the items of its latest run in the background. */
    private void loadDay() {
        LocalDate day = selectedDay.get();
        long read = ++dayReads;
        if (day == null) {
            return;
        }
        run(() -> {
            DaySummary summary = reconciliation.day(day);
            List<ReconciliationItem> found = summary.latest().map(r -> reconciliation.items(r.id())).orElse(List.of());
            return new DayRead(summary, reconciliation.runs(day), found);
        }, found -> {
            if (read == dayReads && day.equals(selectedDay.get())) {
                showDay(found);
            }
        }, failure -> {
            if (read == dayReads) {
                LOG.warn("Reconciliation day {} could not be read", day, failure);
                loadStatus.error(refusal(failure, "reconciliation.error.read"));
            }
        });
    }

    private void showDay(DayRead read) {
        DayRow row = DayRow.of(read.summary());
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i).day().equals(row.day()) && !days.get(i).equals(row)) {
                days.set(i, row);
            }
        }
        String keptKey = selectedItem.get() == null ? null : selectedItem.get().key();
        selected.set(row);
        items.setAll(read.items());
        counts.set(row.run().filter(ReconciliationRun::reconciled)
                .map(r -> ReconciliationService.countByKind(r, read.items())).orElse(Map.of()));
        if (keptKey != null) {
            selectedItem.set(read.items().stream().filter(i -> i.key().equals(keptKey)).findFirst().orElse(null));
        }
        Optional<ReconciliationRun> newest = read.runs().stream().findFirst();
        boolean newerFailure = newest.isPresent() && !newest.get().reconciled()
                && row.run().map(r -> r.id() != newest.get().id()).orElse(false);
        lastAttempt.set(newerFailure ? Message.of("reconciliation.day.lastAttemptFailed",
                dayTime(newest.get().finishedAt()), newest.get().failure().orElse("")) : Message.NONE);
        updateSignOff();
    }

    // ---- running ------------------------------------------------------------------------------------------------

    /** The run of the chosen day: busy while on its way, then what came of it. */
    public ActionStatus runStatus() {
        return runStatus;
    }

    /** How far the run on its way has come; {@code null} when none is. */
    public ReadOnlyObjectProperty<RunProgress> progress() {
        return progress.getReadOnlyProperty();
    }

    /** The operator asked the run to stop and it has not yet. */
    public ReadOnlyBooleanProperty cancelling() {
        return cancelling.getReadOnlyProperty();
    }

    /**
     * Reconciles the chosen day in the background, showing its progress. One run at a time: nothing happens while
     * one is on its way.
     */
    public void runSelectedDay() {
        LocalDate day = selectedDay.get();
        if (day == null || runStatus.busy().get()) {
            return;
        }
        Cancellation stop = new Cancellation();
        cancellation = stop;
        cancelling.set(false);
        runStatus.start(Message.of("reconciliation.run.started", DAY.format(day)));
        progress.set(new RunProgress("fetch", 0, -1));
        Optional<String> who = Optional.of(operator.username());
        run(() -> reconciliation.reconcile(day, RunTrigger.MANUAL, who, this::progressReported, stop), result -> {
            finishRun();
            showResult(result);
            refreshDays();
            loadDay();
        }, failure -> {
            finishRun();
            if (failure instanceof RunCancelledException) {
                LOG.info("Reconciliation of {} cancelled by {}", day, operator.username());
                runStatus.info(Message.of("reconciliation.run.cancelled", DAY.format(day)));
            } else {
                logFailure("Reconciliation of " + day + " did not run", failure);
                runStatus.error(refusal(failure, "reconciliation.run.error"));
            }
        });
    }

    /** Asks the run on its way to stop; it stops before it writes anything, or finishes if it already writes. */
    public void cancelRun() {
        Cancellation stop = cancellation;
        if (stop != null && runStatus.busy().get() && !stop.isCancelled()) {
            stop.cancel();
            cancelling.set(true);
        }
    }

    /** On the run's thread: at most one update waits for the FX thread at a time, the latest. */
    private void progressReported(long done, long total, String stage) {
        if (progressToShow.getAndSet(new RunProgress(stage, done, total)) == null) {
            fxThread.execute(() -> {
                RunProgress latest = progressToShow.getAndSet(null);
                if (latest != null && runStatus.busy().get()) {
                    progress.set(latest);
                }
            });
        }
    }

    private void finishRun() {
        runStatus.done();
        progress.set(null);
        cancelling.set(false);
        cancellation = null;
    }

    private void showResult(RunResult result) {
        String day = DAY.format(result.day());
        if (result instanceof RunResult.Reconciled done) {
            ReconciliationRun run = done.run();
            long review = done.items().stream().filter(i -> i.kind().needsReview()).count();
            String changes = run.changes();
            Message said = switch (changes) {
                case ReconciliationService.FIRST_RUN -> Message.of("reconciliation.run.reconciled.first", day, run.matched(), review,
                        run.open());
                case ReconciliationService.NO_CHANGE -> Message.of("reconciliation.run.reconciled.same", day,
                        run.matched(), review, run.open());
                default -> Message.of("reconciliation.run.reconciled.changed", day, run.matched(), review, run.open(),
                        changes);
            };
            runStatus.info(said);
        } else if (result instanceof RunResult.Failed failed) {
            runStatus.error(Message.of("reconciliation.run.failed", day, failed.reason()));
        } else if (result instanceof RunResult.NotDue notDue) {
            runStatus.info(Message.of("reconciliation.run.notDue", day, notDue.reason()));
        }
    }

    // ---- items --------------------------------------------------------------------------------------------------

    /** The items of the chosen day's latest run that pass the {@link #filter()}. */
    public ObservableList<ReconciliationItem> items() {
        return shownItems;
    }

    public ObjectProperty<ItemFilter> filter() {
        return filter;
    }

    /** Every item, only the open ones, then each kind. */
    public List<ItemFilter> filterChoices() {
        return filterChoices;
    }

    /** The run's payments and items by kind (the matched ones under {@link ItemKind#MATCHED}); empty before one. */
    public ReadOnlyObjectProperty<Map<ItemKind, Long>> counts() {
        return counts.getReadOnlyProperty();
    }

    /** The item the operator looks at; the view sets it from the table's selection. */
    public ObjectProperty<ReconciliationItem> selectedItem() {
        return selectedItem;
    }

    /** What was found and what was done, as typed. */
    public StringProperty resolveNote() {
        return resolveNote;
    }

    /** Why the note cannot be sent (it is empty); {@link Message#NONE} when it can. */
    public ReadOnlyObjectProperty<Message> noteProblem() {
        return noteProblem.getReadOnlyProperty();
    }

    public ActionStatus itemStatus() {
        return itemStatus;
    }

    /** Resolves the selected item with the typed note, in the background. An empty note is refused here. */
    public void resolveSelected() {
        if (itemStatus.busy().get()) {
            return;
        }
        ReconciliationItem item = selectedItem.get();
        if (item == null) {
            itemStatus.error(Message.of("reconciliation.resolve.noSelection"));
            return;
        }
        if (!item.kind().needsReview()) {
            itemStatus.error(Message.of("reconciliation.resolve.notNeeded"));
            return;
        }
        if (item.resolution().isPresent()) {
            itemStatus.error(Message.of("reconciliation.resolve.already"));
            return;
        }
        String note = Objects.requireNonNullElse(resolveNote.get(), "").strip();
        if (note.isEmpty()) {
            noteProblem.set(Message.of("reconciliation.resolve.noteMissing"));
            itemStatus.error(Message.of("reconciliation.resolve.noteMissing"));
            return;
        }
        itemStatus.start();
        run(() -> reconciliation.resolve(actor(), item.runId(), item.lineNo(), note), resolved -> {
            itemStatus.done();
            resolveNote.set("");
            itemStatus.info(Message.of("reconciliation.resolve.done", item.lineNo()));
            refreshDays();
            loadDay();
        }, failure -> {
            itemStatus.done();
            logFailure("Resolving item " + item.lineNo() + " of run " + item.runId() + " was refused", failure);
            itemStatus.error(refusal(failure, "reconciliation.resolve.error"));
        });
    }

    // ---- sign-off -----------------------------------------------------------------------------------------------

    public StringProperty signOffNote() {
        return signOffNote;
    }

    public ActionStatus signOffStatus() {
        return signOffStatus;
    }

    /** Why the day cannot be signed off now, or who signed it off; {@link Message#NONE} before a day is read. */
    public ReadOnlyObjectProperty<Message> signOffHint() {
        return signOffHint.getReadOnlyProperty();
    }

    /** The owner may sign the chosen day off now: reconciled, every item resolved, not signed off yet. */
    public ReadOnlyBooleanProperty canSignOff() {
        return canSignOff.getReadOnlyProperty();
    }

    /**
     * Signs the chosen day's latest run off, in the background. Not checked here: the service refuses a clerk, a
     * failed run and open items, and its refusal is shown.
     */
    public void signOff() {
        DayRow row = selected.get();
        if (signOffStatus.busy().get()) {
            return;
        }
        if (row == null || row.run().isEmpty()) {
            signOffStatus.error(Message.of("reconciliation.signOff.noRun"));
            return;
        }
        long runId = row.run().get().id();
        String note = Objects.requireNonNullElse(signOffNote.get(), "").strip();
        signOffStatus.start();
        run(() -> reconciliation.signOff(actor(), runId, note), signed -> {
            signOffStatus.done();
            signOffNote.set("");
            signOffStatus.info(Message.of("reconciliation.signOff.signed", DAY.format(signed.day()),
                    signed.operator()));
            refreshDays();
            loadDay();
        }, failure -> {
            signOffStatus.done();
            logFailure("Signing run " + runId + " off was refused", failure);
            signOffStatus.error(refusal(failure, "reconciliation.signOff.error"));
        });
    }

    private void updateSignOff() {
        DayRow row = selected.get();
        Message hint;
        boolean can = false;
        long open = items.stream().filter(ReconciliationItem::isOpen).count();
        if (row == null) {
            hint = Message.NONE;
        } else if (row.signOff().isPresent()) {
            SignOff s = row.signOff().get();
            hint = s.note().isEmpty()
                    ? Message.of("reconciliation.signOff.done", s.operator(), dayTime(s.at()))
                    : Message.of("reconciliation.signOff.done.note", s.operator(), dayTime(s.at()), s.note());
        } else if (!isOwner()) {
            hint = Message.of("reconciliation.signOff.ownerOnly");
        } else if (row.run().isEmpty()) {
            hint = Message.of("reconciliation.signOff.noRun");
        } else if (!row.run().get().reconciled()) {
            hint = Message.of("reconciliation.signOff.failedRun");
        } else if (open > 0) {
            hint = Message.of("reconciliation.signOff.openItems", open);
        } else {
            hint = Message.of("reconciliation.signOff.ready");
            can = !signOffStatus.busy().get();
        }
        signOffHint.set(hint);
        canSignOff.set(can);
    }

    // ---- reports ------------------------------------------------------------------------------------------------

    public ActionStatus reportStatus() {
        return reportStatus;
    }

    /** Prints the reconciliation report of the chosen day's run, in the background. */
    public void printReport() {
        report(reports::printReconciliation, where -> Message.of("reconciliation.report.printed", where),
                "reconciliation.report.printing");
    }

    /** Saves the reconciliation report of the chosen day's run as PDF, in the background. */
    public void saveReport() {
        report(runId -> reports.saveReconciliation(runId),
                file -> Message.of("reconciliation.report.saved", file), "reconciliation.report.saving");
    }

    /** Exports the items of the chosen day's run as CSV, in the background. */
    public void exportItems() {
        report(runId -> reports.exportItems(runId),
                file -> Message.of("reconciliation.report.exported", file), "reconciliation.report.exporting");
    }

    private void report(Function<Long, String> work, Function<String, Message> done, String runningKey) {
        DayRow row = selected.get();
        if (reportStatus.busy().get()) {
            return;
        }
        if (row == null || row.run().isEmpty()) {
            reportStatus.error(Message.of("reconciliation.report.noRun"));
            return;
        }
        long runId = row.run().get().id();
        reportStatus.start(Message.of(runningKey, runId));
        run(() -> work.apply(runId), where -> {
            reportStatus.done();
            reportStatus.info(done.apply(where));
        }, failure -> {
            reportStatus.done();
            LOG.warn("The report of run {} failed", runId, failure);
            reportStatus.error(refusal(failure, "reconciliation.report.error"));
        });
    }

    // ---- the deposit --------------------------------------------------------------------------------------------

    /** The deposit check of the chosen day's reconciled run; empty before one. */
    public Optional<BalanceCheck> balance() {
        DayRow row = selected.get();
        return row == null ? Optional.empty() : row.run().flatMap(ReconciliationRun::balance);
    }

    /** The top-up's amount as typed (rupiah: "10.000.000", "Rp 10.000.000"). */
    public StringProperty topUpAmount() {
        return topUpAmount;
    }

    public StringProperty topUpNote() {
        return topUpNote;
    }

    /** Why the typed amount cannot be recorded; {@link Message#NONE} when it can (or nothing is typed). */
    public ReadOnlyObjectProperty<Message> topUpProblem() {
        return topUpProblem.getReadOnlyProperty();
    }

    public ActionStatus topUpStatus() {
        return topUpStatus;
    }

    /** Records a deposit top-up made on the chosen day, in the background (owner only: the service says so). */
    public void recordTopUp() {
        LocalDate day = selectedDay.get();
        if (topUpStatus.busy().get() || day == null) {
            return;
        }
        Optional<Money> amount = CounterViewModel.parseRupiah(topUpAmount.get()).filter(Money::isPositive);
        if (amount.isEmpty()) {
            Message problem = Message.of(topUpAmount.get() == null || topUpAmount.get().isBlank()
                    ? "reconciliation.topUp.missing" : "reconciliation.topUp.invalid");
            topUpProblem.set(problem);
            topUpStatus.error(problem);
            return;
        }
        String note = Objects.requireNonNullElse(topUpNote.get(), "").strip();
        topUpStatus.start();
        run(() -> {
            reconciliation.recordTopUp(actor(), day, amount.get(), note);
            return amount.get();
        }, recorded -> {
            topUpStatus.done();
            topUpAmount.set("");
            topUpNote.set("");
            topUpStatus.info(Message.of("reconciliation.topUp.done", recorded.rupiah(), DAY.format(day)));
        }, failure -> {
            topUpStatus.done();
            logFailure("The deposit top-up of " + day + " was refused", failure);
            topUpStatus.error(refusal(failure, "reconciliation.topUp.error"));
        });
    }

    // ---- the schedule -------------------------------------------------------------------------------------------

    /** The in-app reconciliation time as typed: {@code 23:30}, or empty (or "mati") for none. */
    public StringProperty scheduleText() {
        return scheduleText;
    }

    public ReadOnlyObjectProperty<Message> scheduleProblem() {
        return scheduleProblem.getReadOnlyProperty();
    }

    public ActionStatus scheduleStatus() {
        return scheduleStatus;
    }

    /** Reads the reconciliation time in the background. */
    public void loadSchedule() {
        scheduleStatus.start();
        run(settings::reconcileTime, time -> {
            scheduleStatus.done();
            scheduleLoaded = true;
            scheduleText.set(time.map(CLOCK::format).orElse(""));
        }, failure -> {
            scheduleStatus.done();
            LOG.warn("The reconciliation time could not be read", failure);
            scheduleStatus.error(refusal(failure, "reconciliation.schedule.readError"));
        });
    }

    /** Saves the typed reconciliation time in the background (owner only: the service says so). */
    public void saveSchedule() {
        if (scheduleStatus.busy().get()) {
            return;
        }
        Optional<Optional<LocalTime>> time = parseTime(scheduleText.get());
        if (time.isEmpty()) {
            scheduleProblem.set(Message.of("reconciliation.schedule.invalid"));
            scheduleStatus.error(Message.of("reconciliation.schedule.invalid"));
            return;
        }
        scheduleStatus.start();
        run(() -> {
            settings.setReconcileTime(actor(), time.get());
            return time.get();
        }, saved -> {
            scheduleStatus.done();
            scheduleText.set(saved.map(CLOCK::format).orElse(""));
            scheduleStatus.info(saved.map(t -> Message.of("reconciliation.schedule.saved", CLOCK.format(t)))
                    .orElse(Message.of("reconciliation.schedule.off")));
        }, failure -> {
            scheduleStatus.done();
            logFailure("The reconciliation time was not saved", failure);
            scheduleStatus.error(refusal(failure, "reconciliation.schedule.error"));
        });
    }

    /**
     * The typed time: a time, or an empty inner optional for "off"; empty when the text is neither.
     */
    static Optional<Optional<LocalTime>> parseTime(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty() || OFF.contains(text)) {
            return Optional.of(Optional.empty());
        }
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(Optional.of(LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))));
    }

    // ---- inside -------------------------------------------------------------------------------------------------

    /** The signed-in operator as stored now: the services check the role and status of this one. */
    private Operator actor() {
        return users.find(operator.username()).orElseThrow(() -> new UserException(
                UserException.Reason.UNKNOWN_OPERATOR, "There is no operator '" + operator.username()
                        + "' any more: sign in again."));
    }

    /**
     * A refusal of a service as the page says it: a translated headline with the service's own (English) detail;
     * anything else as {@code otherwiseKey} with its cause.
     */
    static Message refusal(Throwable failure, String otherwiseKey) {
        if (failure instanceof PermissionDeniedException) {
            return Message.of("reconciliation.refused.permission", describe(failure));
        }
        if (failure instanceof ReconciliationException) {
            return Message.of("reconciliation.refused", describe(failure));
        }
        if (failure instanceof UserException) {
            return Message.of("reconciliation.refused.operator", describe(failure));
        }
        return Message.of(otherwiseKey, describe(failure));
    }

    /** A refusal is the service's answer, said on screen: logged without a stack trace; anything else with one. */
    private static void logFailure(String what, Throwable failure) {
        if (failure instanceof ReconciliationException || failure instanceof PermissionDeniedException
                || failure instanceof UserException) {
            LOG.info("{}: {}", what, failure.getMessage());
        } else {
            LOG.warn(what, failure);
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** Runs {@code work} on the background executor and hands its result or its failure to the JavaFX thread. */
    private <T> void run(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        // The executor refused the work (shut down as the window closes): say so rather than hang.
        uiWork.run(work, done, failed, refused -> fxThread.execute(() -> failed.accept(refused)));
    }
}
