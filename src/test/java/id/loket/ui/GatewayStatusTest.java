package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The status bar's word on the gateway: the deposit, and a price list too old to trust. */
class GatewayStatusTest {

    private static final Locale ID = Locale.forLanguageTag("id");

    @Test
    void aFreshOrUnknownPriceListIsNotMentioned() {
        GatewayStatus connected = new GatewayStatus(GatewayStatus.State.CONNECTED, "876700", "");
        assertThat(connected.text(Bundles.load(ID), ID)).isEqualTo("Gateway tersambung · Deposit Rp 876.700");
        assertThat(connected.withPriceListAge(4).text(Bundles.load(ID), ID))
                .isEqualTo("Gateway tersambung · Deposit Rp 876.700");
    }

    @Test
    void aPriceListTheNetworkCouldNotRenewIsSaidWithItsAge() {
        GatewayStatus stale = new GatewayStatus(GatewayStatus.State.CONNECTED, "876700", "").withPriceListAge(95);
        assertThat(stale.text(Bundles.load(ID), ID))
                .isEqualTo("Gateway tersambung · Deposit Rp 876.700 · daftar harga 95 menit lalu");
        assertThat(stale.text(Bundles.load(Locale.ENGLISH), Locale.ENGLISH)).endsWith(" · price list 95 min old");
        GatewayStatus down = new GatewayStatus(GatewayStatus.State.NO_ANSWER, "", "timeout").withPriceListAge(20);
        assertThat(down.text(Bundles.load(ID), ID)).endsWith(" · daftar harga 20 menit lalu");
    }
}
