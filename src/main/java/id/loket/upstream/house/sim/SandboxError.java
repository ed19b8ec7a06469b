package id.loket.upstream.house.sim;

import id.loket.billing.GatewayError;

/**
 * A definitive refusal the sandbox answers with {@code {"error": {"code", "message"}}}. Thrown from deep inside an
 * operation so that nothing of it is committed (the state's transaction rolls back) and the router turns it into
 * the signed error response.
 */
final class SandboxError extends RuntimeException {

    private final int status;
    private final String code;

    SandboxError(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static SandboxError badRequest(String message) {
        return new SandboxError(400, GatewayError.BAD_REQUEST, message);
    }

    static SandboxError invalidAmount(String message) {
        return new SandboxError(422, GatewayError.INVALID_AMOUNT, message);
    }

    static SandboxError notFound(String code, String message) {
        return new SandboxError(404, code, message);
    }

    static SandboxError conflict(String code, String message) {
        return new SandboxError(409, code, message);
    }

    static SandboxError unprocessable(String code, String message) {
        return new SandboxError(422, code, message);
    }

    static SandboxError gone(String code, String message) {
        return new SandboxError(410, code, message);
    }
}
