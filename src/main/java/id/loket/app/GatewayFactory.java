package id.loket.app;

import id.loket.billing.DepositBalance;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.NetworkAccount;
import id.loket.upstream.digiflazz.DigiflazzClient;
import id.loket.upstream.digiflazz.DigiflazzCredentials;
import id.loket.upstream.digiflazz.DigiflazzNetwork;
import id.loket.upstream.house.GatewayConfig;
import id.loket.upstream.house.HttpGateway;
import id.loket.upstream.house.Sleeper;
import id.loket.upstream.house.sim.SandboxOptions;
import id.loket.upstream.house.sim.SandboxServer;
import id.loket.settings.SettingsService;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the gateway the services talk to: the configured real gateway, or, when none is configured, the
 * sandbox gateway started inside this process on a free loopback port with its state in the data directory.
 * Either way the services get the same signed HTTP client, so the sandbox exercises the real code path.
 */
final class GatewayFactory implements AutoCloseable {

    static final String SANDBOX_STATE_FILE = "sandbox.db";
    static final String DIGIFLAZZ_PRICE_LIST_FILE = "digiflazz-pricelist.json";
    /** Digiflazz answers within seconds; a biller behind it may take longer, and then the answer is Pending. */
    static final Duration DIGIFLAZZ_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DIGIFLAZZ_READ_TIMEOUT = Duration.ofSeconds(45);

    private final SettingsService settings;
    private final Path dataDirectory;
    private final Clock clock;
    private Optional<SandboxServer> embedded = Optional.empty();

    GatewayFactory(SettingsService settings, Path dataDirectory, Clock clock) {
        this.settings = settings;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
    }

    Upstreams create() {
        Upstreams house = house();
        if (!"digiflazz".equals(settings.billerNetwork())) {
            return house;
        }
        return new Upstreams(digiflazz(), house.acceptance(), house.messenger());
    }

    /**
     * Digiflazz as the biller network (settings or LOKET_DIGIFLAZZ_*). Non-cash charges and messages stay with the
     * house gateway (or its sandbox) until their own providers are configured (issue 14).
     */
    private DigiflazzNetwork digiflazz() {
        String username = settings.digiflazzUsername().orElseThrow(() -> new StartupException(
                "Digiflazz is the biller network but no username is set: set LOKET_DIGIFLAZZ_USERNAME or enter it in"
                        + " Settings."));
        String key = settings.digiflazzKey().orElseThrow(() -> new StartupException(
                "Digiflazz is the biller network but no API key is set: set LOKET_DIGIFLAZZ_KEY or enter it in"
                        + " Settings."));
        String url = settings.digiflazzUrl();
        try {
            DigiflazzClient client = new DigiflazzClient(new URI(url), new DigiflazzCredentials(username, key,
                    settings.digiflazzTesting()), DIGIFLAZZ_CONNECT_TIMEOUT, DIGIFLAZZ_READ_TIMEOUT);
            return new DigiflazzNetwork(client, settings.digiflazzTesting(),
                    dataDirectory.resolve(DIGIFLAZZ_PRICE_LIST_FILE), clock);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new StartupException("The Digiflazz address '" + url + "' is not usable (" + e.getMessage()
                    + "): set LOKET_DIGIFLAZZ_URL to https://… (plain http only to this computer).", e);
        }
    }

    /** "Test connection" with a Digiflazz account not saved yet: {@code /cek-saldo} through a throw-away client. */
    GatewayResult<DepositBalance> testDigiflazz(NetworkAccount account) {
        if (account.username().isBlank() || account.key().isBlank()) {
            return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.CONFIGURATION_ERROR,
                    "Enter the Digiflazz username and API key first."));
        }
        try {
            DigiflazzClient client = new DigiflazzClient(new URI(account.url().strip()), new DigiflazzCredentials(
                    account.username().strip(), account.key().strip(), account.testing()), DIGIFLAZZ_CONNECT_TIMEOUT,
                    DIGIFLAZZ_READ_TIMEOUT);
            Path scratch = dataDirectory.resolve(DIGIFLAZZ_PRICE_LIST_FILE + ".test");
            return new DigiflazzNetwork(client, account.testing(), scratch, clock).balance();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.CONFIGURATION_ERROR,
                    "The address '" + account.url() + "' is not usable (" + e.getMessage() + "): use https://…"));
        }
    }

    private Upstreams house() {
        if (settings.gatewayUrl().isEmpty()) {
            SandboxServer server = SandboxServer.start(
                    SandboxOptions.defaults(dataDirectory.resolve(SANDBOX_STATE_FILE)).withClock(clock)
                            .withSettleImmediately(settings.sandboxSettlesToday()));
            embedded = Optional.of(server);
            return Upstreams.allOf(new HttpGateway(GatewayConfig.of(server.baseUri(), SandboxOptions.DEFAULT_MERCHANT,
                    SandboxOptions.DEFAULT_SECRET).withClock(clock), Sleeper.SYSTEM, HttpGateway.SANDBOX));
        }
        String url = settings.gatewayUrl().orElseThrow();
        String merchant = settings.gatewayMerchant().orElseThrow(() -> new StartupException(
                "A gateway is configured (" + url + ") but no merchant id: set --merchant or LOKET_MERCHANT."));
        String secret = settings.gatewaySecret().orElseThrow(() -> new StartupException(
                "A gateway is configured (" + url + ") but no secret: set LOKET_SECRET (or --secret)."));
        try {
            return Upstreams.allOf(new HttpGateway(GatewayConfig.of(new URI(url), merchant, secret).withClock(clock)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new StartupException("The gateway address '" + url + "' is not usable (" + e.getMessage()
                    + "): set --gateway-url or LOKET_GATEWAY_URL to https://….", e);
        }
    }

    /**
     * The code the embedded sandbox "sent" under {@code otpId}, so the counter can show it; empty with a real gateway
     * (or before the gateway is created).
     */
    Optional<String> sandboxOtpCode(String otpId) {
        return embedded.flatMap(server -> server.sentOtpCode(otpId));
    }

    @Override
    public void close() {
        embedded.ifPresent(SandboxServer::close);
        embedded = Optional.empty();
    }
}
