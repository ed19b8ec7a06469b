package id.loket.upstream.digiflazz;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.core.Money;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reading Digiflazz's loosely typed JSON: numbers arrive as numbers or as strings, text fields are sometimes
 * numbers, absent and {@code null} mean the same. What cannot be read exactly throws {@link Malformed}.
 */
final class Fields {

    /**
     * Digits only. A dot in a string is refused rather than read as a decimal point: in Indonesian text "10.000" is
     * ten thousand, and guessing wrong would be off by a factor of a thousand.
     */
    private static final Pattern WHOLE_TEXT = Pattern.compile("-?\\d{1,30}");
    private static final Pattern TWO_DIGITS = Pattern.compile("\\d{2}");
    /** Long enough for any real value, short enough that a hostile value cannot flood a log line. */
    private static final int QUOTE_LIMIT = 40;

    private Fields() {}

    static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }

    /** {@code ""} when absent; numbers and booleans as their JSON text. */
    static String text(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (absent(node)) {
            return "";
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        throw new Malformed(field + " is not text");
    }

    /** Empty when absent or blank. */
    static Optional<String> optionalText(JsonNode object, String field) {
        String text = text(object, field);
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    static String requiredText(JsonNode object, String field) {
        return optionalText(object, field).orElseThrow(() -> new Malformed(field + " is missing"));
    }

    /**
     * A whole number of rupiah: a JSON integer, a JSON number with a zero fraction ({@code 1000000.0}), or a string
     * of digits ({@code "8000"}). A real fraction is refused, not rounded: rupiah have no minor unit, and a rounded
     * amount would silently disagree with Digiflazz's books.
     */
    static Money amount(JsonNode node, String field) {
        return Money.of(whole(node, field));
    }

    static Optional<Money> optionalAmount(JsonNode object, String field) {
        return optionalWhole(object, field).map(Money::of);
    }

    static Money requiredAmount(JsonNode object, String field) {
        return optionalAmount(object, field).orElseThrow(() -> new Malformed(field + " is missing"));
    }

    /** A whole number (an amount, a stock, a power in VA), as a number or a string; empty when absent or blank. */
    static Optional<Long> optionalWhole(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (absent(node) || (node.isTextual() && node.textValue().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(whole(node, field));
    }

    static Optional<Integer> optionalInt(JsonNode object, String field) {
        Optional<Long> value = optionalWhole(object, field);
        if (value.isPresent() && (value.get() > Integer.MAX_VALUE || value.get() < Integer.MIN_VALUE)) {
            throw new Malformed(field + " is too large");
        }
        return value.map(Long::intValue);
    }

    private static long whole(JsonNode node, String field) {
        BigDecimal value;
        if (node.isIntegralNumber()) {
            if (!node.canConvertToLong()) {
                throw new Malformed(field + " is too large");
            }
            return node.longValue();
        } else if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual() && WHOLE_TEXT.matcher(node.textValue().strip()).matches()) {
            value = new BigDecimal(node.textValue().strip());
        } else {
            throw new Malformed(field + " is not a number: " + quote(node));
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new Malformed(field + " is not a whole number: " + quote(node));
        }
    }

    /** A JSON boolean or the text {@code true}/{@code false}; absent is {@code false}. */
    static boolean flag(JsonNode object, String field) {
        JsonNode node = object.get(field);
        if (absent(node)) {
            return false;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() && (node.textValue().equalsIgnoreCase("true")
                || node.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(node.textValue());
        }
        throw new Malformed(field + " is not a boolean: " + quote(node));
    }

    /**
     * The {@code rc} with its leading zero. Digiflazz documents it as a string; a JSON number 0-99 is accepted and
     * written with two digits ({@code 3} → {@code "03"}), because the number cannot mean anything else. Empty when
     * absent.
     */
    static Optional<String> rc(JsonNode object) {
        JsonNode node = object.get("rc");
        if (absent(node)) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(node.textValue().strip());
        }
        if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 0 && node.intValue() <= 99) {
            return Optional.of(String.format("%02d", node.intValue()));
        }
        throw new Malformed("rc is neither a string nor a two-digit number: " + quote(node));
    }

    static boolean looksLikeRc(String rc) {
        return TWO_DIGITS.matcher(rc).matches();
    }

    /**
     * The fields of an object other than {@code known}, as text: strings as they are, numbers and booleans as their
     * JSON text, objects and arrays as compact JSON; {@code null} values dropped; order kept.
     */
    static Map<String, String> others(JsonNode object, Set<String> known) {
        Map<String, String> others = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            if (known.contains(field.getKey()) || absent(value)) {
                continue;
            }
            others.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
        }
        return Collections.unmodifiableMap(others);
    }

    /** A value for an error message: cut short, so a hostile answer cannot flood the log. */
    static String quote(JsonNode node) {
        String text = node.isTextual() ? '"' + node.textValue() + '"' : node.toString();
        return quote(text);
    }

    static String quote(String text) {
        return text.length() <= QUOTE_LIMIT ? text : text.substring(0, QUOTE_LIMIT) + "…";
    }
}
