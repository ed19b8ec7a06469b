package id.loket.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The journal's hash chain: {@code hash = SHA-256(previousHash ‖ canonical entry)}, hex encoded.
 *
 * <p>The canonical form is one line of text with every field of the entry in a fixed order, fields separated
 * by {@code |} and postings by {@code ;}; text fields are escaped so that no choice of memo can make two
 * different entries read the same. The entry id is part of it, so a reordered or renumbered journal breaks
 * the chain. <b>Changing this format invalidates every stored ledger</b>: a new format needs a new version
 * prefix and a migration.
 */
public final class EntryHash {

    /** The "previous hash" of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final String VERSION = "v1";

    private EntryHash() {}

    public static String canonical(long id, JournalEntry e) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(VERSION).append('|').append(id)
                .append('|').append(e.kind())
                .append('|').append(e.pendingOf().orElse(0))
                .append('|').append(e.businessDay())
                .append('|').append(e.createdAt())
                .append('|').append(escape(e.reference()))
                .append('|').append(escape(e.memo()))
                .append('|');
        for (Posting p : e.postings()) {
            sb.append(p.account().value()).append(',').append(p.side()).append(',').append(p.amount().rupiah())
                    .append(';');
        }
        return sb.toString();
    }

    public static String next(String previousHash, long id, JournalEntry entry) {
        MessageDigest sha256 = sha256();
        sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        sha256.update(canonical(id, entry).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\p").replace(";", "\\s").replace(",", "\\c")
                .replace("\n", "\\n");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
