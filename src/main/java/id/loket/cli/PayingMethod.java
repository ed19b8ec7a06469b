package id.loket.cli;

import id.loket.core.ChargeChannel;
import id.loket.core.PaymentMethod;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code --method} of {@code loket pay}: a counter method (CASH, DEBIT_CARD, STATIC_QRIS) or a gateway channel
 * (QRIS, VA_BCA, … LINK). The old names of the methods (VIRTUAL_ACCOUNT, EWALLET, PAYMENT_LINK) take their default
 * channel.
 */
record PayingMethod(PaymentMethod method, Optional<ChargeChannel> channel) {

    static PayingMethod parse(String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (ChargeChannel channel : ChargeChannel.values()) {
            if (channel.name().equals(name)) {
                return new PayingMethod(channel.method(), Optional.of(channel));
            }
        }
        for (PaymentMethod method : PaymentMethod.values()) {
            if (method.name().equals(name)) {
                return new PayingMethod(method, method.isGatewayCharge()
                        ? Optional.of(ChargeChannel.defaultFor(method)) : Optional.empty());
            }
        }
        throw new IllegalArgumentException("--method '" + text + "' is none of CASH, DEBIT_CARD, QRIS, VA_BCA, VA_BNI,"
                + " VA_BRI, VA_PERMATA, MANDIRI_BILL, GOPAY, LINK, STATIC_QRIS.");
    }
}
