package id.loket.app;

import id.loket.cli.Backend;
import id.loket.cli.CliServices;
import id.loket.cli.GlobalOptions;
import id.loket.cli.SandboxSettings;
import id.loket.upstream.digiflazz.sim.DigiflazzSimulator;
import id.loket.upstream.fonnte.sim.FonnteSimulator;
import id.loket.upstream.fonnte.sim.FonnteSimulatorOptions;
import id.loket.upstream.midtrans.sim.MidtransSimulator;
import id.loket.upstream.midtrans.sim.MidtransSimulatorOptions;
import id.loket.upstream.digiflazz.sim.SimulatorOptions;
import id.loket.upstream.house.sim.SandboxOptions;
import id.loket.upstream.house.sim.SandboxServer;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import id.loket.settings.SettingsService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Connects the command line to the composition root: resolves the data directory and the per-run settings
 * from the options and the environment, and opens {@link AppServices} or the GUI on them.
 */
final class AppBackend implements Backend {

    private final Map<String, String> env;
    private final String osName;
    private final String userHome;
    private final Clock clock;
    private final String version = AppVersion.read();
    private volatile boolean guiRunning;

    AppBackend(Map<String, String> env, String osName, String userHome, Clock clock) {
        this.env = Map.copyOf(env);
        this.osName = osName;
        this.userHome = userHome;
        this.clock = clock;
    }

    @Override
    public CliServices open(GlobalOptions options) {
        return AppServices.open(dataDirectory(options), overrides(options), clock, sentGrace());
    }

    @Override
    public void startGui(GlobalOptions options) {
        Path root = dataDirectory(options);
        guiRunning = new GuiLauncher(version)
                .start(() -> AppServices.open(root, overrides(options), clock, sentGrace()));
    }

