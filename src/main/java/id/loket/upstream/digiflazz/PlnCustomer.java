package id.loket.upstream.digiflazz;

import java.util.Objects;

/**
 * A PLN customer as {@code /inquiry-pln} reports it. Only {@code customerNo} is required by the docs; any other
 * field Digiflazz leaves out is {@code ""}.
 *
 * @param segmentPower tariff and power as sent, e.g. {@code "R1 /000001300"}
 */
public record PlnCustomer(String customerNo, String meterNo, String subscriberId, String name, String segmentPower) {
    public PlnCustomer {
        Objects.requireNonNull(customerNo, "customerNo");
        Objects.requireNonNull(meterNo, "meterNo");
        Objects.requireNonNull(subscriberId, "subscriberId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(segmentPower, "segmentPower");
    }
}
