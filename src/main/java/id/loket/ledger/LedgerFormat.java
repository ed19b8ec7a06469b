package id.loket.ledger;

import id.loket.journal.LedgerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What makes a file a Loket ledger, checked before Loket changes anything in it: the SQLite header, Loket's
 * {@code application_id}, and the schema versions it holds. The checks read raw bytes first, so a file that is
 * not SQLite at all is never handed to SQLite (which could otherwise create a journal next to it).
 */
final class LedgerFormat {

    /** "LKET": set by {@code V1__journal.sql}, so Loket can tell its ledger from any other SQLite file. */
    static final int APPLICATION_ID = 0x4C4B4554;

    static final String HISTORY_TABLE = "flyway_schema_history";

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;

    private LedgerFormat() {}

    /** Whose file is being checked: the advice differs for the live ledger and for a backup. */
    enum Role {
        LIVE("move it away or point --data-dir elsewhere; nothing was changed",
                "install the newer Loket or restore a backup"),
        BACKUP("choose a backup made by 'loket backup'; nothing was changed",
                "install the newer Loket or choose another backup");

        private final String notLoketAdvice;
        private final String newerAdvice;

        Role(String notLoketAdvice, String newerAdvice) {
            this.notLoketAdvice = notLoketAdvice;
            this.newerAdvice = newerAdvice;
        }

        String notLoketAdvice() {
            return notLoketAdvice;
        }

        String newerAdvice() {
            return newerAdvice;
        }
    }

    /** What an existing SQLite file holds, read without changing it. */
    record Probe(int applicationId, int schemaObjects, boolean hasHistory, List<String> appliedVersions) {

        Probe {
            appliedVersions = List.copyOf(appliedVersions);
        }

        boolean isEmptyDatabase() {
            return schemaObjects == 0;
        }
    }

    /**
     * Refuses a file that exists, is not empty, and does not start with SQLite's header; a missing or empty file
     * is fine (SQLite makes a new database of it).
     *
     * @return whether the file exists and has content
     */
    static boolean requireSqliteOrAbsent(Path file, Role role) {
        byte[] header = readHeader(file);
        if (header.length == 0) {
            return false;
        }
        if (header.length < MAGIC.length || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new LedgerException(file + " is not a Loket ledger (not an SQLite database): "
                    + role.notLoketAdvice());
        }
        return true;
    }

    /**
     * Refuses a file shorter than its own header says (a copy cut short). SQLite only trusts the header's page
     * count when the "version valid for" number matches the change counter, and so does this check.
     */
    static void requireComplete(Path file, String advice) {
        byte[] header = readHeader(file);
        if (header.length < HEADER_SIZE) {
            throw new LedgerException(file + " is damaged or incomplete (only " + header.length
                    + " bytes): " + advice);
        }
        int pageSizeField = ((header[16] & 0xFF) << 8) | (header[17] & 0xFF);
        long pageSize = pageSizeField == 1 ? 65536 : pageSizeField;
        long changeCounter = readInt(header, 24);
        long pageCount = readInt(header, 28);
        long validFor = readInt(header, 92);
        if (pageCount == 0 || changeCounter != validFor) {
            return;
        }
        long expected = pageSize * pageCount;
        long actual = size(file);
        if (actual < expected) {
            throw new LedgerException(file + " is damaged or incomplete (the file holds " + actual + " of its "
                    + expected + " bytes): " + advice);
        }
    }

    /** Reads what the checks need; runs no statement that writes. */
    static Probe probe(CachedConnection c) throws SQLException {
        int applicationId;
        try (ResultSet rs = c.prepare("PRAGMA application_id").executeQuery()) {
            applicationId = rs.next() ? rs.getInt(1) : 0;
        }
        int objects;
        boolean hasHistory;
        PreparedStatement schema = c.prepare(
                "SELECT count(*), coalesce(sum(name = ?), 0) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'");
        schema.setString(1, HISTORY_TABLE);
        try (ResultSet rs = schema.executeQuery()) {
            rs.next();
            objects = rs.getInt(1);
            hasHistory = rs.getInt(2) > 0;
        }
        List<String> versions = new ArrayList<>();
        if (hasHistory) {
            try (ResultSet rs = c.prepare("SELECT version FROM " + HISTORY_TABLE
                    + " WHERE version IS NOT NULL AND success = 1").executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
        }
        return new Probe(applicationId, objects, hasHistory, versions);
    }

    /**
     * Refuses an SQLite file that holds tables but is not Loket's. An empty database (no tables) is allowed:
     * it becomes a ledger when migrated.
     */
    static void requireLoket(Path file, Probe probe, Role role) {
        if (probe.isEmptyDatabase() && probe.applicationId() == 0) {
            return;
        }
        if (probe.applicationId() != APPLICATION_ID) {
            throw new LedgerException(file + " is not a Loket ledger (an SQLite database of another program,"
                    + " application id " + Integer.toHexString(probe.applicationId()) + "): " + role.notLoketAdvice());
        }
        if (!probe.hasHistory()) {
            throw new LedgerException(file + " is a Loket ledger without its schema history (it was altered"
                    + " outside Loket): " + (role == Role.LIVE ? "restore a backup" : "choose another backup")
                    + "; nothing was changed.");
        }
    }

    private static byte[] readHeader(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEADER_SIZE);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new LedgerException("Cannot read " + file + " (" + e.getMessage()
                    + "): check that it is a file Loket may read; nothing was changed.", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new LedgerException("Cannot read " + file + " (" + e.getMessage()
                    + "): check that it is a file Loket may read; nothing was changed.", e);
        }
    }

    private static long readInt(byte[] b, int offset) {
        return ((b[offset] & 0xFFL) << 24) | ((b[offset + 1] & 0xFFL) << 16) | ((b[offset + 2] & 0xFFL) << 8)
                | (b[offset + 3] & 0xFFL);
    }
}
