package id.loket.reconcile;

import id.loket.billing.SettlementSummary;
import id.loket.core.BusinessCalendar;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A day's settlement file (gateway-api.md: {@code payment_id,client_ref,biller,reference,amount,admin_fee,status,
 * paid_at}), read strictly: the exact header, eight cells per row, whole non-negative rupiah, a known status, a
 * {@code paid_at} on the settled day (WIB), no client_ref twice, and count and totals equal to the signed summary's.
 * Anything else is a {@link SettlementFileException} naming the line, and the run fails before it compares.
 *
 * <p>The rows are kept sorted by client_ref, for the merge with the ledger's day.
 */
final class SettlementFile {

    static final List<String> HEADER = List.of("payment_id", "client_ref", "biller", "reference", "amount",
            "admin_fee", "status", "paid_at");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final SettlementRow[] rows;
    private final Path file;

    private SettlementFile(SettlementRow[] rows, Path file) {
        this.rows = rows;
        this.file = file;
    }

    /** The rows in ascending order of client_ref. */
    SettlementRow[] rows() {
        return rows;
    }

    int size() {
        return rows.length;
    }

    /** Finds a row by client_ref (binary search). */
    Optional<SettlementRow> find(String clientRef) {
        int at = Arrays.binarySearch(rows, new SettlementRow(clientRef, 0, 0, null, null, 0),
                Comparator.comparing(SettlementRow::clientRef));
        return at < 0 ? Optional.empty() : Optional.of(rows[at]);
    }

