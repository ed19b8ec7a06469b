package id.loket.upstream.house.sim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.billing.GatewayError;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Strict reading and compact writing of the protocol's JSON. Strict because the sandbox is the counter's
 * contract test: duplicate keys, trailing garbage, fractional or quoted amounts are refused here exactly as a
 * careful real gateway would, so a client bug shows up against the sandbox rather than in production.
 * Fractions are read as {@code BigDecimal}, never {@code double}, and then refused: money is whole rupiah.
 */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The body as a JSON object: {@code malformed_json} if it is not JSON, {@code bad_request} if not an object. */
    static ObjectNode parseObject(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new SandboxError(400, GatewayError.MALFORMED_JSON, "The body is not valid JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SandboxError(400, GatewayError.MALFORMED_JSON, "The body could not be read: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new SandboxError(400, GatewayError.MALFORMED_JSON, "The body is empty; a JSON object is expected");
        }
        if (!(node instanceof ObjectNode object)) {
            throw SandboxError.badRequest("The body must be a JSON object");
        }
        return object;
    }

    static String text(ObjectNode body, String field) {
        return optionalText(body, field)
                .orElseThrow(() -> SandboxError.badRequest("Field '" + field + "' is required (a string)"));
    }

    /** Missing or null is empty; any other non-string is {@code bad_request}; an empty string counts as missing. */
    static Optional<String> optionalText(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw SandboxError.badRequest("Field '" + field + "' must be a string");
        }
        String value = node.textValue();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /**
     * A required amount of whole rupiah: missing is {@code bad_request}; present but zero, negative, fractional,
     * quoted or out of range is {@code invalid_amount} (the field is there, its value is not money).
     */
    static long amount(ObjectNode body, String field) {
        return optionalAmount(body, field)
                .orElseThrow(() -> SandboxError.badRequest("Field '" + field + "' is required (whole rupiah)"));
    }

    static OptionalLong optionalAmount(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return OptionalLong.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw SandboxError.invalidAmount("Field '" + field + "' must be a whole number of rupiah written as a"
                    + " JSON integer, not " + node);
        }
        long value = node.longValue();
        if (value <= 0) {
            throw SandboxError.invalidAmount("Field '" + field + "' must be positive, not " + value);
        }
        return OptionalLong.of(value);
    }

    static OptionalLong optionalInteger(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return OptionalLong.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw SandboxError.badRequest("Field '" + field + "' must be an integer");
        }
        return OptionalLong.of(node.longValue());
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written: " + e.getOriginalMessage(), e);
        }
    }

    static String string(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written: " + e.getOriginalMessage(), e);
        }
    }

    /** Details are stored as a JSON object; its key order is the order a receipt prints them in. */
    static Map<String, String> stringMap(String json) {
        ObjectNode node = parseObject(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static ObjectNode objectOf(Map<String, String> map) {
        ObjectNode node = object();
        map.forEach(node::put);
        return node;
    }

    /** RFC 3339 in UTC to the second, e.g. {@code 2026-11-22T03:04:05Z}. */
    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static ObjectNode error(String code, String message) {
        ObjectNode body = object();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return body;
    }
}
