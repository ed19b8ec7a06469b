package id.loket.upstream.fonnte;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.MessageReceipt;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fonnte's answers to {@code /send} in one table, turned into the port's results (research §4.1):
 *
 * <table>
 *   <caption>answer → result</caption>
 *   <tr><th>answer</th><th>result</th></tr>
 *   <tr><td>{@code status: true} with HTTP 2xx</td><td>Answer: message id {@code id[0]}, status {@code process}
 *       (else {@code detail})</td></tr>
 *   <tr><td>{@code status: false, reason: "token invalid"}</td><td>Refused {@link GatewayError#WRONG_KEY}</td></tr>
 *   <tr><td>{@code reason: "target invalid"}</td><td>Refused {@link GatewayError#INVALID_PHONE}</td></tr>
 *   <tr><td>{@code reason: "insufficient quota"}</td><td>Refused {@link #INSUFFICIENT_QUOTA}</td></tr>
 *   <tr><td>{@code reason: "input invalid"}, {@code "JSON format invalid"}, {@code "url invalid"}, file
 *       reasons</td><td>Refused {@link GatewayError#BAD_REQUEST}, with the reason</td></tr>
 *   <tr><td>{@code status: false}, any other reason</td><td>Refused {@link #MESSENGER_REFUSED}, with the
 *       reason</td></tr>
 *   <tr><td>anything else: no JSON object, no status, {@code status: true} with HTTP 4xx/5xx, HTTP 5xx without
 *       {@code status: false}</td><td>NoAnswer</td></tr>
 * </table>
 *
 * <p>{@code status: false} is a failure whatever the HTTP status (Fonnte answers failures with HTTP 200). Keys are
 * matched without regard to case, because one client notes that Fonnte sometimes writes {@code Status}.
 */
public final class FonnteAnswers {

    /** Fonnte's "insufficient quota": the device's message package is used up. Nothing was sent. */
    public static final String INSUFFICIENT_QUOTA = "insufficient_quota";
    /** Fonnte said {@code status: false} for a reason Loket has no code for; the reason is in the message. */
    public static final String MESSENGER_REFUSED = "messenger_refused";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Reasons that mean the request itself was wrong (a bug here, not the shop's setup). */
    private static final java.util.Set<String> REQUEST_REASONS = java.util.Set.of("input invalid",
            "json format invalid", "url invalid", "file format not supported", "file size must under 4mb");
    private static final int REASON_IN_MESSAGE = 200;

    private FonnteAnswers() {}

    /** Reads one {@code /send} answer as the client does. */
    public static GatewayResult<MessageReceipt> send(byte[] body, int httpStatus) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (JacksonException e) {
            return noAnswer(httpStatus, "the answer is not JSON");
        } catch (IOException e) {
            return noAnswer(httpStatus, "the answer could not be read");
        }
        if (!(root instanceof ObjectNode answer)) {
            return noAnswer(httpStatus, "the answer is not a JSON object");
        }
        Optional<Boolean> status = bool(field(answer, "status"));
        if (status.isEmpty()) {
            return noAnswer(httpStatus, "the answer has no readable status");
        }
        if (!status.get()) {
            String reason = text(field(answer, "reason")).orElse("");
            return new GatewayResult.Refused<>(refusal(httpStatus, reason));
        }
        if (httpStatus < 200 || httpStatus > 299) {
            return noAnswer(httpStatus, "status true came with an error status");
        }
        String id = firstId(field(answer, "id")).or(() -> text(field(answer, "requestid"))).orElse("-");
        String process = text(field(answer, "process")).or(() -> text(field(answer, "detail"))).orElse("queued");
        return new GatewayResult.Answer<>(new MessageReceipt(id, process));
    }

    /** The row of the table for a {@code status: false} answer. */
    static GatewayError refusal(int httpStatus, String reason) {
        String r = reason.strip();
        String key = r.toLowerCase(Locale.ROOT);
        String quoted = r.length() > REASON_IN_MESSAGE ? r.substring(0, REASON_IN_MESSAGE) + "…" : r;
        if (key.equals("token invalid")) {
            return new GatewayError(httpStatus, GatewayError.WRONG_KEY, "Fonnte does not accept the device token"
                    + " (token invalid): copy the token of the connected device from the Fonnte dashboard into"
                    + " Settings. Nothing was sent.");
        }
        if (key.equals("target invalid")) {
            return new GatewayError(httpStatus, GatewayError.INVALID_PHONE, "Fonnte cannot send to this number"
                    + " (target invalid): check the number with the customer. Nothing was sent.");
        }
        if (key.equals("insufficient quota")) {
            return new GatewayError(httpStatus, INSUFFICIENT_QUOTA, "The Fonnte device has no message quota left"
                    + " (insufficient quota): the owner must renew or top up the Fonnte package. Nothing was sent.");
        }
        if (REQUEST_REASONS.contains(key)) {
            return new GatewayError(httpStatus, GatewayError.BAD_REQUEST, "Fonnte refused the request (" + quoted
                    + "). Nothing was sent.");
        }
        return new GatewayError(httpStatus, MESSENGER_REFUSED, "Fonnte refused to send"
                + (quoted.isEmpty() ? " and gave no reason" : " (" + quoted + ")") + ". Nothing was sent.");
    }

    /** The field named {@code name} in any letter case; the exact spelling first. */
    private static JsonNode field(ObjectNode answer, String name) {
        JsonNode exact = answer.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> f : answer.properties()) {
            if (f.getKey().equalsIgnoreCase(name)) {
                return f.getValue();
            }
        }
        return null;
    }

    /** A JSON boolean, or the strings "true"/"false" (some gateways quote them). */
    private static Optional<Boolean> bool(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        if (node.isTextual()) {
            String t = node.textValue().strip().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("false")) {
                return Optional.of(t.equals("true"));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return Optional.empty();
        }
        String t = node.asText().strip();
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /** {@code "id": ["80367170"]} (one per target; one target here), or a bare id. */
    private static Optional<String> firstId(JsonNode node) {
        if (node != null && node.isArray()) {
            return node.isEmpty() ? Optional.empty() : text(node.get(0));
        }
        return text(node);
    }

    private static <T> GatewayResult<T> noAnswer(int httpStatus, String why) {
        return new GatewayResult.NoAnswer<>("HTTP " + httpStatus + ": " + why);
    }
}
