package id.loket.upstream.digiflazz.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Armed faults, from Java and over the control endpoints, and the control endpoints themselves. */
class FaultTest extends SimTestBase {

    @Test
    void timeoutHoldsTheRequestAndDoesNothing() {
        sim.armFault(SimulatorFault.timeout());
        String body = client.topupBody("xld10", "087800001230", ref()).toString();

        assertThatThrownBy(() -> client.post("/v1/transaction", body, Duration.ofMillis(300)))
                .hasCauseInstanceOf(HttpTimeoutException.class);
        assertThat(sim.transactions()).isEmpty();
        assertThat(client.deposit()).isEqualTo(1_000_000);
    }

    @Test
    void dropAfterProcessingLeavesOneTransactionThatTheReSendFinds() {
        sim.armFault(SimulatorFault.dropAfterProcessing().onPath("/v1/transaction"));
        String ref = ref();

        assertThatThrownBy(() -> client.topup("pln20", "14234567890", ref))
                .isInstanceOf(UncheckedIOException.class);
        SimClient.Response again = client.topup("pln20", "14234567890", ref);

        assertThat(again.rc()).isEqualTo("00");
        assertThat(again.data().get("buyer_last_saldo").asLong()).isEqualTo(1_000_000 - 20_150);
        assertThat(sim.transactions()).hasSize(1);
        assertThat(client.deposit()).isEqualTo(1_000_000 - 20_150);
    }

    @Test
    void malformedBodyAnswers200WithBrokenJsonAfterDoingTheWork() {
        sim.armFault(SimulatorFault.malformedBody());
        String ref = ref();

        SimClient.Response r = client.topup("xld10", "087800001230", ref);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isNull();
        assertThat(r.text()).startsWith("{\"data\":");
        assertThat(sim.transaction(ref)).isPresent();
    }

    @Test
    void http500DoesNothing() {
        sim.armFault(SimulatorFault.http500().times(2));

        SimClient.Response first = client.topup("xld10", "087800001230", ref());
        SimClient.Response second = client.balance();
        SimClient.Response third = client.balance();

        assertThat(first.status()).isEqualTo(500);
        assertThat(first.body()).isNull();
        assertThat(second.status()).isEqualTo(500);
        assertThat(third.status()).isEqualTo(200);
        assertThat(sim.transactions()).isEmpty();
    }

    @Test
    void forcedFailureRcCreatesAndRefunds() {
        sim.armFault(SimulatorFault.rc("55"));

        SimClient.Response r = client.topup("pln20", "14234567890", ref());

        assertThat(r.rc()).isEqualTo("55");
        assertThat(r.data().get("message").asText()).isEqualTo("Produk Sedang Gangguan");
        assertThat(r.data().get("price").asLong()).isEqualTo(20_150);
        assertThat(sim.transactions()).hasSize(1);
        assertThat(client.deposit()).isEqualTo(1_000_000);
        assertThat(client.topup("pln20", "14234567890", ref()).rc()).as("used up").isEqualTo("00");
    }

    @Test
    void forcedRefusalRcCreatesNothing() {
        sim.armFault(SimulatorFault.rc("44"));
        String ref = ref();

        SimClient.Response r = client.topup("pln20", "14234567890", ref);

        assertThat(r.rc()).isEqualTo("44");
        assertThat(r.data().has("price")).isFalse();
        assertThat(sim.transactions()).isEmpty();
        assertThat(client.topup("pln20", "14234567890", ref).rc()).isEqualTo("00");
    }

    @Test
    void forcedLimit85IsAFailedTransaction() {
        sim.armFault(SimulatorFault.rc("85"));
        String ref = ref();

        assertThat(client.topup("tsel10", "081234567890", ref).rc()).isEqualTo("85");
        assertThat(client.topup("tsel10", "081234567890", ref).rc()).as("the ref_id is consumed").isEqualTo("85");
        assertThat(sim.transactions()).hasSize(1);
    }

    @Test
    void forcedPendingSettlesToTheChosenStatus() {
        sim.armFault(SimulatorFault.rc("99").thenStatus("Gagal"));
        String ref = ref();

        SimClient.Response first = client.topup("pln20", "14234567890", ref);
        assertThat(first.rc()).isEqualTo("99");
        assertThat(first.data().get("status").asText()).isEqualTo("Pending");
        assertThat(client.deposit()).isEqualTo(1_000_000 - 20_150);

        assertThat(client.topup("pln20", "14234567890", ref).rc()).isEqualTo("02");
        assertThat(client.deposit()).isEqualTo(1_000_000);
    }

