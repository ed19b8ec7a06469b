package id.loket.upstream.digiflazz;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import id.loket.core.Money;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads Digiflazz's response bodies into typed answers. Pure functions of (body, HTTP status): no I/O, no logging, so
 * they can be tested and timed without a network.
 */
final class Answers {

    /** Immutable once built and thread-safe; shared by every client. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            // Two values for one key would make the answer mean two things; refuse rather than pick one.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Exact decimals, so 1000000.0 is recognised as whole and 0.1 is never mistaken for it.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Answers() {}

    /** The parse of a body that was read; {@code warnings} are for the log (never contain secrets). */
    record Parsed<T>(DigiflazzResult<T> result, List<String> warnings) {
        Parsed {
            warnings = List.copyOf(warnings);
        }

        static <T> Parsed<T> of(DigiflazzResult<T> result) {
            return new Parsed<>(result, List.of());
        }
    }

    // --- the calls ------------------------------------------------------------------------------------------------

    static Parsed<TransactionAnswer> transaction(byte[] body, int status) {
        List<String> warnings = new ArrayList<>();
        return new Parsed<>(read(body, status, data -> transaction(data, warnings)), warnings);
    }

    static Parsed<Reply<Balance>> balance(byte[] body, int status) {
        return Parsed.of(read(body, status, Answers::balance));
    }

    static Parsed<Reply<DepositTicket>> depositTicket(byte[] body, int status) {
        return Parsed.of(read(body, status, data -> reply(data, ok -> new DepositTicket(
                Fields.text(ok, "bank"),
                Fields.text(ok, "payment_method"),
                Fields.requiredText(ok, "account_no"),
                positive(Fields.requiredAmount(ok, "amount"), "amount"),
                Fields.requiredText(ok, "notes")))));
    }

    static Parsed<Reply<PlnCustomer>> plnCustomer(byte[] body, int status) {
        return Parsed.of(read(body, status, data -> reply(data, ok -> new PlnCustomer(
                Fields.requiredText(ok, "customer_no"),
                Fields.text(ok, "meter_no"),
                Fields.text(ok, "subscriber_id"),
                Fields.text(ok, "name"),
                Fields.text(ok, "segment_power")))));
    }

    static Parsed<PriceListAnswer<PriceListRow>> prepaidPriceList(byte[] body, int status) {
        return Parsed.of(read(body, status, data -> priceList(data, Answers::prepaidRow)));
    }

    static Parsed<PriceListAnswer<PascaPriceListRow>> pascaPriceList(byte[] body, int status) {
        return Parsed.of(read(body, status, data -> priceList(data, Answers::pascaRow)));
    }

    // --- the envelope ---------------------------------------------------------------------------------------------

