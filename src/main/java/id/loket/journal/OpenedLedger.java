package id.loket.journal;

/** Another ledger file (a backup), opened read-only for inspection. */
public interface OpenedLedger extends JournalReader, AutoCloseable {

    @Override
    void close();
}
