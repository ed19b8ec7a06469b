package id.loket.journal;

import id.loket.core.Account;
import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.RecordedEntry;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Reading a journal: the port {@link LedgerVerifier} works on, for the live ledger and for backups alike. */
public interface JournalReader {

    long entryCount();

    /** Every entry in ascending id order, streamed: a ledger may hold millions. */
    void forEachEntry(Consumer<RecordedEntry> consumer);

    /** The balances the store keeps up to date with every append (what {@code verify} checks). */
    Map<AccountCode, AccountBalance> storedBalances();

    List<Account> accounts();

    /** The schema version of the ledger file, e.g. {@code "1"}. */
    String schemaVersion();
}