    /**
     * The HTTP status rules: a 5xx is no answer even with a JSON body (the server says it failed, so the body is not
     * Digiflazz's verdict); a 2xx or 4xx with a well-formed {@code {"data": ...}} is an answer, because Digiflazz
     * sends business errors as HTTP 400 (research §1.1); anything else (1xx, 3xx) is no answer.
     */
    private static <T> DigiflazzResult<T> read(byte[] body, int status, Function<JsonNode, T> reader) {
        if (status >= 500) {
            return noAnswer(status, "server error");
        }
        if (!(status >= 200 && status < 300) && !(status >= 400 && status < 500)) {
            return noAnswer(status, "unexpected status");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return noAnswer(status, "the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            return noAnswer(status, "the body is not a JSON object");
        }
        JsonNode data = root.get("data");
        if (Fields.absent(data)) {
            return noAnswer(status, "the body has no data");
        }
        try {
            return new DigiflazzResult.Answer<>(reader.apply(data), status);
        } catch (Malformed | Unknown e) {
            return noAnswer(status, e.getMessage());
        }
    }

    private static <T> DigiflazzResult<T> noAnswer(int status, String why) {
        return new DigiflazzResult.NoAnswer<>("HTTP " + status + ": " + why);
    }

    /** The {@code rc} is not one Digiflazz defines, or disagrees with the status: nothing can be concluded. */
    private static final class Unknown extends RuntimeException {
        Unknown(String message) {
            super(message, null, false, false);
        }
    }

    private static ResponseCode code(JsonNode data) {
        String rc = Fields.rc(data).orElseThrow(() -> new Malformed("data has no rc"));
        return ResponseCode.of(rc).orElseThrow(() -> new Unknown(Fields.looksLikeRc(rc)
                ? "rc " + rc + " is not in Digiflazz's table"
                : "rc " + Fields.quote(rc) + " is not a Digiflazz code"));
    }

    /**
     * A status that contradicts the code (e.g. {@code "Sukses"} with rc 03) means the answer cannot be trusted
     * either way. Case is ignored: it carries no meaning here.
     */
    private static void checkStatus(ResponseCode code, String status, boolean required) {
        if (status.isEmpty()) {
            if (required) {
                throw new Malformed("data has no status");
            }
            return;
        }
        if (!status.strip().equalsIgnoreCase(code.officialStatus())) {
            throw new Unknown("status " + Fields.quote(status) + " contradicts rc " + code.code()
                    + " (" + code.officialStatus() + ")");
        }
    }

    private static JsonNode object(JsonNode data) {
        if (!data.isObject()) {
            throw new Malformed("data is not an object");
        }
        return data;
    }

    private static String message(JsonNode data, ResponseCode code) {
        return Fields.optionalText(data, "message").orElse(code.message());
    }

    private static Money positive(Money amount, String field) {
        if (!amount.isPositive()) {
            throw new Malformed(field + " is not positive: " + amount.rupiah());
        }
        return amount;
    }

    private static Money notNegative(Money amount, String field) {
        if (amount.isNegative()) {
            throw new Malformed(field + " is negative: " + amount.rupiah());
        }
        return amount;
    }

    private static Optional<Money> optionalNotNegative(JsonNode data, String field) {
        return Fields.optionalAmount(data, field).map(amount -> notNegative(amount, field));
    }

    // --- the shapes -----------------------------------------------------------------------------------------------

    private static TransactionAnswer transaction(JsonNode data, List<String> warnings) {
        object(data);
        ResponseCode code = code(data);
        String status = Fields.text(data, "status");
        checkStatus(code, status, true);
        Optional<JsonNode> desc = Optional.ofNullable(data.get("desc")).filter(d -> !Fields.absent(d));
        if (desc.isPresent() && desc.get().isObject()) {
            // Read now so a malformed bill is no answer here rather than an exception at the receipt printer.
            try {
                BillDesc.of(desc.get());
            } catch (Malformed e) {
                throw new Malformed("desc: " + e.getMessage());
            }
        } else if (desc.isPresent() && !desc.get().isTextual()) {
            throw new Malformed("desc is neither an object nor text");
        }
        Optional<Money> buyerLastSaldo;
        try {
            buyerLastSaldo = Fields.optionalAmount(data, "buyer_last_saldo");
        } catch (Malformed e) {
            warnings.add("buyer_last_saldo ignored: " + e.getMessage());
            buyerLastSaldo = Optional.empty();
        }
        return new TransactionAnswer(
                Fields.text(data, "ref_id"),
                Fields.text(data, "customer_no"),
                Fields.text(data, "buyer_sku_code"),
                code.code(),
                code,
                status,
                message(data, code),
                Fields.optionalText(data, "sn").filter(sn -> !sn.strip().equalsIgnoreCase("N/A")),
                optionalNotNegative(data, "price"),
                optionalNotNegative(data, "selling_price"),
                optionalNotNegative(data, "admin"),
                buyerLastSaldo,
                Fields.optionalText(data, "customer_name"),
                Fields.optionalText(data, "periode"),
                desc);
    }

    /**
     * {@code /cek-saldo} documents only {@code {"deposit": ...}}, without an {@code rc}; a refusal (wrong key,
     * unknown IP) comes as an object with an {@code rc}. With rc 00 the deposit is read as well.
     */
    private static Reply<Balance> balance(JsonNode data) {
        object(data);
        Optional<String> rc = Fields.rc(data);
        if (rc.isPresent()) {
            ResponseCode code = code(data);
            checkStatus(code, Fields.text(data, "status"), false);
            if (code.rcClass() != ResponseCode.RcClass.SUCCESS) {
                return new Reply.Rejected<>(code, message(data, code));
            }
        }
        return new Reply.Ok<>(new Balance(Fields.requiredAmount(data, "deposit")));
    }

    private static <T> Reply<T> reply(JsonNode data, Function<JsonNode, T> onSuccess) {
        object(data);
        ResponseCode code = code(data);
        checkStatus(code, Fields.text(data, "status"), false);
        if (code.rcClass() != ResponseCode.RcClass.SUCCESS) {
            return new Reply.Rejected<>(code, message(data, code));
        }
        return new Reply.Ok<>(onSuccess.apply(data));
    }

    private static <R> PriceListAnswer<R> priceList(JsonNode data, Function<JsonNode, R> rowReader) {
        if (data.isObject()) {
            ResponseCode code = code(data);
            checkStatus(code, Fields.text(data, "status"), false);
            if (code.rcClass() == ResponseCode.RcClass.SUCCESS) {
                throw new Malformed("data is an object with rc 00 instead of a list");
            }
            return new PriceListAnswer.Rejected<>(code, message(data, code));
        }
        if (!data.isArray()) {
            throw new Malformed("data is neither a list nor an object");
        }
        List<R> rows = new ArrayList<>(data.size());
        List<String> skipped = new ArrayList<>();
        int index = 0;
        for (JsonNode row : data) {
            try {
                if (!row.isObject()) {
                    throw new Malformed("not an object");
                }
                rows.add(rowReader.apply(row));
            } catch (Malformed e) {
                String sku = row.isObject() ? skuOf(row) : "";
                skipped.add("row " + index + (sku.isEmpty() ? "" : " (" + sku + ")") + ": " + e.getMessage());
            }
            index++;
        }
        return new PriceListAnswer.Rows<>(new PriceList<>(rows, skipped));
    }

    private static String skuOf(JsonNode row) {
        JsonNode sku = row.get("buyer_sku_code");
        return sku != null && sku.isTextual() ? Fields.quote(sku.textValue()) : "";
    }

    private static PriceListRow prepaidRow(JsonNode row) {
        return new PriceListRow(
                Fields.text(row, "product_name"),
                Fields.text(row, "category"),
                Fields.text(row, "brand"),
                Fields.text(row, "type"),
                Fields.text(row, "seller_name"),
                notNegative(Fields.requiredAmount(row, "price"), "price"),
                Fields.requiredText(row, "buyer_sku_code"),
                Fields.flag(row, "buyer_product_status"),
                Fields.flag(row, "seller_product_status"),
                Fields.flag(row, "unlimited_stock"),
                Fields.optionalWhole(row, "stock").orElse(0L),
                Fields.flag(row, "multi"),
                Fields.text(row, "start_cut_off"),
                Fields.text(row, "end_cut_off"),
                Fields.text(row, "desc"));
    }

    private static PascaPriceListRow pascaRow(JsonNode row) {
        return new PascaPriceListRow(
                Fields.text(row, "product_name"),
                Fields.text(row, "category"),
                Fields.text(row, "brand"),
                Fields.text(row, "seller_name"),
                notNegative(Fields.requiredAmount(row, "admin"), "admin"),
                notNegative(Fields.requiredAmount(row, "commission"), "commission"),
                Fields.requiredText(row, "buyer_sku_code"),
                Fields.flag(row, "buyer_product_status"),
                Fields.flag(row, "seller_product_status"),
                Fields.text(row, "desc"));
    }
}
