package id.loket.upstream.house;

/**
 * A verified answer whose JSON is not what the protocol promises (not JSON, a required field missing or of the
 * wrong type, an amount that is not a whole rupiah). The message names the field, never its text value, since
 * values can be personal data.
 */
final class MalformedAnswerException extends Exception {

    MalformedAnswerException(String message) {
        super(message);
    }

    MalformedAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
