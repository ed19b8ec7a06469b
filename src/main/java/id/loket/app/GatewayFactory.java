package id.loket.app;

import id.loket.billing.BillerNetwork;
import id.loket.billing.DepositBalance;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.MessageReceipt;
import id.loket.billing.Messenger;
import id.loket.billing.NetworkAccount;
import id.loket.billing.PaymentAcceptance;
import id.loket.billing.UpstreamChecks;
import id.loket.upstream.Sleeper;
import id.loket.upstream.digiflazz.DigiflazzClient;
import id.loket.upstream.digiflazz.DigiflazzCredentials;
import id.loket.upstream.digiflazz.DigiflazzNetwork;
import id.loket.upstream.fonnte.FonnteClient;
import id.loket.upstream.fonnte.FonnteMessenger;
import id.loket.upstream.house.GatewayConfig;
import id.loket.upstream.house.HttpGateway;
import id.loket.upstream.house.sim.SandboxOptions;
import id.loket.upstream.house.sim.SandboxServer;
import id.loket.upstream.midtrans.MidtransAcceptance;
import id.loket.upstream.midtrans.MidtransClient;
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
        BillerNetwork network = "digiflazz".equals(settings.billerNetwork()) ? digiflazz() : house.network();
        PaymentAcceptance acceptance = "midtrans".equals(settings.paymentGateway()) ? midtrans() : house.acceptance();
        Messenger messenger = switch (settings.messenger()) {
            case "fonnte" -> fonnte();
            case "none" -> NoMessenger.INSTANCE;
            default -> house.messenger();
        };
        return new Upstreams(network, acceptance, messenger);
    }

    /** Midtrans takes the customer's non-cash money (settings or LOKET_MIDTRANS_*). */
    private MidtransAcceptance midtrans() {
        String key = settings.midtransServerKey().orElseThrow(() -> new StartupException(
                "Midtrans is the payment gateway but no server key is set: set LOKET_MIDTRANS_SERVER_KEY or enter it"
                        + " in Settings."));
        String url = settings.midtransUrl();
        try {
            return new MidtransAcceptance(new MidtransClient(new URI(url), key), clock);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new StartupException("The Midtrans address '" + url + "' is not usable (" + e.getMessage()
                    + "): set LOKET_MIDTRANS_URL to https://… (plain http only to this computer).", e);
        }
    }

    /** Fonnte sends codes and receipts by WhatsApp (settings or LOKET_FONNTE_*). */
    private FonnteMessenger fonnte() {
        String token = settings.fonnteToken().orElseThrow(() -> new StartupException(
                "Fonnte is the messenger but no token is set: set LOKET_FONNTE_TOKEN or enter it in Settings."));
        String url = settings.fonnteUrl();
        try {
            return new FonnteMessenger(new FonnteClient(new URI(url), token), clock, new java.security.SecureRandom());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new StartupException("The Fonnte address '" + url + "' is not usable (" + e.getMessage()
                    + "): set LOKET_FONNTE_URL to https://… (plain http only to this computer).", e);
        }
    }

    /** Settings' "Test connection" for a payment gateway and a messenger not saved yet. */
    UpstreamChecks checks() {
        return new UpstreamChecks() {
            @Override
            public GatewayResult<String> testPaymentGateway(String serverKey, String url) {
                if (serverKey.isBlank()) {
                    return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.CONFIGURATION_ERROR,
                            "Enter the Midtrans server key first."));
                }
                try {
                    return MidtransAcceptance.testKey(new MidtransClient(new URI(url.strip()), serverKey.strip()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.CONFIGURATION_ERROR,
                            "The address '" + url + "' is not usable (" + e.getMessage() + "): use https://…"));
                }
            }

            @Override
            public GatewayResult<MessageReceipt> testMessenger(String token, String url, String testPhone) {
                if (token.isBlank()) {
                    return new GatewayResult.Refused<>(new GatewayError(0, GatewayError.CONFIGURATION_ERROR,
                            "Enter the Fonnte token first."));
                }
                return FonnteMessenger.testConnection(token.strip(), url.strip(), testPhone);
            }
        };
    }

    /**
     * Digiflazz as the biller network (settings or LOKET_DIGIFLAZZ_*).
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
