package id.loket.cli;

/** Turns a failure into the one line the user reads. */
final class Messages {

    private Messages() {}

    static String of(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "unexpected " + e.getClass().getSimpleName()
                    + "; the log in the data directory's 'logs' folder has the details.";
        }
        return message;
    }
}
