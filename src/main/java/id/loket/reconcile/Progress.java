package id.loket.reconcile;

/** Told how far a long run has come; called from the thread running it. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total, stage) -> {};

    /**
     * @param done units done in this stage
     * @param total units in this stage, or -1 when not known
     * @param stage what is being done: {@code fetch}, {@code read}, {@code compare}, {@code store}
     */
    void update(long done, long total, String stage);
}
