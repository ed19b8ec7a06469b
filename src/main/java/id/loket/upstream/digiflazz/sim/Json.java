package id.loket.upstream.digiflazz.sim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reading requests and writing answers. Reading is strict (duplicate keys, trailing garbage, a field of the wrong
 * type are all rc 40) because the simulator is the adapter's contract test: a sloppy client should fail here, not
 * in production.
 */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A request that does not fit the documented types: answered rc 40. */
    static final class PayloadError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PayloadError(String message) {
            super(message);
        }
    }

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** {@code {"data": data}}, the envelope of every Digiflazz answer. */
    static ObjectNode wrap(JsonNode data) {
        ObjectNode envelope = object();
        envelope.set("data", data);
        return envelope;
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body as a JSON object, or a {@link PayloadError}. */
    static ObjectNode parseObject(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new PayloadError("The body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new PayloadError("The body could not be read: " + e.getMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw new PayloadError("The body must be a JSON object");
        }
        return object;
    }

    static String text(ObjectNode body, String field) {
        return optionalText(body, field).orElseThrow(() -> new PayloadError("'" + field + "' is required"));
    }

    /** Missing, null or "" is empty; a number or boolean where a string is documented is rc 40. */
    static Optional<String> optionalText(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new PayloadError("'" + field + "' must be a String");
        }
        return node.textValue().isEmpty() ? Optional.empty() : Optional.of(node.textValue());
    }

    static boolean optionalBoolean(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new PayloadError("'" + field + "' must be a Boolean");
        }
        return node.booleanValue();
    }

    /** An {@code Int} field: a JSON integer (a quoted number or a fraction is rc 40). */
    static OptionalLong optionalInteger(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return OptionalLong.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new PayloadError("'" + field + "' must be an Int");
        }
        return OptionalLong.of(node.longValue());
    }

    static long integer(ObjectNode body, String field) {
        return optionalInteger(body, field).orElseThrow(() -> new PayloadError("'" + field + "' is required"));
    }
}