    @Override
    public void runSandbox(GlobalOptions options, SandboxSettings settings, PrintWriter out) {
        Path root = dataDirectory(options);
        DataDirectory directory = DataDirectory.prepare(root);
        Logging.toFile(directory.logDirectory());
        switch (settings.as()) {
            case "house" -> { }
            case "digiflazz" -> {
                runDigiflazzSimulator(settings, out);
                return;
            }
            case "midtrans" -> {
                requireLoopback(settings, "Midtrans");
                MidtransSimulator simulator = MidtransSimulator.start(MidtransSimulatorOptions.defaults()
                        .withPort(settings.port()).withClock(clock));
                runInForeground(simulator::close, simulator.banner(), out);
                return;
            }
            case "fonnte" -> {
                requireLoopback(settings, "Fonnte");
                FonnteSimulator simulator = FonnteSimulator.start(FonnteSimulatorOptions.defaults()
                        .withPort(settings.port()).withClock(clock));
                runInForeground(simulator::close, simulator.banner(), out);
                return;
            }
            default -> throw new IllegalArgumentException("--as is 'house', 'digiflazz', 'midtrans' or 'fonnte', not '"
                    + settings.as() + "'.");
        }
        SandboxOptions sandbox = SandboxOptions.defaults(settings.stateFile()
                        .orElse(directory.root().resolve(GatewayFactory.SANDBOX_STATE_FILE)))
                .withHost(settings.host())
                .withPort(settings.port())
                .withMerchant(
                        overrides(options).getOrDefault(SettingsService.GATEWAY_MERCHANT, SandboxOptions.DEFAULT_MERCHANT),
                        overrides(options).getOrDefault(SettingsService.GATEWAY_SECRET, SandboxOptions.DEFAULT_SECRET))
                .withSettleImmediately(settings.settleImmediately())
                .withClock(clock);
        SandboxServer server = SandboxServer.start(sandbox);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "loket-sandbox-shutdown"));
        out.println("Loket sandbox gateway listening on " + server.baseUri());
        out.println("  merchant " + sandbox.merchant() + ", state " + sandbox.stateFile()
                + (sandbox.settleImmediately() ? ", settles today immediately" : ""));
        out.println("  sign requests as docs/gateway-api.md says; Ctrl+C stops it.");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
    }

    private static void requireLoopback(SandboxSettings settings, String provider) {
        if (!"127.0.0.1".equals(settings.host()) && !"localhost".equals(settings.host())) {
            throw new IllegalArgumentException("The " + provider + " simulator listens on this computer only"
                    + " (127.0.0.1).");
        }
    }

    /** A provider simulator in the foreground until Ctrl+C: its state in memory, gone when it stops. */
    private static void runInForeground(Runnable close, String banner, PrintWriter out) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close.run();
            stopped.countDown();
        }, "loket-simulator-shutdown"));
        out.println(banner);
        out.println("  Ctrl+C stops it (what it holds is kept in memory only).");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close.run();
        }
    }

    /** The Digiflazz simulator in the foreground: its own state in memory, gone when it stops. */
    private void runDigiflazzSimulator(SandboxSettings settings, PrintWriter out) {
        if (!"127.0.0.1".equals(settings.host()) && !"localhost".equals(settings.host())) {
            throw new IllegalArgumentException("The Digiflazz simulator listens on this computer only (127.0.0.1).");
        }
        DigiflazzSimulator simulator = DigiflazzSimulator.start(SimulatorOptions.defaults()
                .withPort(settings.port()).withClock(clock));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "loket-digiflazz-simulator-shutdown"));
        out.println(simulator.banner());
        out.println("  point Loket at it: LOKET_BILLER_NETWORK=digiflazz LOKET_DIGIFLAZZ_URL=" + simulator.baseUri()
                + " LOKET_DIGIFLAZZ_USERNAME=" + SimulatorOptions.DEFAULT_USERNAME + " LOKET_DIGIFLAZZ_KEY="
                + SimulatorOptions.DEFAULT_DEVELOPMENT_KEY + " LOKET_DIGIFLAZZ_TESTING=true");
        out.println("  Ctrl+C stops it (its transactions are kept in memory only).");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            simulator.close();
        }
    }

    private Duration sentGrace() {
        return AppServices.sentGrace(env.get(AppServices.SENT_GRACE_ENV));
    }

    @Override
    public String version() {
        return version;
    }

    boolean guiRunning() {
        return guiRunning;
    }

    Path dataDirectory(GlobalOptions options) {
        return DataDirectory.resolve(options.dataDir(), env, osName, userHome);
    }

    /** Gateway settings for this run: an option wins over the environment, which wins over the settings file. */
    Map<String, String> overrides(GlobalOptions options) {
        Map<String, String> o = new HashMap<>();
        put(o, SettingsService.GATEWAY_URL, options.gatewayUrl(), "LOKET_GATEWAY_URL");
        put(o, SettingsService.GATEWAY_MERCHANT, options.merchant(), "LOKET_MERCHANT");
        put(o, SettingsService.GATEWAY_SECRET, options.secret(), "LOKET_SECRET");
        put(o, SettingsService.SANDBOX_SETTLES_TODAY, Optional.empty(), "LOKET_SANDBOX_SETTLE_TODAY");
        put(o, SettingsService.BILLER_NETWORK, Optional.empty(), "LOKET_BILLER_NETWORK");
        put(o, SettingsService.DIGIFLAZZ_USERNAME, Optional.empty(), "LOKET_DIGIFLAZZ_USERNAME");
        put(o, SettingsService.DIGIFLAZZ_KEY, Optional.empty(), "LOKET_DIGIFLAZZ_KEY");
        put(o, SettingsService.DIGIFLAZZ_URL, Optional.empty(), "LOKET_DIGIFLAZZ_URL");
        put(o, SettingsService.DIGIFLAZZ_TESTING, Optional.empty(), "LOKET_DIGIFLAZZ_TESTING");
        put(o, SettingsService.PAYMENT_GATEWAY, Optional.empty(), "LOKET_PAYMENT_GATEWAY");
        put(o, SettingsService.MIDTRANS_SERVER_KEY, Optional.empty(), "LOKET_MIDTRANS_SERVER_KEY");
        put(o, SettingsService.MIDTRANS_URL, Optional.empty(), "LOKET_MIDTRANS_URL");
        put(o, SettingsService.STATIC_QRIS, Optional.empty(), "LOKET_STATIC_QRIS");
        put(o, SettingsService.MESSENGER, Optional.empty(), "LOKET_MESSENGER");
        put(o, SettingsService.FONNTE_TOKEN, Optional.empty(), "LOKET_FONNTE_TOKEN");
        put(o, SettingsService.FONNTE_URL, Optional.empty(), "LOKET_FONNTE_URL");
        return o;
    }

    private void put(Map<String, String> o, String key, Optional<String> option, String envName) {
        Optional<String> value = option.or(() -> Optional.ofNullable(env.get(envName)))
                .map(String::strip)
                .filter(s -> !s.isEmpty());
        value.ifPresent(v -> o.put(key, v));
    }
}