    /** The biller and reference of rows, read again from the file (only for the rows that became items). */
    Map<Long, String[]> details(List<Long> lineNumbers) {
        Map<Long, String[]> found = new HashMap<>();
        if (lineNumbers.isEmpty()) {
            return found;
        }
        java.util.Set<Long> wanted = new java.util.HashSet<>(lineNumbers);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = FORMAT.parse(reader)) {
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber();
                if (wanted.contains(line)) {
                    found.put(line, new String[] {record.get(0), record.get(2), record.get(3)});
                }
            }
        } catch (IOException | RuntimeException e) {
            // The file was read in full a moment ago; the details only decorate items.
        }
        return found;
    }

    static SettlementFile read(Path file, SettlementSummary summary, BusinessCalendar calendar,
            Cancellation cancellation, Progress progress) {
        LocalDate day = summary.date();
        List<SettlementRow> list = new ArrayList<>((int) Math.min(Math.max(summary.count(), 16), 4_000_000));
        long totalAmount = 0;
        long totalAdmin = 0;
        Instant start = calendar.startOf(day);
        Instant end = calendar.endOf(day);
        try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
                CSVParser parser = FORMAT.parse(new java.io.BufferedReader(reader, 1 << 16))) {
            boolean header = true;
            for (CSVRecord record : parser) {
                long line = record.getRecordNumber();
                if (header) {
                    header = false;
                    List<String> cells = record.toList();
                    if (!cells.equals(HEADER)) {
                        throw new SettlementFileException(headerProblem(cells));
                    }
                    continue;
                }
                if ((line & 0xFFFF) == 0) {
                    cancellation.check();
                    progress.update(line, summary.count(), "read");
                }
                if (record.size() != HEADER.size()) {
                    if (record.size() == 1 && record.get(0).isEmpty()) {
                        throw new SettlementFileException("Line " + line + " of the settlement file is empty");
                    }
                    throw new SettlementFileException("Line " + line + " of the settlement file has " + record.size()
                            + " columns instead of " + HEADER.size());
                }
                String clientRef = record.get(1);
                if (clientRef.isEmpty()) {
                    throw new SettlementFileException("Line " + line + " of the settlement file has no client_ref");
                }
                long amount = rupiah(record.get(4), "amount", line);
                long adminFee = rupiah(record.get(5), "admin_fee", line);
                SettlementRow.SettlementStatus status = status(record.get(6), line);
                Instant paidAt = paidAt(record.get(7), line);
                if (paidAt.isBefore(start) || !paidAt.isBefore(end)) {
                    throw new SettlementFileException("Line " + line + " of the settlement of " + day + " is dated "
                            + calendar.dayOf(paidAt) + " (paid_at " + record.get(7) + "): a row of another day");
                }
                list.add(new SettlementRow(clientRef, amount, adminFee, status, paidAt, line));
                if (status == SettlementRow.SettlementStatus.SUCCESS) {
                    totalAmount = Math.addExact(totalAmount, amount);
                    totalAdmin = Math.addExact(totalAdmin, adminFee);
                }
            }
            if (header) {
                throw new SettlementFileException("The settlement file is empty (not even a header row)");
            }
        } catch (CharacterCodingException e) {
            throw new SettlementFileException("The settlement file is not UTF-8 text", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SettlementFileException("The settlement file cannot be read: " + e.getMessage(), e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new SettlementFileException("The settlement file is not valid CSV: " + e.getMessage(), e);
        } catch (ArithmeticException e) {
            throw new SettlementFileException("The settlement file's amounts add up beyond any real day", e);
        }
        SettlementRow[] rows = list.toArray(new SettlementRow[0]);
        list = null;
        Arrays.sort(rows, Comparator.comparing(SettlementRow::clientRef));
        for (int i = 1; i < rows.length; i++) {
            if (rows[i].clientRef().equals(rows[i - 1].clientRef())) {
                throw new SettlementFileException("The settlement file lists client_ref " + rows[i].clientRef()
                        + " twice (lines " + rows[i - 1].lineNo() + " and " + rows[i].lineNo() + ")");
            }
        }
        if (rows.length != summary.count()) {
            throw new SettlementFileException("The settlement file has " + rows.length + " rows but its signed"
                    + " summary says " + summary.count());
        }
        if (totalAmount != summary.totalAmount().rupiah() || totalAdmin != summary.totalAdminFee().rupiah()) {
            throw new SettlementFileException("The settlement file's SUCCESS rows add up to " + totalAmount
                    + " + " + totalAdmin + " admin fees, but its signed summary says " + summary.totalAmount()
                    .rupiah() + " + " + summary.totalAdminFee().rupiah());
        }
        return new SettlementFile(rows, file);
    }

    private static String headerProblem(List<String> cells) {
        List<String> missing = new ArrayList<>(HEADER);
        missing.removeAll(cells);
        List<String> extra = new ArrayList<>(cells);
        extra.removeAll(HEADER);
        if (!missing.isEmpty() || !extra.isEmpty()) {
            return "The settlement file's columns are wrong" + (missing.isEmpty() ? "" : "; missing: "
                    + String.join(", ", missing)) + (extra.isEmpty() ? "" : "; unexpected: " + String.join(", ", extra));
        }
        return "The settlement file's columns are out of order: " + String.join(",", cells) + " instead of "
                + String.join(",", HEADER);
    }

    private static long rupiah(String text, String column, long line) {
        if (text.isEmpty() || text.length() > 15) {
            throw new SettlementFileException("Line " + line + " of the settlement file: " + column + " '" + text
                    + "' is not a whole number of rupiah");
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new SettlementFileException("Line " + line + " of the settlement file: " + column + " '"
                        + text + "' is not a whole number of rupiah");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static SettlementRow.SettlementStatus status(String text, long line) {
        return switch (text) {
            case "SUCCESS" -> SettlementRow.SettlementStatus.SUCCESS;
            case "FAILED" -> SettlementRow.SettlementStatus.FAILED;
            case "REVERSED" -> SettlementRow.SettlementStatus.REVERSED;
            default -> throw new SettlementFileException("Line " + line + " of the settlement file: status '" + text
                    + "' is none of SUCCESS, FAILED, REVERSED");
        };
    }

    private static Instant paidAt(String text, long line) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new SettlementFileException("Line " + line + " of the settlement file: paid_at '" + text
                    + "' is not a date and time (RFC 3339)");
        }
    }
}
