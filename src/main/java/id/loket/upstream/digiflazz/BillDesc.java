package id.loket.upstream.digiflazz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The typed view of a postpaid answer's {@code desc}: the fields PLN and PDAM share, the bill periods, and every
 * other field as text (BPJS {@code jumlah_peserta}, PBB {@code tahun_pajak}, multifinance {@code no_pol}...), in the
 * order sent, so a receipt can print what the biller said.
 *
 * @param daya the contracted power in VA (PLN)
 * @param otherFields fields other than the named ones: strings as they are, numbers and booleans as their JSON text,
 *     objects and arrays as compact JSON
 */
public record BillDesc(
        Optional<String> tarif,
        Optional<Integer> daya,
        Optional<Integer> lembarTagihan,
        Optional<String> alamat,
        Optional<String> jatuhTempo,
        List<BillDetail> detail,
        Map<String, String> otherFields) {

    private static final Set<String> KNOWN =
            Set.of("tarif", "daya", "lembar_tagihan", "alamat", "jatuh_tempo", "detail");

    public BillDesc {
        Objects.requireNonNull(tarif, "tarif");
        Objects.requireNonNull(daya, "daya");
        Objects.requireNonNull(lembarTagihan, "lembarTagihan");
        Objects.requireNonNull(alamat, "alamat");
        Objects.requireNonNull(jatuhTempo, "jatuhTempo");
        detail = List.copyOf(detail);
        otherFields = Collections.unmodifiableMap(new LinkedHashMap<>(otherFields));
    }

    /**
     * Reads a {@code desc} object. {@code daya} and {@code lembar_tagihan} may be numbers or digit strings; a
     * missing or {@code null} {@code detail} is an empty list.
     *
     * @throws IllegalArgumentException naming the field when {@code desc} is not an object, {@code detail} is not an
     *     array of objects, or a number or amount is not a whole number
     */
    public static BillDesc of(JsonNode desc) {
        if (desc == null || !desc.isObject()) {
            throw new Malformed("desc is not an object");
        }
        JsonNode details = desc.get("detail");
        List<BillDetail> detail = new ArrayList<>();
        if (!Fields.absent(details)) {
            if (!details.isArray()) {
                throw new Malformed("desc.detail is not an array");
            }
            for (JsonNode element : details) {
                detail.add(BillDetail.of(element));
            }
        }
        return new BillDesc(
                Fields.optionalText(desc, "tarif"),
                Fields.optionalInt(desc, "daya"),
                Fields.optionalInt(desc, "lembar_tagihan"),
                Fields.optionalText(desc, "alamat"),
                Fields.optionalText(desc, "jatuh_tempo"),
                detail,
                Fields.others(desc, KNOWN));
    }
}
