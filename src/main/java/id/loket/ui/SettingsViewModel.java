package id.loket.ui;

import id.loket.billing.BillingService;
import id.loket.billing.ConnectionTest;
import id.loket.billing.DepositBalance;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.NetworkAccount;
import id.loket.core.Biller;
import id.loket.core.BillerCategory;
import id.loket.core.BusinessCalendar;
import id.loket.core.Money;
import id.loket.settings.SettingsService;
import id.loket.ui.ProviderForm.Tested;
import id.loket.users.Activation;
import id.loket.users.AuditAction;
import id.loket.users.AuditEntry;
import id.loket.users.AuditQuery;
import id.loket.users.AuditService;
import id.loket.users.Operator;
import id.loket.users.OperatorStatus;
import id.loket.users.OperatorSummary;
import id.loket.users.PasswordPolicy;
import id.loket.users.PermissionDeniedException;
import id.loket.users.Role;
import id.loket.users.UserException;
import id.loket.users.UserService;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings page's state (Pengaturan, Ctrl+7). The owner registers clerks (the activation code is shown once,
 * until the page is left), disables them and resets their passwords; reads the audit log; edits the shop, the
 * receipt printer and paper, and the amount above which a payment needs a verified customer; picks the biller
 * network (the training sandbox or Digiflazz) and tests an account before saving it; and sets the shop's own fees
 * per category and per biller and the markup on prepaid products. Everyone changes their own password. A clerk
 * gets only that: the page offers them nothing else, and the services refuse a clerk anyway (their refusal is
 * shown as a message).
 *
 * <p>Plain Java and JavaFX properties, tested without the toolkit; {@link SettingsView} binds to it. Every ledger,
 * settings and gateway call runs on {@code background} and its result comes back through {@code fxThread}; a
 * failure becomes a {@link Message}, never a stack trace on screen. The acting operator is read again from the
 * ledger for every action, so the services check the account as it is stored now.
 *
 * <p>Lifecycle: the view calls {@link #activate()} when the page is shown and {@link #deactivate()} when it is
 * left; leaving forgets the activation code on screen, the typed passwords and the typed API key.
 */
public final class SettingsViewModel {

    /** At most this many audit entries are shown, the newest. */
    public static final int AUDIT_LIMIT = 500;

    /** The paper widths the receipt templates exist for. */
    public static final List<Integer> PAPER_WIDTHS = List.of(58, 80);

    private static final Logger LOG = LoggerFactory.getLogger(SettingsViewModel.class);

    // ---- what the page shows ------------------------------------------------------------------------------------

    /** One operator in the owner's table. */
    public record OperatorRow(String username, String displayName, Role role, OperatorStatus status,
            Instant registeredAt, Optional<Instant> lockedUntil, Optional<Instant> activationExpiresAt,
            int failedSignIns) {

        public OperatorRow {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(registeredAt, "registeredAt");
            Objects.requireNonNull(lockedUntil, "lockedUntil");
            Objects.requireNonNull(activationExpiresAt, "activationExpiresAt");
        }

        static OperatorRow of(OperatorSummary summary) {
            Operator o = summary.operator();
            return new OperatorRow(o.username(), o.displayName(), o.role(), o.status(), o.createdAt(),
                    summary.lockedUntil(), summary.activationExpiresAt(), summary.failedSignIns());
        }

        /** A clerk who can still sign in (or activate): the owner may disable them. */
        public boolean canDisable() {
            return role == Role.CLERK && status != OperatorStatus.DISABLED;
        }

        /** A clerk: the owner may give them a new activation code (which also turns a disabled clerk on). */
        public boolean canReset() {
            return role == Role.CLERK;
        }
    }

    /**
     * An activation code just issued, shown once: only its hash is kept, so it is gone once the page is left.
     *
     * @param reset issued by a password reset rather than a registration
     */
    public record CodeNotice(String username, String displayName, String code, Instant expiresAt, boolean reset) {

        public CodeNotice {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        static CodeNotice of(Activation activation, boolean reset) {
            return new CodeNotice(activation.operator().username(), activation.operator().displayName(),
                    activation.code(), activation.expiresAt(), reset);
        }

        @Override
        public String toString() {
            return "CodeNotice[" + username + ", until " + expiresAt + "]"; // never the code
        }
    }

    /** What waits for the owner's confirmation. */
    public enum PendingKind {
        DISABLE,
        RESET
    }

    /** An action on an operator that waits for the owner's "yes". */
    public record Pending(PendingKind kind, String username, String displayName) {}

    /** One line of the audit log as the table shows it. */
    public record AuditRow(Instant at, Optional<String> operator, AuditAction action, Optional<String> subject,
            String detail) {

        static AuditRow of(AuditEntry entry) {
            return new AuditRow(entry.at(), entry.operator(), entry.action(), entry.subject(), entry.detail());
        }
    }

    /**
     * A choice of the receipt printer: a printer by name, or none (receipts are saved as PDF).
     *
     * @param installed false for the printer the settings name but this computer does not have
     */
    public record PrinterChoice(Optional<String> name, boolean installed) {

        public static final PrinterChoice NONE = new PrinterChoice(Optional.empty(), true);

        public PrinterChoice {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The house network: the gateway, or its embedded training sandbox (the default). */
    public static final String HOUSE = "house";

    public static final String DIGIFLAZZ = "digiflazz";

    /** Whether a fee line is a category's or one biller's fee, or a category's markup on prepaid products. */
    public enum FeeKind {
        CATEGORY,
        BILLER,
        MARKUP
    }

    /**
     * One line of the fee table: the shop's own fee for a category, or for one biller (which overrides its
     * category's). Empty text means none.
     */
    public static final class FeeRow {

        private final FeeKind kind;
        private final String code;
        private final BillerCategory category;
        private final String billerName;
        private final Optional<Money> gatewayFee;
        private final StringProperty text = new SimpleStringProperty("");
        private final ReadOnlyObjectWrapper<Message> problem = new ReadOnlyObjectWrapper<>(Message.NONE);
        /** The fee as stored; empty for none; {@code null} when the stored value was not an amount. */
        private Optional<Money> saved;

        FeeRow(FeeKind kind, String code, BillerCategory category, String billerName, Optional<Money> gatewayFee,
                Optional<Money> saved) {
            this.kind = kind;
            this.code = code;
            this.category = category;
            this.billerName = billerName;
            this.gatewayFee = gatewayFee;
            this.saved = saved;
            text.set(saved == null ? "" : saved.map(m -> Long.toString(m.rupiah())).orElse(""));
            if (saved == null) {
                problem.set(Message.of("settings.fees.storedInvalid"));
            }
            text.addListener((obs, old, now) -> problem.set(liveFeeProblem(now)));
        }

        public FeeKind kind() {
            return kind;
        }

        /** The category's name ({@code ELECTRICITY}) or the biller's code ({@code PLN_POSTPAID}). */
        public String code() {
            return code;
        }

        public BillerCategory category() {
            return category;
        }

        /** The biller's name; empty for a category. */
        public String billerName() {
            return billerName;
        }

        /** The gateway's own admin fee for a biller; empty for a category. */
        public Optional<Money> gatewayFee() {
            return gatewayFee;
        }

        /** The fee as typed: rupiah, or empty for none. */
        public StringProperty text() {
            return text;
        }

        /** Why the typed fee cannot be saved; {@link Message#NONE} when it can. */
        public ReadOnlyObjectProperty<Message> problem() {
            return problem.getReadOnlyProperty();
        }

        /** The fee as stored; empty for none. */
        public Optional<Money> saved() {
            return saved == null ? Optional.empty() : saved;
        }
    }

    private final UserService users;
    private final AuditService audit;
    private final SettingsService settings;
    private final BillingService billing;
    private final ConnectionTest connectionTest;
    private final Access.SignedIn operator;
    private final BusinessCalendar calendar;
    private final UiWork uiWork;
    private final Executor fxThread;
    private final Supplier<List<String>> printers;

    // operators
    private final ActionStatus usersStatus = new ActionStatus();
    private final ObservableList<OperatorRow> operators = FXCollections.observableArrayList();
    private final ObservableList<OperatorRow> operatorsView = FXCollections.unmodifiableObservableList(operators);
    private final StringProperty newUsername = new SimpleStringProperty("");
    private final StringProperty newDisplayName = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<CodeNotice> code = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Pending> pending = new ReadOnlyObjectWrapper<>();

    // own password
    private final ActionStatus passwordStatus = new ActionStatus();
    private final StringProperty currentPassword = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty repeatPassword = new SimpleStringProperty("");

    // audit log
    private final ActionStatus auditStatus = new ActionStatus();
    private final ObjectProperty<Optional<String>> auditOperator = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<Optional<AuditAction>> auditAction = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<LocalDate> auditFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> auditTo = new SimpleObjectProperty<>();
    private final ObservableList<Optional<String>> auditOperatorChoices =
            FXCollections.observableArrayList(List.of(Optional.empty()));
    private final ObservableList<Optional<AuditAction>> auditActionChoices = FXCollections.observableArrayList();
    private final ObservableList<AuditRow> auditRows = FXCollections.observableArrayList();
    private final ObservableList<AuditRow> auditRowsView = FXCollections.unmodifiableObservableList(auditRows);

    // shop and receipts
    private final ActionStatus shopStatus = new ActionStatus();
    private final StringProperty shopName = new SimpleStringProperty("");
    private final StringProperty shopAddress = new SimpleStringProperty("");
    private final ObservableList<PrinterChoice> printerChoices =
            FXCollections.observableArrayList(List.of(PrinterChoice.NONE));
    private final ObjectProperty<PrinterChoice> printer = new SimpleObjectProperty<>(PrinterChoice.NONE);
    private final ObjectProperty<Integer> paperWidth = new SimpleObjectProperty<>(58);
    private final StringProperty verifiedAboveText = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Message> verifiedAboveProblem = new ReadOnlyObjectWrapper<>(Message.NONE);
    private final ReadOnlyObjectWrapper<Message> lockAfter = new ReadOnlyObjectWrapper<>(Message.NONE);
    private boolean shopLoaded;

    // fees
    private final ActionStatus feesStatus = new ActionStatus();
    private final ObservableList<FeeRow> fees = FXCollections.observableArrayList();
    private final ObservableList<FeeRow> feesView = FXCollections.unmodifiableObservableList(fees);
    private final ReadOnlyObjectWrapper<Message> catalogProblem = new ReadOnlyObjectWrapper<>(Message.NONE);
    private boolean feesLoaded;

    // biller network
    private final ObservableList<String> networkChoices = FXCollections.unmodifiableObservableList(
            FXCollections.observableArrayList(HOUSE, DIGIFLAZZ));
    /** The network, the key, the address, their test and their saving; the username and testing mode are beside. */
    private final ProviderForm account =
            new ProviderForm(LOG, this::run, HOUSE, SettingsService.DIGIFLAZZ_DEFAULT_URL);
    private final StringProperty digiflazzUsername = new SimpleStringProperty("");
    private final BooleanProperty digiflazzTesting = new SimpleBooleanProperty();

    /** Numbers the reads of the operators and the audit log, so that only the latest is shown. */
    private long operatorReads;
    private long auditReads;
    private boolean active;
    private boolean replacingChoices;

    /**
     * @param connectionTest asks a biller network for the deposit with an account typed but not saved (may take as
     *     long as the network's timeout: called on {@code background} only)
     */
    public SettingsViewModel(UserService users, AuditService audit, SettingsService settings, BillingService billing,
            ConnectionTest connectionTest, Access.SignedIn operator, BusinessCalendar calendar, Executor background,
            Executor fxThread) {
        this(users, audit, settings, billing, connectionTest, operator, calendar, background, fxThread,
                SettingsViewModel::installedPrinters);
    }

    /** With the printers a test chooses instead of the ones installed on this computer. */
    SettingsViewModel(UserService users, AuditService audit, SettingsService settings, BillingService billing,
            ConnectionTest connectionTest, Access.SignedIn operator, BusinessCalendar calendar, Executor background,
            Executor fxThread, Supplier<List<String>> printers) {
        this.users = Objects.requireNonNull(users, "users");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.billing = Objects.requireNonNull(billing, "billing");
        this.connectionTest = Objects.requireNonNull(connectionTest, "connectionTest");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.uiWork = new UiWork(background, fxThread);
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.printers = Objects.requireNonNull(printers, "printers");

        auditActionChoices.add(Optional.empty());
        Arrays.stream(AuditAction.values()).map(Optional::of).forEach(auditActionChoices::add);
        LocalDate today = calendar.today();
        auditFrom.set(today.minusDays(6));
        auditTo.set(today);
        // A changed filter shows its entries at once (while the page is shown).
        auditOperator.addListener((obs, old, now) -> filterChanged(old, now));
        auditAction.addListener((obs, old, now) -> filterChanged(old, now));
        auditFrom.addListener((obs, old, now) -> filterChanged(old, now));
        auditTo.addListener((obs, old, now) -> filterChanged(old, now));
        verifiedAboveText.addListener((obs, old, now) -> verifiedAboveProblem.set(
                now == null || now.isBlank() || CounterViewModel.parseRupiah(now).isPresent()
                        ? Message.NONE : Message.of("settings.shop.verifiedAbove.invalid")));
        account.watch(digiflazzUsername, digiflazzTesting);
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------------

    /** Whether the signed-in operator is the owner: the page offers a clerk only their own password. */
    public boolean isOwner() {
        return operator.owner();
    }

    /** Who is signed in. */
    public Access.SignedIn operator() {
        return operator;
    }

    /**
     * The page is shown: the owner's operators and audit log are read again; the shop's settings and the fees the
     * first time only, so what the owner typed and did not save yet survives a look at another section.
     */
    public void activate() {
        active = true;
        if (!isOwner()) {
            return;
        }
        refreshOperators();
        searchAudit();
        if (!shopLoaded) {
            loadShop();
        }
        if (!feesLoaded) {
            loadFees();
        }
        if (!account.loaded()) {
            loadNetwork();
        }
    }

    /** The page is left: the activation code on screen and the typed passwords and API key are forgotten. */
    public void deactivate() {
        active = false;
        forgetCode();
        cancelPending();
        currentPassword.set("");
        newPassword.set("");
        repeatPassword.set("");
        account.forget();
    }

    /** {@code instant} on the shop's clock (WIB). */
    public ZonedDateTime localTime(Instant instant) {
        return calendar.localTime(instant);
    }

    /** Now, on the shop's clock (an activation code's expiry is compared with it). */
    public Instant now() {
        return calendar.now();
    }

    // ---- operators ----------------------------------------------------------------------------------------------

    public ActionStatus usersStatus() {
        return usersStatus;
    }

    /** Every operator, in the order they were registered (owner only). */
    public ObservableList<OperatorRow> operators() {
        return operatorsView;
    }

    /** The new clerk's username as typed. */
    public StringProperty newUsername() {
        return newUsername;
    }

    /** The new clerk's name as people read it. */
    public StringProperty newDisplayName() {
        return newDisplayName;
    }

    /** The activation code just issued, shown once; {@code null} when there is none to show. */
    public ReadOnlyObjectProperty<CodeNotice> code() {
        return code.getReadOnlyProperty();
    }

    /** The action waiting for the owner's confirmation; {@code null} when none waits. */
    public ReadOnlyObjectProperty<Pending> pending() {
        return pending.getReadOnlyProperty();
    }

    /** Reads the operators in the background. */
    public void refreshOperators() {
        long read = ++operatorReads;
        run(() -> users.list(actor()), list -> {
            if (read == operatorReads) {
                showOperators(list);
            }
        }, failure -> {
            if (read == operatorReads) {
                logFailure("The operators could not be listed", failure);
                usersStatus.error(refusal(failure, "settings.users.error.list"));
            }
        });
    }

    /**
     * Registers the typed clerk in the background; the activation code is then shown (once). Nothing is sent while
     * another change of operators is on its way, or when a field is empty.
     */
    public void registerClerk() {
        if (usersStatus.busy().get()) {
            return;
        }
        String username = newUsername.get() == null ? "" : newUsername.get().strip();
        String displayName = newDisplayName.get() == null ? "" : newDisplayName.get().strip();
        if (username.isEmpty() || displayName.isEmpty()) {
            usersStatus.error(Message.of("settings.register.missing"));
            return;
        }
        cancelPending();
        usersStatus.start();
        code.set(null);
        run(() -> {
            Activation issued = users.registerClerk(actor(), username, displayName);
            return new Issued(issued, listQuietly());
        }, issued -> {
            usersStatus.done();
            newUsername.set("");
            newDisplayName.set("");
            code.set(CodeNotice.of(issued.activation(), false));
            issued.operators().ifPresent(this::showOperators);
            usersStatus.info(Message.of("settings.register.done", issued.activation().operator().username()));
        }, failure -> {
            usersStatus.done();
            LOG.info("Registering clerk {} was refused: {}", username, failure.getMessage());
            usersStatus.error(refusal(failure, "settings.users.error.change"));
        });
    }

    /** Asks the owner to confirm disabling {@code row} (the inline confirmation). */
    public void requestDisable(OperatorRow row) {
        request(PendingKind.DISABLE, row);
    }

    /** Asks the owner to confirm a new activation code for {@code row}, whose password then stops working. */
    public void requestReset(OperatorRow row) {
        request(PendingKind.RESET, row);
    }

    private void request(PendingKind kind, OperatorRow row) {
        if (row == null || usersStatus.busy().get()) {
            return;
        }
        usersStatus.clear();
        pending.set(new Pending(kind, row.username(), row.displayName()));
    }

    /** The owner said no: nothing is changed. */
    public void cancelPending() {
        pending.set(null);
    }

    /** The owner said yes: the waiting action runs in the background. */
    public void confirmPending() {
        Pending action = pending.get();
        if (action == null || usersStatus.busy().get()) {
            return;
        }
        pending.set(null);
        usersStatus.start();
        if (action.kind() == PendingKind.DISABLE) {
            run(() -> {
                users.disable(actor(), action.username());
                return listQuietly();
            }, list -> {
                usersStatus.done();
                list.ifPresent(this::showOperators);
                usersStatus.info(Message.of("settings.disable.done", action.username()));
            }, failure -> {
                usersStatus.done();
                LOG.info("Disabling {} was refused: {}", action.username(), failure.getMessage());
                usersStatus.error(refusal(failure, "settings.users.error.change"));
            });
        } else {
            code.set(null);
            run(() -> {
                Activation issued = users.resetPassword(actor(), action.username());
                return new Issued(issued, listQuietly());
            }, issued -> {
                usersStatus.done();
                code.set(CodeNotice.of(issued.activation(), true));
                issued.operators().ifPresent(this::showOperators);
                usersStatus.info(Message.of("settings.reset.done", action.username()));
            }, failure -> {
                usersStatus.done();
                LOG.info("Resetting the password of {} was refused: {}", action.username(), failure.getMessage());
                usersStatus.error(refusal(failure, "settings.users.error.change"));
            });
        }
    }

    /** The owner has passed the code on: it is no longer shown (and cannot be shown again). */
    public void forgetCode() {
        code.set(null);
    }

    private void showOperators(List<OperatorSummary> list) {
        operators.setAll(list.stream().map(OperatorRow::of).toList());
        List<Optional<String>> choices = new ArrayList<>();
        choices.add(Optional.empty());
        list.forEach(s -> choices.add(Optional.of(s.operator().username())));
        // A combo box showing these choices empties its value while they are replaced: the filter stays as chosen.
        Optional<String> chosen = auditOperator.get();
        replacingChoices = true;
        try {
            auditOperatorChoices.setAll(choices);
            auditOperator.set(chosen == null ? Optional.empty() : chosen);
        } finally {
            replacingChoices = false;
        }
    }

    /** The operators after a change; a failed read must not make the change look failed. */
    private Optional<List<OperatorSummary>> listQuietly() {
        try {
            return Optional.of(users.list(actor()));
        } catch (RuntimeException e) {
            LOG.warn("The operators could not be listed after a change", e);
            return Optional.empty();
        }
    }

    private record Issued(Activation activation, Optional<List<OperatorSummary>> operators) {}

    // ---- own password -------------------------------------------------------------------------------------------

    public ActionStatus passwordStatus() {
        return passwordStatus;
    }

    public StringProperty currentPassword() {
        return currentPassword;
    }

    public StringProperty newPassword() {
        return newPassword;
    }

    public StringProperty repeatPassword() {
        return repeatPassword;
    }

    /** Changes the signed-in operator's own password in the background, after the checks that need no ledger. */
    public void changePassword() {
        if (passwordStatus.busy().get()) {
            return;
        }
        String current = Objects.requireNonNullElse(currentPassword.get(), "");
        String wanted = Objects.requireNonNullElse(newPassword.get(), "");
        String repeat = Objects.requireNonNullElse(repeatPassword.get(), "");
        if (current.isEmpty() || wanted.isEmpty() || repeat.isEmpty()) {
            passwordStatus.error(Message.of("settings.password.missing"));
            return;
        }
        if (!wanted.equals(repeat)) {
            passwordStatus.error(Message.of("settings.password.mismatch"));
            return;
        }
        if (wanted.length() < PasswordPolicy.MIN_LENGTH) {
            passwordStatus.error(Message.of("settings.password.short", PasswordPolicy.MIN_LENGTH));
            return;
        }
        passwordStatus.start();
        run(() -> users.changePassword(actor(), current, wanted), changed -> {
            passwordStatus.done();
            currentPassword.set("");
            newPassword.set("");
            repeatPassword.set("");
            passwordStatus.info(Message.of("settings.password.done"));
        }, failure -> {
            passwordStatus.done();
            LOG.info("Changing the password of {} was refused: {}", operator.username(), failure.getMessage());
            passwordStatus.error(refusal(failure, "settings.password.error"));
        });
    }

    // ---- audit log ----------------------------------------------------------------------------------------------

    public ActionStatus auditStatus() {
        return auditStatus;
    }

    /** Only what this operator did; empty for everyone. */
    public ObjectProperty<Optional<String>> auditOperator() {
        return auditOperator;
    }

    /** Only this kind of action; empty for every kind. */
    public ObjectProperty<Optional<AuditAction>> auditAction() {
        return auditAction;
    }

    /** The first business day shown (inclusive); {@code null} for no lower bound. A week ago by default. */
    public ObjectProperty<LocalDate> auditFrom() {
        return auditFrom;
    }

    /** The last business day shown (inclusive); {@code null} for no upper bound. Today by default. */
    public ObjectProperty<LocalDate> auditTo() {
        return auditTo;
    }

    /** Everyone, then the operators by username. */
    public ObservableList<Optional<String>> auditOperatorChoices() {
        return auditOperatorChoices;
    }

    /** Every kind, then each kind. */
    public ObservableList<Optional<AuditAction>> auditActionChoices() {
        return auditActionChoices;
    }

    /** The entries found, newest first (at most {@link #AUDIT_LIMIT}). */
    public ObservableList<AuditRow> auditRows() {
        return auditRowsView;
    }

    /** Reads the audit log with the filters in the background. */
    public void searchAudit() {
        LocalDate from = auditFrom.get();
        LocalDate to = auditTo.get();
        if (from != null && to != null && to.isBefore(from)) {
            auditStatus.error(Message.of("settings.audit.dateOrder"));
            return;
        }
        AuditQuery query = AuditQuery.all().onDays(Optional.ofNullable(from), Optional.ofNullable(to));
        Optional<String> who = Objects.requireNonNullElse(auditOperator.get(), Optional.empty());
        Optional<AuditAction> kind = Objects.requireNonNullElse(auditAction.get(), Optional.empty());
        if (who.isPresent()) {
            query = query.by(who.get());
        }
        if (kind.isPresent()) {
            query = query.of(kind.get());
        }
        AuditQuery asked = query;
        long read = ++auditReads;
        auditStatus.start();
        run(() -> audit.search(actor(), asked), found -> {
            if (read != auditReads) {
                return;
            }
            auditStatus.done();
            List<AuditRow> newest = new ArrayList<>(found.size());
            for (int i = found.size() - 1; i >= 0 && newest.size() < AUDIT_LIMIT; i--) {
                newest.add(AuditRow.of(found.get(i)));
            }
            auditRows.setAll(newest);
            if (found.isEmpty()) {
                auditStatus.info(Message.of("settings.audit.empty"));
            } else if (found.size() > AUDIT_LIMIT) {
                auditStatus.info(Message.of("settings.audit.truncated", (long) found.size(), (long) AUDIT_LIMIT));
            } else {
                auditStatus.info(Message.of("settings.audit.summary", (long) found.size()));
            }
        }, failure -> {
            if (read != auditReads) {
                return;
            }
            auditStatus.done();
            logFailure("The audit log could not be read", failure);
            auditRows.clear();
            auditStatus.error(refusal(failure, "settings.audit.error"));
        });
    }

    /** A date typed into a filter could not be read: the filter stays as it was, and the page says why. */
    public void dateRefused(String typed) {
        auditStatus.error(Message.of("settings.audit.badDate", Objects.requireNonNullElse(typed, "")));
    }

    private void filterChanged(Object old, Object now) {
        // A combo box briefly empties its value while its choices are replaced: not a filter the owner chose.
        if (active && isOwner() && !replacingChoices && !Objects.equals(old, now)
                && (now != null || old instanceof LocalDate)) {
            searchAudit();
        }
    }

    // ---- shop and receipts --------------------------------------------------------------------------------------

    public ActionStatus shopStatus() {
        return shopStatus;
    }

    public StringProperty shopName() {
        return shopName;
    }

    public StringProperty shopAddress() {
        return shopAddress;
    }

    /** No printer (save as PDF), then the installed printers, and the chosen one should it not be installed. */
    public ObservableList<PrinterChoice> printerChoices() {
        return printerChoices;
    }

    public ObjectProperty<PrinterChoice> printer() {
        return printer;
    }

    /** 58 or 80 (mm). */
    public ObjectProperty<Integer> paperWidth() {
        return paperWidth;
    }

    /** Payments above this many rupiah need a verified customer; 0 turns the rule off. */
    public StringProperty verifiedAboveText() {
        return verifiedAboveText;
    }

    public ReadOnlyObjectProperty<Message> verifiedAboveProblem() {
        return verifiedAboveProblem.getReadOnlyProperty();
    }

    /** How long the window may sit idle before it locks, in words. */
    public ReadOnlyObjectProperty<Message> lockAfter() {
        return lockAfter.getReadOnlyProperty();
    }

    /** Reads the shop's settings and the installed printers in the background. */
    public void loadShop() {
        shopStatus.start();
        run(this::readShop, read -> {
            shopStatus.done();
            showShop(read);
            read.problem().ifPresent(shopStatus::error);
        }, failure -> {
            shopStatus.done();
            logFailure("The shop's settings could not be read", failure);
            shopStatus.error(refusal(failure, "settings.shop.error.read"));
        });
    }

    /** Saves the shop's settings, each through the service (which audits what changed), in the background. */
    public void saveShop() {
        if (shopStatus.busy().get()) {
            return;
        }
        String name = Objects.requireNonNullElse(shopName.get(), "").strip();
        String address = Objects.requireNonNullElse(shopAddress.get(), "").strip();
        if (name.isEmpty()) {
            shopStatus.error(Message.of("settings.shop.name.missing"));
            return;
        }
        String typed = Objects.requireNonNullElse(verifiedAboveText.get(), "");
        Optional<Money> above = typed.isBlank() ? Optional.of(Money.ZERO) : CounterViewModel.parseRupiah(typed);
        if (above.isEmpty()) {
            verifiedAboveProblem.set(Message.of("settings.shop.verifiedAbove.invalid"));
            shopStatus.error(Message.of("settings.shop.verifiedAbove.invalid"));
            return;
        }
        Optional<String> printerName = Optional.ofNullable(printer.get()).flatMap(PrinterChoice::name);
        int paper = paperWidth.get() == null ? 58 : paperWidth.get();
        Money amount = above.get();
        shopStatus.start();
        run(() -> {
            Operator actor = actor();
            settings.setShopName(actor, name);
            settings.setShopAddress(actor, address);
            settings.setReceiptPrinter(actor, printerName);
            settings.setReceiptPaperMillimetres(actor, paper);
            settings.setVerifiedCustomerAbove(actor, amount);
            return readShop();
        }, read -> {
            shopStatus.done();
            showShop(read);
            shopStatus.info(Message.of("settings.shop.saved"));
        }, failure -> {
            shopStatus.done();
            LOG.info("Saving the shop's settings was refused: {}", failure.getMessage());
            shopStatus.error(refusal(failure, "settings.shop.error.save"));
        });
    }

    private record ShopSettings(String name, String address, Optional<String> printer, List<String> installed,
            int paper, Optional<Money> verifiedAbove, Message lock, Optional<Message> problem) {}

    /** On the background thread. */
    private ShopSettings readShop() {
        List<String> installed;
        try {
            installed = List.copyOf(printers.get());
        } catch (RuntimeException e) {
            LOG.warn("The installed printers could not be listed", e);
            installed = List.of();
        }
        Optional<Money> above;
        Optional<Message> problem = Optional.empty();
        try {
            above = Optional.of(settings.verifiedCustomerAbove());
        } catch (IllegalStateException e) {
            above = Optional.empty();
            problem = Optional.of(Message.of("settings.shop.storedInvalid", e.getMessage()));
        }
        Message lock;
        try {
            Duration after = settings.lockAfter();
            lock = after.isZero() ? Message.of("settings.shop.lock.never")
                    : Message.of("settings.shop.lock.minutes", after.toMinutes());
        } catch (IllegalArgumentException e) {
            lock = Message.of("settings.shop.lock.invalid", e.getMessage());
        }
        return new ShopSettings(settings.shopName(), settings.shopAddress(), settings.receiptPrinter(), installed,
                settings.receiptPaperMillimetres(), above, lock, problem);
    }

    private void showShop(ShopSettings read) {
        shopLoaded = true;
        shopName.set(read.name());
        shopAddress.set(read.address());
        List<PrinterChoice> choices = new ArrayList<>();
        choices.add(PrinterChoice.NONE);
        read.installed().forEach(p -> choices.add(new PrinterChoice(Optional.of(p), true)));
        PrinterChoice chosen = PrinterChoice.NONE;
        if (read.printer().isPresent()) {
            String name = read.printer().get();
            chosen = choices.stream().filter(c -> c.name().filter(name::equalsIgnoreCase).isPresent()).findFirst()
                    .orElseGet(() -> {
                        PrinterChoice missing = new PrinterChoice(Optional.of(name), false);
                        choices.add(missing);
                        return missing;
                    });
        }
        printerChoices.setAll(choices);
        printer.set(chosen);
        paperWidth.set(read.paper());
        verifiedAboveText.set(read.verifiedAbove().map(m -> Long.toString(m.rupiah())).orElse(""));
        lockAfter.set(read.lock());
    }

    // ---- biller network -----------------------------------------------------------------------------------------

    /** Reading and saving the biller network. */
    public ActionStatus networkStatus() {
        return account.status();
    }

    /** "Test connection": on its way, and what the network said (the deposit, or what is wrong). */
    public ActionStatus connectionStatus() {
        return account.testStatus();
    }

    /** {@link #HOUSE} (the training sandbox), then {@link #DIGIFLAZZ}. */
    public ObservableList<String> networkChoices() {
        return networkChoices;
    }

    /** {@link #HOUSE} or {@link #DIGIFLAZZ}. */
    public ObjectProperty<String> network() {
        return account.choice();
    }

    public StringProperty digiflazzUsername() {
        return digiflazzUsername;
    }

    /**
     * The API key as typed (the field masks it); empty keeps the stored key. The stored key is never read into it,
     * nor into any message: {@link #keyStored()} only says that there is one.
     */
    public StringProperty digiflazzKey() {
        return account.secret();
    }

    /** Digiflazz's address; empty means {@link SettingsService#DIGIFLAZZ_DEFAULT_URL}. */
    public StringProperty digiflazzUrl() {
        return account.url();
    }

    /** Digiflazz's development mode: the development key, no real transactions, "TESTING" on screen. */
    public BooleanProperty digiflazzTesting() {
        return digiflazzTesting;
    }

    /** Whether an API key is stored, so the key field may stay empty. */
    public ReadOnlyBooleanProperty keyStored() {
        return account.secretStored();
    }

    /** Reads the biller network's settings in the background. */
    public void loadNetwork() {
        account.load(this::readNetwork, this::showNetwork, "The biller network's settings could not be read",
                "settings.network.error.read");
    }

    /**
     * Asks the chosen network for the deposit with the account as typed, not saved (an empty key field means the
     * stored key), in the background. What comes back is said in words: the balance, or which setting is wrong.
     */
    public void testConnection() {
        ActionStatus connectionStatus = account.testStatus();
        if (connectionStatus.busy().get()) {
            return;
        }
        Optional<NetworkAccount> typed = typedAccount(connectionStatus);
        if (typed.isEmpty()) {
            return;
        }
        NetworkAccount asked = typed.get();
        account.test(Message.of("settings.network.test.running"), asked.key(),
                () -> asked.key().isEmpty() && DIGIFLAZZ.equals(asked.network())
                        ? settings.digiflazzKey().orElse("") : asked.key(),
                key -> tested(connectionTest.test(new NetworkAccount(asked.network(), asked.username(), key,
                        asked.url(), asked.testing()))),
                "Testing the connection to " + asked.network() + " failed", "Testing the connection failed",
                "settings.network.test.failed");
    }

    /**
     * Saves the chosen network and, for Digiflazz, the account as typed (an empty key field keeps the stored key), in
     * the background; owner only. Loket builds its network when it starts, so the page says to restart it.
     */
    public void saveNetwork() {
        if (account.status().busy().get()) {
            return;
        }
        Optional<NetworkAccount> typed = typedAccount(account.status());
        if (typed.isEmpty()) {
            return;
        }
        NetworkAccount saved = typed.get();
        Optional<String> key = saved.key().isEmpty() ? Optional.empty() : Optional.of(saved.key());
        account.save(saved.key(), () -> {
            // An empty username is how the service goes back to the house network.
            settings.setDigiflazz(actor(), saved.username(), key, saved.url(), saved.testing());
            return readNetwork();
        }, this::showNetwork, read -> Message.of(DIGIFLAZZ.equals(read.choice()) ? "settings.network.saved.digiflazz"
                : "settings.network.saved.house"), "Saving the biller network was refused",
                "settings.network.error.save");
    }

    /** The account as typed; empty, with what is missing said on {@code status}, when it cannot be used. */
    private Optional<NetworkAccount> typedAccount(ActionStatus status) {
        String url = ProviderForm.typed(account.url());
        url = url.isEmpty() ? SettingsService.DIGIFLAZZ_DEFAULT_URL : url;
        boolean testing = digiflazzTesting.get();
        if (!DIGIFLAZZ.equals(account.choice().get())) {
            return Optional.of(new NetworkAccount(HOUSE, "", "", url, testing));
        }
        String username = ProviderForm.typed(digiflazzUsername);
        if (username.isEmpty()) {
            status.error(Message.of("settings.network.username.missing"));
            return Optional.empty();
        }
        if (!account.secretAvailable(status, "settings.network.key.missing")) {
            return Optional.empty();
        }
        return Optional.of(new NetworkAccount(DIGIFLAZZ, username, account.typedSecret(), url, testing));
    }

    /** On the background thread. */
    private static Tested tested(GatewayResult<DepositBalance> result) {
        if (result instanceof GatewayResult.Answer<DepositBalance> answer) {
            return new Tested(true, Message.of("settings.network.test.ok", answer.value().balance().rupiah()));
        }
        if (result instanceof GatewayResult.Refused<DepositBalance> refused) {
            GatewayError error = refused.error();
            String said = error.message();
            Message message;
            if (error.is(GatewayError.WRONG_KEY)) {
                message = Message.of("settings.network.test.wrongKey", said);
            } else if (error.is(GatewayError.WRONG_USERNAME)) {
                message = Message.of("settings.network.test.wrongUsername", said);
            } else if (error.is(GatewayError.IP_NOT_WHITELISTED)) {
                message = Message.of("settings.network.test.ipNotWhitelisted", said);
            } else if (error.is(GatewayError.CONFIGURATION_ERROR)) {
                message = Message.of("settings.network.test.configuration", said);
            } else {
                message = Message.of("settings.network.test.refused", error.code(), said);
            }
            return new Tested(false, message);
        }
        String reason = ((GatewayResult.NoAnswer<DepositBalance>) result).reason();
        return new Tested(false, Message.of("settings.network.test.noAnswer", reason));
    }

    private record NetworkSettings(String choice, String username, boolean secretStored, String url, boolean testing,
            Message problem) implements ProviderForm.Read {}

    /** On the background thread; reads whether a key is stored, never the key. */
    private NetworkSettings readNetwork() {
        ProviderForm.Choice chosen =
                ProviderForm.storedChoice(settings::billerNetwork, HOUSE, "settings.network.storedInvalid");
        return new NetworkSettings(chosen.value(), settings.digiflazzUsername().orElse(""),
                settings.digiflazzKey().isPresent(), settings.digiflazzUrl(), settings.digiflazzTesting(),
                chosen.problem());
    }

    /** What the network's form has besides the choice, the key and the address. */
    private void showNetwork(NetworkSettings read) {
        digiflazzUsername.set(read.username());
        digiflazzTesting.set(read.testing());
    }

    // ---- fees ---------------------------------------------------------------------------------------------------

    public ActionStatus feesStatus() {
        return feesStatus;
    }

    /** The categories' fees, their markups on prepaid products, then the catalog's billers by category and name. */
    public ObservableList<FeeRow> fees() {
        return feesView;
    }

    /** Why the billers are missing from the table (the catalog could not be read); {@link Message#NONE} otherwise. */
    public ReadOnlyObjectProperty<Message> catalogProblem() {
        return catalogProblem.getReadOnlyProperty();
    }

    /** Reads the fees and the catalog (from the gateway, the first time) in the background. */
    public void loadFees() {
        feesStatus.start();
        run(this::readFees, read -> {
            feesStatus.done();
            showFees(read);
        }, failure -> {
            feesStatus.done();
            logFailure("The fees could not be read", failure);
            feesStatus.error(refusal(failure, "settings.fees.error.read"));
        });
    }

    /**
     * Saves every fee whose text differs from what is stored, in the background. When any typed fee is not an
     * amount nothing is saved and the line says why.
     */
    public void saveFees() {
        if (feesStatus.busy().get()) {
            return;
        }
        List<FeeChange> changes = new ArrayList<>();
        boolean problems = false;
        for (FeeRow row : fees) {
            String typed = Objects.requireNonNullElse(row.text.get(), "");
            Optional<Money> fee = typed.isBlank() ? Optional.empty() : CounterViewModel.parseRupiah(typed);
            if (!typed.isBlank() && fee.isEmpty()) {
                row.problem.set(Message.of("settings.fees.invalid"));
                problems = true;
                continue;
            }
            if (row.saved == null || !row.saved.equals(fee)) {
                changes.add(new FeeChange(row.kind, row.code, row.category, fee));
            }
        }
        if (problems) {
            feesStatus.error(Message.of("settings.fees.fix"));
            return;
        }
        if (changes.isEmpty()) {
            feesStatus.info(Message.of("settings.fees.unchanged"));
            return;
        }
        feesStatus.start();
        run(() -> {
            Operator actor = actor();
            for (FeeChange change : changes) {
                if (change.kind() == FeeKind.CATEGORY) {
                    settings.setCategoryFee(actor, change.category(), change.fee());
                } else if (change.kind() == FeeKind.MARKUP) {
                    settings.setMarkup(actor, change.category(), change.fee().orElse(Money.ZERO));
                } else {
                    settings.setBillerFee(actor, change.code(), change.fee());
                }
            }
            return readFees();
        }, read -> {
            feesStatus.done();
            showFees(read);
            feesStatus.info(Message.of("settings.fees.saved", (long) changes.size()));
        }, failure -> {
            feesStatus.done();
            LOG.info("Saving the fees was refused: {}", failure.getMessage());
            feesStatus.error(refusal(failure, "settings.fees.error.save"));
        });
    }

    private record FeeChange(FeeKind kind, String code, BillerCategory category, Optional<Money> fee) {}

    private record FeeLine(FeeKind kind, String code, BillerCategory category, String billerName,
            Optional<Money> gatewayFee, Optional<Money> saved) {}

    private record Fees(List<FeeLine> lines, Message catalogProblem) {}

    /** On the background thread. */
    private Fees readFees() {
        List<FeeLine> lines = new ArrayList<>();
        for (BillerCategory category : BillerCategory.values()) {
            lines.add(new FeeLine(FeeKind.CATEGORY, category.name(), category, "", Optional.empty(),
                    storedFee(() -> settings.categoryFee(category))));
        }
        for (BillerCategory category : BillerCategory.values()) {
            // The service reads the markup only inside a price: a product with no price of its own (no SKU) that
            // costs nothing sells for exactly the markup. No markup and a zero markup are the same: "none".
            lines.add(new FeeLine(FeeKind.MARKUP, category.name(), category, "", Optional.empty(), storedFee(() ->
                    settings.markup(category))));
        }
        Message problem = Message.NONE;
        GatewayResult<List<Biller>> catalog;
        try {
            catalog = billing.billers();
        } catch (RuntimeException e) {
            LOG.warn("The catalog could not be read for the fee table", e);
            catalog = new GatewayResult.NoAnswer<>(describe(e));
        }
        if (catalog instanceof GatewayResult.Answer<List<Biller>> answer) {
            answer.value().stream()
                    .sorted(Comparator.comparing(Biller::category).thenComparing(Biller::name))
                    .forEach(b -> lines.add(new FeeLine(FeeKind.BILLER, b.code(), b.category(), b.name(),
                            Optional.of(b.adminFee()), storedFee(() -> settings.billerFee(b.code())))));
        } else if (catalog instanceof GatewayResult.Refused<List<Biller>> refused) {
            problem = Message.of("settings.fees.catalog.refused", refused.error().message());
        } else if (catalog instanceof GatewayResult.NoAnswer<List<Biller>> none) {
            problem = Message.of("settings.fees.catalog.noAnswer", none.reason());
        }
        return new Fees(lines, problem);
    }

    /** The stored fee; {@code null} when the stored value is not an amount (the line then says so). */
    private static Optional<Money> storedFee(Supplier<Optional<Money>> read) {
        try {
            return read.get();
        } catch (IllegalStateException e) {
            LOG.warn("A stored fee is not an amount: {}", e.getMessage());
            return null;
        }
    }

    private void showFees(Fees read) {
        feesLoaded = true;
        fees.setAll(read.lines().stream()
                .map(l -> new FeeRow(l.kind(), l.code(), l.category(), l.billerName(), l.gatewayFee(), l.saved()))
                .toList());
        catalogProblem.set(read.catalogProblem());
    }

    private static Message liveFeeProblem(String text) {
        if (text == null || text.isBlank() || CounterViewModel.parseRupiah(text).isPresent()) {
            return Message.NONE;
        }
        return Message.of("settings.fees.invalid");
    }

    // ---- inside -------------------------------------------------------------------------------------------------

    /** The signed-in operator as stored now: the services check the role and status of this one. */
    private Operator actor() {
        return users.find(operator.username()).orElseThrow(() -> new UserException(
                UserException.Reason.UNKNOWN_OPERATOR, "There is no operator '" + operator.username()
                        + "' any more: sign in again."));
    }

    /** A refusal of a service as the page says it; anything else as {@code otherwiseKey} with its cause. */
    static Message refusal(Throwable failure, String otherwiseKey) {
        if (failure instanceof UserException e) {
            return Message.of("settings.refused." + e.reason().name(), e.getMessage());
        }
        if (failure instanceof PermissionDeniedException e) {
            return Message.of("settings.refused.permission", e.getMessage());
        }
        if (failure instanceof IllegalArgumentException e) {
            return Message.of("settings.refused.invalid", describe(e));
        }
        return Message.of(otherwiseKey, describe(failure));
    }

    /** A refusal is the service's answer, said on screen: logged without a stack trace; anything else with one. */
    private static void logFailure(String what, Throwable failure) {
        ProviderForm.logFailure(LOG, what, failure);
    }

    private static String describe(Throwable failure) {
        return ProviderForm.describe(failure);
    }

    /** The printers installed on this computer, by name (slow on some systems: called in the background). */
    static List<String> installedPrinters() {
        return Arrays.stream(PrintServiceLookup.lookupPrintServices(null, null)).map(PrintService::getName)
                .distinct().sorted().toList();
    }

    /** Runs {@code work} on the background executor and hands its result or its failure to the JavaFX thread. */
    private <T> void run(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        // The executor refused the work (shut down as the window closes): say so rather than hang.
        uiWork.run(work, done, failed, refused -> fxThread.execute(() -> failed.accept(refused)));
    }
}
