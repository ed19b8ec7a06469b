package id.loket.app;

import id.loket.billing.Gateway;
import id.loket.gateway.GatewayConfig;
import id.loket.gateway.HttpGateway;
import id.loket.gateway.sandbox.SandboxOptions;
import id.loket.gateway.sandbox.SandboxServer;
import id.loket.settings.SettingsService;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds the gateway the services talk to: the configured real gateway, or, when none is configured, the
 * sandbox gateway started inside this process on a free loopback port with its state in the data directory.
 * Either way the services get the same signed HTTP client, so the sandbox exercises the real code path.
 */
final class GatewayFactory implements AutoCloseable {

    static final String SANDBOX_STATE_FILE = "sandbox.db";

    private final SettingsService settings;
    private final Path dataDirectory;
    private final Clock clock;
    private Optional<SandboxServer> embedded = Optional.empty();

    GatewayFactory(SettingsService settings, Path dataDirectory, Clock clock) {
        this.settings = settings;
        this.dataDirectory = dataDirectory;
        this.clock = clock;
    }

    Gateway create() {
        if (settings.isSandbox()) {
            SandboxServer server = SandboxServer.start(
                    SandboxOptions.defaults(dataDirectory.resolve(SANDBOX_STATE_FILE)).withClock(clock)
                            .withSettleImmediately(settings.sandboxSettlesToday()));
            embedded = Optional.of(server);
            return new HttpGateway(GatewayConfig.of(server.baseUri(), SandboxOptions.DEFAULT_MERCHANT,
                    SandboxOptions.DEFAULT_SECRET).withClock(clock));
        }
        String url = settings.gatewayUrl().orElseThrow();
        String merchant = settings.gatewayMerchant().orElseThrow(() -> new StartupException(
                "A gateway is configured (" + url + ") but no merchant id: set --merchant or LOKET_MERCHANT."));
        String secret = settings.gatewaySecret().orElseThrow(() -> new StartupException(
                "A gateway is configured (" + url + ") but no secret: set LOKET_SECRET (or --secret)."));
        try {
            return new HttpGateway(GatewayConfig.of(new URI(url), merchant, secret).withClock(clock));
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
