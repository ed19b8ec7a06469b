package id.loket.ui;

import java.net.URL;
import java.util.concurrent.Executor;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The application's main window: the shell with its navigation, the open section's page and the status bar.
 * The composition root builds a {@link UiContext} and calls {@code new MainWindow(context).show(stage)} on the
 * JavaFX application thread.
 *
 * <p>This is also where the user interface is wired: every controller is registered here in one
 * {@link ControllerFactory}, with its collaborators passed to its constructor.
 */
public final class MainWindow {

    /** Smaller than this, the counter screen's fields and the status bar no longer fit side by side. */
    static final double MIN_WIDTH = 1024;

    static final double MIN_HEIGHT = 700;

    private static final double PREFERRED_WIDTH = 1280;
    private static final double PREFERRED_HEIGHT = 800;
    private static final String STYLESHEET = "/css/loket.css";
    /** Often enough to notice a gateway outage before the next customer, rarely enough to cost nothing. */
    private static final Duration GATEWAY_CHECK_INTERVAL = Duration.minutes(1);

    private final ShellViewModel viewModel;
    private final CounterSession session;
    private final LockViewModel lock;
    private final java.time.Duration idleLock;
    private final javafx.scene.layout.StackPane layers = new javafx.scene.layout.StackPane();
    private final ViewLoader views;
    private Stage stage;
    private Scene scene;
    private ShellView shell;
    private CounterView counterView;
    private HistoryView historyView;
    private final java.util.Map<Section, Node> pageRoots = new java.util.EnumMap<>(Section.class);

    public MainWindow(UiContext context) {
        Executor fx = Platform::runLater;
        this.session = new CounterSession(context.clerk(), context.shifts(), context.background(), fx);
        this.viewModel = new ShellViewModel(context.settings(), context.maintenance(), context.billing(),
                context.background(), fx, session, context.calendar(), context.version(), context.dataDirectory());
        // The screens' view models live as long as the window: a language switch rebuilds the views, not the
        // work in progress (a payment waiting for the gateway, a search, a shift being closed).
        CounterViewModel counter = new CounterViewModel(context.billing(), context.payments(), context.customers(),
                context.receipts(), context.calendar(), session, context.settings()::staticQris,
                java.util.Optional.of(context.receiptMessages()), context.background(), fx);
        HistoryViewModel history = new HistoryViewModel(context.payments(), context.receipts(), context.calendar(),
                session, java.util.Optional.of(context.receiptMessages()), context.background(), fx);
        ShiftViewModel shift = new ShiftViewModel(context.shifts(), session, context.calendar(), context.background(),
                fx);
        this.lock = new LockViewModel(context.access(), context.operator(), context.background(), fx);
        this.idleLock = context.idleLock();
        SettingsViewModel settingsPage = new SettingsViewModel(context.users(), context.audit(), context.settings(),
                context.billing(), context.connectionTest(), context.operator(), context.calendar(),
                context.background(), fx);
        UpstreamSettingsViewModel upstreamsPage = new UpstreamSettingsViewModel(context.settings(), context.users(),
                context.upstreamChecks(), context.operator(), context.background(), fx);
        CustomersViewModel customersPage = new CustomersViewModel(context.customers(), context.billing(),
                context.users(), context.operator(), context.background(), fx);
        ReconciliationViewModel reconciliationPage = new ReconciliationViewModel(context.reconciliation(),
                context.settings(), context.users(), context.reports(), context.operator(), context.calendar(),
                context.background(), fx);
        ReportsViewModel reportsPage = new ReportsViewModel(context.reconciliation(), context.reports(),
                context.calendar(), context.background(), fx);
        ControllerFactory controllers = ControllerFactory.builder()
                .register(LockView.class, () -> new LockView(lock))
                .register(SettingsView.class, () -> new SettingsView(settingsPage))
                .register(PaymentGatewaySettingsView.class, () -> new PaymentGatewaySettingsView(upstreamsPage))
                .register(StaticQrisSettingsView.class, () -> new StaticQrisSettingsView(upstreamsPage))
                .register(MessengerSettingsView.class, () -> new MessengerSettingsView(upstreamsPage))
                .register(CustomersView.class, () -> new CustomersView(customersPage))
                .register(ShellView.class, () -> new ShellView(viewModel, this::page, this::focusPage))
                .register(CounterView.class, () -> new CounterView(counter))
                .register(HistoryView.class, () -> new HistoryView(history))
                .register(ShiftView.class, () -> new ShiftView(shift))
                .register(ReconciliationView.class, () -> new ReconciliationView(reconciliationPage))
                .register(ReportsView.class, () -> new ReportsView(reportsPage))
                .register(ComingView.class, ComingView::new)
                .build();
        this.views = new ViewLoader(controllers, viewModel.bundle()::get);
    }

