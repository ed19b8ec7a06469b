package id.loket.upstream.digiflazz;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.core.Money;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One bill period of a postpaid answer ({@code desc.detail[]}).
 *
 * <p>Digiflazz sends the amounts as strings ({@code "8000"}); numbers are accepted too. An amount a product does not
 * have (PDAM has no {@code admin}, BPJS has only {@code periode}) is zero.
 *
 * @param periode as sent ({@code "201901"}, {@code "MEI 2019"}, {@code "01"}); {@code ""} when absent
 * @param other the product's further fields (PGAS {@code usage}, TV {@code no_ref}), as text, in the order sent
 */
public record BillDetail(
        String periode,
        Money nilaiTagihan,
        Money admin,
        Money denda,
        Money biayaLain,
        Optional<String> meterAwal,
        Optional<String> meterAkhir,
        Map<String, String> other) {

    private static final Set<String> KNOWN =
            Set.of("periode", "nilai_tagihan", "admin", "denda", "biaya_lain", "meter_awal", "meter_akhir");

    public BillDetail {
        Objects.requireNonNull(periode, "periode");
        Objects.requireNonNull(nilaiTagihan, "nilaiTagihan");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(denda, "denda");
        Objects.requireNonNull(biayaLain, "biayaLain");
        Objects.requireNonNull(meterAwal, "meterAwal");
        Objects.requireNonNull(meterAkhir, "meterAkhir");
        other = Collections.unmodifiableMap(new LinkedHashMap<>(other));
    }

    /**
     * {@code nilaiTagihan + admin + denda + biayaLain}. Whether the answer's top-level {@code admin} is on top of
     * this depends on the product: PLN repeats the admin in each detail, PDAM does not.
     */
    public Money total() {
        return nilaiTagihan.plus(admin).plus(denda).plus(biayaLain);
    }

    /**
     * Reads one {@code detail} element.
     *
     * @throws IllegalArgumentException naming the field when it is not an object or an amount is not a whole number
     */
    public static BillDetail of(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new Malformed("desc.detail[] holds something that is not an object");
        }
        return new BillDetail(
                Fields.text(node, "periode"),
                amountOrZero(node, "nilai_tagihan"),
                amountOrZero(node, "admin"),
                amountOrZero(node, "denda"),
                amountOrZero(node, "biaya_lain"),
                Fields.optionalText(node, "meter_awal"),
                Fields.optionalText(node, "meter_akhir"),
                Fields.others(node, KNOWN));
    }

    private static Money amountOrZero(JsonNode node, String field) {
        return Fields.optionalAmount(node, field).orElse(Money.ZERO);
    }
}
