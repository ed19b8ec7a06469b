package id.loket.upstream.digiflazz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import id.loket.core.Money;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The request bodies, with exactly the documented fields in a fixed order. A prepaid re-check must be the same
 * request as the topup, so the same arguments always give the same bytes.
 */
final class Requests {

    /** Immutable and thread-safe once built. */
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private Requests() {}

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] encode(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            body.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON into memory cannot fail", e);
        }
        return out.toByteArray();
    }

    static byte[] balance(DigiflazzCredentials credentials) {
        return encode(json -> {
            json.writeStringField("cmd", "deposit");
            json.writeStringField("username", credentials.username());
            json.writeStringField("sign", DigiflazzSigner.sign(credentials, DigiflazzSigner.BALANCE));
        });
    }

    /** @param cmd {@code prepaid} or {@code pasca} */
    static byte[] priceList(DigiflazzCredentials credentials, String cmd) {
        return encode(json -> {
            json.writeStringField("cmd", cmd);
            json.writeStringField("username", credentials.username());
            json.writeStringField("sign", DigiflazzSigner.sign(credentials, DigiflazzSigner.PRICE_LIST));
        });
    }

    /**
     * The bank goes under {@code "Bank"}, capitalised, as in the docs' JSON example and the PHP/JS clients; the
     * docs' table says {@code bank} (research §1.11 #2).
     */
    static byte[] depositTicket(DigiflazzCredentials credentials, long amount, String bank, String ownerName) {
        if (amount <= 0) {
            throw new IllegalArgumentException("A deposit ticket needs a positive amount, not " + amount);
        }
        requireText(bank, "bank");
        requireText(ownerName, "ownerName");
        return encode(json -> {
            json.writeStringField("username", credentials.username());
            json.writeNumberField("amount", amount);
            json.writeStringField("Bank", bank);
            json.writeStringField("owner_name", ownerName);
            json.writeStringField("sign", DigiflazzSigner.sign(credentials, DigiflazzSigner.DEPOSIT_TICKET));
        });
    }

    static byte[] topup(DigiflazzCredentials credentials, String sku, String customerNo, String refId,
            Optional<Money> maxPrice) {
        requireText(sku, "sku");
        requireText(customerNo, "customerNo");
        requireText(refId, "refId");
        Objects.requireNonNull(maxPrice, "maxPrice");
        if (maxPrice.isPresent() && !maxPrice.get().isPositive()) {
            throw new IllegalArgumentException("max_price must be positive, not " + maxPrice.get());
        }
        return encode(json -> {
            json.writeStringField("username", credentials.username());
            json.writeStringField("buyer_sku_code", sku);
            json.writeStringField("customer_no", customerNo);
            json.writeStringField("ref_id", refId);
            json.writeStringField("sign", DigiflazzSigner.sign(credentials, refId));
            if (credentials.testing()) {
                json.writeBooleanField("testing", true);
            }
            if (maxPrice.isPresent()) {
                json.writeNumberField("max_price", maxPrice.get().rupiah());
            }
        });
    }

    /** @param command {@code inq-pasca}, {@code pay-pasca} or {@code status-pasca}; the key is {@code commands} */
    static byte[] postpaid(DigiflazzCredentials credentials, String command, String sku, String customerNo,
            String refId) {
        requireText(sku, "sku");
        requireText(customerNo, "customerNo");
        requireText(refId, "refId");
        return encode(json -> {
            json.writeStringField("commands", command);
            json.writeStringField("username", credentials.username());
            json.writeStringField("buyer_sku_code", sku);
            json.writeStringField("customer_no", customerNo);
            json.writeStringField("ref_id", refId);
            json.writeStringField("sign", DigiflazzSigner.sign(credentials, refId));
            if (credentials.testing()) {
                json.writeBooleanField("testing", true);
            }
        });
    }

    static byte[] inquiryPln(DigiflazzCredentials credentials, String customerNo) {
        requireText(customerNo, "customerNo");
        return encode(json -> {
            json.writeStringField("username", credentials.username());
            json.writeStringField("customer_no", customerNo);
            json.writeStringField("sign", DigiflazzSigner.sign(credentials, customerNo));
        });
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
    }
}