    /**
     * Shows the window on {@code stage} with the focus on the navigation, and starts the ledger check.
     *
     * @throws IllegalStateException when the window is already shown
     */
    public void show(Stage stage) {
        if (this.stage != null) {
            throw new IllegalStateException("The main window is already shown.");
        }
        this.stage = stage;
        ViewLoader.View<ShellView> view = views.load(FxmlFile.SHELL, ShellView.class);
        shell = view.controller();
        layers.getChildren().setAll(view.root(), views.load(FxmlFile.LOCK, LockView.class).root());
        scene = sceneOf(layers);
        stage.setScene(scene);
        stage.setTitle(viewModel.bundle().get().getString("app.title"));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        // Deferred: the language switch that triggers this is still handling its own event.
        viewModel.language().addListener((obs, old, now) -> Platform.runLater(this::rebuildForLanguage));
        stage.show();
        // DESIGN.md: the clerk starts in the biller search.
        focusPage(Section.PAY);
        viewModel.start();
        Timeline gatewayCheck = new Timeline(new KeyFrame(GATEWAY_CHECK_INTERVAL, e -> viewModel.refreshGateway()));
        gatewayCheck.setCycleCount(Animation.INDEFINITE);
        gatewayCheck.play();
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> gatewayCheck.stop());
        watchForIdleAndLock();
    }

    /**
     * Ctrl+L locks at once; so does {@code idleLock} without a key or a click. While locked, no key reaches the
     * window behind the lock.
     */
    private void watchForIdleAndLock() {
        javafx.scene.input.KeyCombination lockKey = new javafx.scene.input.KeyCodeCombination(
                javafx.scene.input.KeyCode.L, javafx.scene.input.KeyCombination.CONTROL_DOWN);
        javafx.animation.PauseTransition idle = new javafx.animation.PauseTransition(
                Duration.millis(Math.max(1, idleLock.toMillis())));
        idle.setOnFinished(e -> lock.lock());
        boolean locksWhenIdle = !idleLock.isZero() && !idleLock.isNegative();
        scene.addEventFilter(javafx.scene.input.KeyEvent.ANY, e -> {
            if (lock.locked().get()) {
                if (!(e.getTarget() instanceof Node target) || !isInLock(target)) {
                    e.consume();
                }
                return;
            }
            if (e.getEventType() == javafx.scene.input.KeyEvent.KEY_PRESSED && lockKey.match(e)) {
                lock.lock();
                e.consume();
                return;
            }
            if (locksWhenIdle) {
                idle.playFromStart();
            }
        });
        scene.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (locksWhenIdle && !lock.locked().get()) {
                idle.playFromStart();
            }
        });
        lock.locked().addListener((obs, was, now) -> {
            if (!now) {
                if (locksWhenIdle) {
                    idle.playFromStart();
                }
                Platform.runLater(() -> focusPage(viewModel.selectedSection().get()));
            }
        });
        if (locksWhenIdle) {
            idle.play();
        }
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDING, e -> idle.stop());
    }

    private boolean isInLock(Node node) {
        Node lockRoot = layers.getChildren().get(1);
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == lockRoot) {
                return true;
            }
        }
        return false;
    }

    /** The loader every view of this window is loaded with (for the FXML tests). */
    ViewLoader views() {
        return views;
    }

    /**
     * Rebuilds the whole window from FXML with the new language's texts. Simpler and more complete than
     * re-labelling each node; the view model keeps the selected section and the ledger status.
     */
    private void rebuildForLanguage() {
        ViewLoader.View<ShellView> view = views.load(FxmlFile.SHELL, ShellView.class);
        shell.dispose();
        shell = view.controller();
        layers.getChildren().setAll(view.root(), views.load(FxmlFile.LOCK, LockView.class).root());
        stage.setTitle(viewModel.bundle().get().getString("app.title"));
        shell.focusLanguage();
    }

    private Node page(Section section) {
        Node root = switch (section) {
            case PAY -> {
                ViewLoader.View<CounterView> view = views.load(FxmlFile.COUNTER, CounterView.class);
                counterView = view.controller();
                yield view.root();
            }
            case HISTORY -> {
                ViewLoader.View<HistoryView> view = views.load(FxmlFile.HISTORY, HistoryView.class);
                historyView = view.controller();
                yield view.root();
            }
            case SHIFT -> views.load(FxmlFile.SHIFT, ShiftView.class).root();
            case SETTINGS -> views.load(FxmlFile.SETTINGS, SettingsView.class).root();
            case CUSTOMERS -> views.load(FxmlFile.CUSTOMERS, CustomersView.class).root();
            case REPORTS -> views.load(FxmlFile.REPORTS, ReportsView.class).root();
            case RECONCILIATION -> views.load(FxmlFile.RECONCILIATION, ReconciliationView.class).root();
            default -> {
                ViewLoader.View<ComingView> view = views.load(FxmlFile.COMING, ComingView.class);
                view.controller().show(section);
                yield view.root();
            }
        };
        root.setId("page-" + section.id());
        pageRoots.put(section, root);
        return root;
    }

    /**
     * Puts the focus where the clerk starts on the page of {@code section}: the counter's current step, else the
     * page's node marked with the style class {@code initial-focus}.
     */
    private void focusPage(Section section) {
        if (section == Section.PAY && counterView != null) {
            counterView.focus();
            return;
        }
        if (section == Section.HISTORY && historyView != null) {
            historyView.focus();
            return;
        }
        Node root = pageRoots.get(section);
        Node first = root == null ? null : root.lookup(".initial-focus");
        if (first != null) {
            first.requestFocus();
        }
    }

    /**
     * A scene of the window's size (the door's too, so the window does not jump when the counter replaces it),
     * with the application's stylesheet.
     */
    static Scene sceneOf(javafx.scene.Parent root) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene made = new Scene(root,
                Math.max(MIN_WIDTH, Math.min(PREFERRED_WIDTH, screen.getWidth())),
                Math.max(MIN_HEIGHT, Math.min(PREFERRED_HEIGHT, screen.getHeight())));
        made.getStylesheets().add(stylesheet());
        return made;
    }

    private static String stylesheet() {
        URL css = MainWindow.class.getResource(STYLESHEET);
        if (css == null) {
            throw new IllegalStateException(STYLESHEET + " is missing from the build.");
        }
        return css.toExternalForm();
    }
}