    @Test
    void rcFaultSkipsReChecksAndTargetsItsCommand() {
        String pending = ref();
        client.topup("xld10", "087800001233", pending);
        sim.armFault(SimulatorFault.rc("70").onCommand("pay-pasca"));

        assertThat(client.topup("xld10", "087800001233", pending).rc()).as("a re-check").isEqualTo("00");
        String ref = ref();
        assertThat(client.inquire("pln", "530000000001", ref).rc()).isEqualTo("00");
        assertThat(client.pay("pln", "530000000001", ref).rc()).isEqualTo("70");
        assertThat(client.deposit()).isEqualTo(1_000_000 - 10_000);
    }

    @Test
    void priceListAndPlnCheckRcFaults() {
        sim.armFault(SimulatorFault.rc("83"));
        sim.armFault(SimulatorFault.rc("86"));
        var pln = SimClient.MAPPER.createObjectNode();
        pln.put("username", "loketuser");
        pln.put("customer_no", "14234567890");
        pln.put("sign", client.sign("14234567890"));

        assertThat(client.post("/v1/price-list", client.priceListBody("pasca")).rc()).isEqualTo("83");
        assertThat(client.post("/v1/inquiry-pln", pln).rc()).isEqualTo("86");
        assertThat(client.post("/v1/inquiry-pln", pln).rc()).isEqualTo("00");
    }

    @Test
    void controlEndpointsArmFaultsSetTheDepositForceStatusAndList() {
        SimClient.Response armed = client.post("/sim/fault",
                "{\"fault\":\"rc\",\"rc\":\"85\",\"times\":1,\"path\":\"/v1/transaction\"}", Duration.ofSeconds(5));
        assertThat(armed.status()).isEqualTo(200);
        assertThat(client.get("/sim/faults").data()).hasSize(1);
        assertThat(client.topup("tsel10", "081234567890", ref()).rc()).isEqualTo("85");

        client.post("/sim/fault", "{\"fault\":\"http_500\",\"times\":3}", Duration.ofSeconds(5));
        assertThat(client.delete("/sim/faults").data()).isEmpty();

        assertThat(client.post("/sim/deposit", "{\"amount\": 500000}", Duration.ofSeconds(5)).status())
                .isEqualTo(200);
        assertThat(client.deposit()).isEqualTo(500_000);

        String ref = ref();
        client.topup("pln50", "14234567890", ref);
        SimClient.Response forced = client.post("/sim/transaction-status",
                "{\"ref_id\":\"" + ref + "\",\"status\":\"Gagal\"}", Duration.ofSeconds(5));
        assertThat(forced.data().get("status").asText()).isEqualTo("Gagal");
        assertThat(client.deposit()).isEqualTo(500_000);
        SimClient.Response recheck = client.topup("pln50", "14234567890", ref);
        assertThat(recheck.rc()).isEqualTo("02");
        assertThat(recheck.data().get("buyer_last_saldo").asLong()).isEqualTo(500_000 - 50_150);

        JsonNode list = client.get("/sim/transactions").data();
        assertThat(list).hasSize(2);
        assertThat(list.get(1).get("ref_id").asText()).isEqualTo(ref);

        assertThat(client.post("/sim/fault", "{\"fault\":\"nonsense\"}", Duration.ofSeconds(5)).status())
                .isEqualTo(400);
        assertThat(client.post("/sim/transaction-status", "{\"ref_id\":\"nope\",\"status\":\"Gagal\"}",
                Duration.ofSeconds(5)).status()).isEqualTo(404);
    }

    @Test
    void forcingAnotherPriceMovesTheDepositByTheDifference() {
        String ref = ref();
        client.topup("pln100", "14234567890", ref);

        SimulatedTransaction t = sim.forceStatus(ref, "Sukses", OptionalLong.of(100_500));

        assertThat(t.price()).isEqualTo(100_500);
        assertThat(client.deposit()).isEqualTo(1_000_000 - 100_500);
        assertThat(client.topup("pln100", "14234567890", ref).data().get("price").asLong()).isEqualTo(100_500);
        // A failed sale forced to Sukses is charged again.
        String failed = ref();
        client.topup("xld10", "087800001232", failed);
        sim.forceStatus(failed, "Sukses");
        assertThat(client.topup("xld10", "087800001232", failed).data().get("sn").asText()).isNotEmpty();
        assertThat(client.deposit()).isEqualTo(1_000_000 - 100_500 - 10_000);
    }

    @Test
    void listensOnLoopbackOnly() throws IOException {
        assertThat(sim.address().getAddress().isLoopbackAddress()).isTrue();
        Optional<InetAddress> external = externalAddress();
        if (external.isPresent()) {
            try (Socket socket = new Socket()) {
                assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), sim.port()), 500))
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    private static Optional<InetAddress> externalAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
