package id.loket.bench;

import id.loket.billing.SettlementSummary;
import id.loket.core.AccountBalance;
import id.loket.core.AccountCode;
import id.loket.core.BusinessCalendar;
import id.loket.core.EntryHash;
import id.loket.core.EntryKind;
import id.loket.core.JournalEntry;
import id.loket.core.Money;
import id.loket.core.Posting;
import id.loket.shift.Shift;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One business day of {@code n} payments for {@link ReconcileBenchmark}: written straight into a migrated ledger file
 * with JDBC batches in one transaction (the benchmark measures reconciliation, not paying), and the gateway's
 * settlement file of the same day with its signed summary.
 *
 * <p>The ledger side is what {@code PaymentService} would have left: three open shifts (their drawer accounts and
 * balances), per payment a SUCCESS or FAILED {@code payment} row (with the gateway's payment id) whose
 * {@code reservation_entry} is its PENDING journal entry, followed by the POST_PENDING (success) or VOID_PENDING
 * (failure) entry repeating its postings; entries hash-chained with {@link EntryHash} and {@code account_balance}
 * kept, so the file is a sound ledger ({@code LedgerVerifier} passes). One deposit top-up of the day is recorded.
 * Not written: {@code payment_event} and {@code payment_detail} rows (reconciliation reads neither).
 *
 * <p>The settlement side lists every payment, in the sandbox's order (paid_at, then payment_id), paid_at in WIB
 * truncated to the second, with four planted differences: one amount mismatch, one status mismatch (a ledger
 * success the gateway settled FAILED), one payment the file leaves out (missing at the gateway) and one row the
 * ledger never made (missing in the ledger). Opening and closing deposit agree with the ledger's movements of the
 * day, so the balance check passes.
 */
final class ReconcileFixture {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    static final String HEADER = "payment_id,client_ref,biller,reference,amount,admin_fee,status,paid_at";
    static final long OPENING_BALANCE = 25_000_000_000L;
    /** The reference of the settlement row the ledger never made. */
    static final String EXTRA_REFERENCE = "539900000001";

    private static final DateTimeFormatter PAID_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX",
            Locale.ROOT).withZone(BusinessCalendar.WIB);
    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final String[] CLERKS = {"sari", "budi", "dewi"};
    private static final String[] NAMES = {"BUDI SANTOSO", "SITI RAHAYU", "AGUS SETIAWAN", "DEWI LESTARI",
        "RUDI HARTONO", "SRI WAHYUNI", "BAMBANG SUTRISNO", "NUR HIDAYAH", "EKO PRASETYO", "RINA MARLINA",
        "HENDRA GUNAWAN", "YULIANA PUTRI", "JOKO SUSILO", "FITRI HANDAYANI", "ANDI WIJAYA", "WATI KURNIASIH"};
    private static final int BATCH = 2_000;

    /** A biller as the catalog (gateway/sandbox/Catalog) has it, with how often the counter sells it. */
    private record BillerSpec(String code, String name, String category, boolean postpaid, long adminFee,
            long shopFee, int weight, long[] nominals) {}

    private static final List<BillerSpec> BILLERS = List.of(
            new BillerSpec("PLN_POSTPAID", "PLN Pascabayar", "ELECTRICITY", true, 2500, 2500, 34, null),
            new BillerSpec("PLN_PREPAID", "PLN Prabayar (Token Listrik)", "ELECTRICITY", false, 2500, 2000, 24,
                    new long[] {20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000}),
            new BillerSpec("PDAM_BANDUNG", "PDAM Tirtawening Kota Bandung", "WATER", true, 2500, 2500, 5, null),
            new BillerSpec("PDAM_SURABAYA", "PDAM Surya Sembada Kota Surabaya", "WATER", true, 2000, 2500, 5, null),
            new BillerSpec("PDAM_MEDAN", "PDAM Tirtanadi Medan", "WATER", true, 3000, 2500, 4, null),
            new BillerSpec("TELKOM", "Telkom IndiHome / Telepon Rumah", "PHONE", true, 2500, 2500, 8, null),
            new BillerSpec("HALO", "Telkomsel Halo (Pascabayar)", "PHONE", true, 2500, 2500, 3, null),
            new BillerSpec("PULSA", "Pulsa Prabayar", "PHONE", false, 1500, 1000, 14,
                    new long[] {5_000, 10_000, 20_000, 25_000, 50_000, 100_000}),
            new BillerSpec("KAI", "Kereta Api Indonesia (KAI)", "TICKET", true, 7500, 3000, 3, null));

    /** What a correct reconciliation of the day finds. */
    record Expected(long matched, long amountMismatch, long statusMismatch, long missingAtGateway,
            long missingInLedger, long ledgerCount, long gatewayCount) {}

    /** The day, ready: the settlement file to serve, its summary, and what the comparison must find. */
    record Day(int n, Path csv, SettlementSummary summary, Expected expected, long csvBytes, long fillMillis,
            long ledgerBytes) {}

    private ReconcileFixture() {}

    /** Remembers a built day beside its files, so {@link #load} can use it again (the benchmark's {@code --dir}). */
    static void save(Day d, Path file) throws IOException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("n", Integer.toString(d.n()));
        p.setProperty("count", Long.toString(d.summary().count()));
        p.setProperty("totalAmount", Long.toString(d.summary().totalAmount().rupiah()));
        p.setProperty("totalAdminFee", Long.toString(d.summary().totalAdminFee().rupiah()));
        p.setProperty("opening", Long.toString(d.summary().openingBalance().rupiah()));
        p.setProperty("closing", Long.toString(d.summary().closingBalance().rupiah()));
        p.setProperty("sha256", d.summary().fileSha256());
        try (java.io.Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "ReconcileFixture");
        }
    }

    /** A day {@link #save}d earlier, with its files at {@code csv} and {@code ledger}. */
    static Day load(Path file, Path csv, Path ledger) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (java.io.Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        int n = Integer.parseInt(p.getProperty("n"));
        long count = Long.parseLong(p.getProperty("count"));
        SettlementSummary summary = new SettlementSummary(DAY, count, Money.of(Long.parseLong(p.getProperty(
                "totalAmount"))), Money.of(Long.parseLong(p.getProperty("totalAdminFee"))), Money.of(Long.parseLong(
                p.getProperty("opening"))), Money.of(Long.parseLong(p.getProperty("closing"))), p.getProperty("sha256"));
        return new Day(n, csv, summary, new Expected(n - 3, 1, 1, 1, 1, n, count), Files.size(csv), 0,
                Files.size(ledger));
    }

    /**
     * Fills the migrated, empty ledger {@code ledgerFile} with {@code n} payments of {@link #DAY} and writes the
     * settlement file {@code csvFile}.
     */
    static Day build(Path ledgerFile, Path csvFile, int n, long seed) throws SQLException, IOException {
        if (n < 8) {
            throw new IllegalArgumentException("at least 8 payments");
        }
        long t0 = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        String[] refs = clientRefs(random, n + 1);
        BusinessCalendar calendar = new BusinessCalendar(java.time.Clock.systemUTC());
        Instant dayStart = calendar.startOf(DAY);
        int amountAt = n / 4;
        int statusAt = n / 2;
        int missingAt = 3 * n / 4;
        Instant extraPaidAt = DAY.atTime(LocalTime.of(12, 0, 0)).atZone(BusinessCalendar.WIB).toInstant();
        // Spread over 00:00:10 – 23:59:40 WIB, strictly increasing; paid (definitive) two seconds later.
        long spacingMicros = 86_370_000_000L / n;

        Map<AccountCode, AccountBalance> balances = new LinkedHashMap<>();
        long ledgerSpent = 0;
        long fileAmount = 0;
        long fileAdmin = 0;
        long fileRows = 0;
        MessageDigest sha256 = sha256();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ledgerFile);
                OutputStream out = new DigestOutputStream(Files.newOutputStream(csvFile), sha256);
                BufferedWriter csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA synchronous = OFF");
                s.execute("PRAGMA cache_size = -131072");
            }
            c.setAutoCommit(false);
            csv.write(HEADER);
            csv.write('\n');
            CsvOrder order = new CsvOrder(csv);

            // Shifts, their drawer accounts (the shift table's drawer_account references account(code)).
            try (PreparedStatement account = c.prepareStatement("INSERT INTO account (code, type, name) VALUES (?, 'ASSET', ?)");
                    PreparedStatement balance = c.prepareStatement("INSERT INTO account_balance (account) VALUES (?)");
                    PreparedStatement shift = c.prepareStatement("INSERT INTO shift (id, clerk, business_day, opened_at,"
                            + " opening_float, drawer_account) VALUES (?, ?, ?, ?, 0, ?)")) {
                for (int k = 1; k <= CLERKS.length; k++) {
                    String drawer = Shift.drawerOf(k).value();
                    account.setString(1, drawer);
                    account.setString(2, "Cash drawer of shift " + k + " (" + CLERKS[k - 1] + ")");
                    account.executeUpdate();
                    balance.setString(1, drawer);
                    balance.executeUpdate();
                    shift.setLong(1, k);
                    shift.setString(2, CLERKS[k - 1]);
                    shift.setString(3, DAY.toString());
                    shift.setString(4, dayStart.plusSeconds(5L + (k - 1) * 8 * 3600L).toString());
                    shift.setString(5, drawer);
                    shift.executeUpdate();
                }
            }

            try (PreparedStatement entry = c.prepareStatement("INSERT INTO journal_entry (id, kind, pending_of,"
                    + " business_day, created_at, reference, memo, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement posting = c.prepareStatement("INSERT INTO posting (entry_id, line_no, account,"
                            + " side, amount) VALUES (?, ?, ?, ?, ?)");
                    PreparedStatement payment = c.prepareStatement("INSERT INTO payment (client_ref, shift_id, clerk,"
                            + " business_day, created_at, updated_at, state, method, biller, biller_name, category,"
                            + " biller_kind, reference, period, guard_key, customer_name, inquiry_id, bill_amount,"
                            + " gateway_fee, shop_fee, total, tendered, reservation_entry, gateway_payment_id, rc,"
                            + " gateway_message, biller_ref, token, kwh, paid_at, failure_reason)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, 'CASH', "
                            + String.join(", ", java.util.Collections.nCopies(23, "?")) + ")")) {
                Journal journal = new Journal(entry, posting, balances);
                int[] weights = BILLERS.stream().mapToInt(BillerSpec::weight).toArray();
                int weightSum = Arrays.stream(weights).sum();
                for (int i = 0; i < n; i++) {
                    BillerSpec b = pick(random, weights, weightSum);
                    boolean failed = i != amountAt && i != statusAt && i != missingAt && random.nextInt(100) < 3;
                    long bill = billAmount(random, b);
                    long total = bill + b.adminFee() + b.shopFee();
                    int shiftId = 1 + (int) ((long) i * CLERKS.length / n);
                    Instant created = dayStart.plusNanos((10_000_000L + i * spacingMicros
                            + random.nextLong(spacingMicros / 2 + 1)) * 1000L).truncatedTo(ChronoUnit.MILLIS);
                    Instant paid = created.plusSeconds(2);
                    String ref = refs[i];
                    String reference = reference(b, i);
                    String paymentId = "pay_" + hex(random, 10);
                    String memo = b.code() + " " + reference + " CASH: ";
                    List<Posting> postings = reservation(Shift.drawerOf(shiftId), total, bill + b.adminFee(),
                            b.shopFee());
                    long reservationId = journal.append(JournalEntry.pending(DAY, created, ref, memo + "sent",
                            postings));
                    journal.append(JournalEntry.resolving(failed ? EntryKind.VOID_PENDING : EntryKind.POST_PENDING,
                            reservationId, DAY, paid, ref, memo + (failed ? "failed" : "success"), postings));

                    int p = 0;
                    payment.setString(++p, ref);
                    payment.setLong(++p, shiftId);
                    payment.setString(++p, CLERKS[shiftId - 1]);
                    payment.setString(++p, DAY.toString());
                    payment.setString(++p, created.toString());
                    payment.setString(++p, paid.toString());
                    payment.setString(++p, failed ? "FAILED" : "SUCCESS");
                    payment.setString(++p, b.code());
                    payment.setString(++p, b.name());
                    payment.setString(++p, b.category());
                    payment.setString(++p, b.postpaid() ? "POSTPAID" : "PREPAID");
                    payment.setString(++p, reference);
                    String period = b.postpaid() && !b.code().equals("KAI") ? "OKT26" : null;
                    text(payment, ++p, period);
                    text(payment, ++p, b.postpaid() ? b.code() + "|" + reference + "|" + (period == null ? "" : period)
                            : null);
                    payment.setString(++p, NAMES[random.nextInt(NAMES.length)]);
                    payment.setString(++p, "inq_" + hex(random, 10));
                    payment.setLong(++p, bill);
                    payment.setLong(++p, b.adminFee());
                    payment.setLong(++p, b.shopFee());
                    payment.setLong(++p, total);
                    payment.setLong(++p, (total + 4_999) / 5_000 * 5_000);
                    payment.setLong(++p, reservationId);
                    payment.setString(++p, paymentId);
                    payment.setString(++p, failed ? "14" : "00");
                    payment.setString(++p, failed ? "Nomor pelanggan diblokir" : "Transaksi berhasil");
                    text(payment, ++p, failed ? null : hex(random, 16).toUpperCase(Locale.ROOT));
                    boolean token = !failed && b.code().equals("PLN_PREPAID");
                    text(payment, ++p, token ? token(random) : null);
                    text(payment, ++p, token ? String.format(Locale.ROOT, "%.1f", bill / 1444.7) : null);
                    payment.setString(++p, paid.toString());
                    text(payment, ++p, failed ? "the biller refused the payment (rc 14): Nomor pelanggan diblokir"
                            : null);
                    payment.addBatch();
                    if (!failed) {
                        ledgerSpent += bill + b.adminFee(); // what left the deposit as the ledger knows it
                    }

                    // The gateway's row of it, distorted where planted.
                    Instant paidSecond = paid.truncatedTo(ChronoUnit.SECONDS);
                    if (!order.extraWritten && !extraPaidAt.isAfter(paidSecond)) {
                        order.add(extraPaidAt, "pay_extra_1", cells("pay_extra_1", refs[n], "PLN_POSTPAID",
                                EXTRA_REFERENCE, 100_000, 2_500, "SUCCESS", extraPaidAt));
                        order.extraWritten = true;
                        fileRows++;
                        fileAmount += 100_000;
                        fileAdmin += 2_500;
                    }
                    if (i != missingAt) {
                        long amount = i == amountAt ? bill + 1_000 : bill;
                        String status = failed || i == statusAt ? "FAILED" : "SUCCESS";
                        order.add(paidSecond, paymentId, cells(paymentId, ref, b.code(), reference, amount,
                                b.adminFee(), status, paidSecond));
                        fileRows++;
                        if (status.equals("SUCCESS")) {
                            fileAmount += amount;
                            fileAdmin += b.adminFee();
                        }
                    }
                    if ((i + 1) % BATCH == 0 || i == n - 1) {
                        journal.flush();
                        payment.executeBatch();
                    }
                }
                order.flush();
                // The owner records the morning's top-up in the evening (ReconciliationService.recordTopUp).
                long topUp = (ledgerSpent / 1_000_000_000L + 1) * 1_000_000_000L;
                Instant recorded = DAY.atTime(21, 0).atZone(BusinessCalendar.WIB).toInstant();
                journal.append(JournalEntry.posted(DAY, recorded, "TOPUP-20261122-210000000", "deposit top-up: BCA",
                        List.of(Posting.debit(AccountCode.GATEWAY_DEPOSIT, Money.of(topUp)),
                                Posting.credit(AccountCode.OWNER_EQUITY, Money.of(topUp)))));
                journal.flush();
                try (PreparedStatement upsert = c.prepareStatement("UPDATE account_balance SET debits_posted = ?,"
                        + " credits_posted = ?, debits_pending = ?, credits_pending = ? WHERE account = ?")) {
                    for (AccountBalance ab : balances.values()) {
                        upsert.setLong(1, ab.debitsPosted().rupiah());
                        upsert.setLong(2, ab.creditsPosted().rupiah());
                        upsert.setLong(3, ab.debitsPending().rupiah());
                        upsert.setLong(4, ab.creditsPending().rupiah());
                        upsert.setString(5, ab.account().value());
                        if (upsert.executeUpdate() != 1) {
                            throw new IllegalStateException("no balance row for " + ab.account());
                        }
                    }
                }
                c.commit();
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    // No ANALYZE: Loket never runs it, so its queries are planned without statistics here too.
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
                csv.flush(); // through the digest: the hash is complete
                long closing = OPENING_BALANCE + topUp - ledgerSpent;
                SettlementSummary summary = new SettlementSummary(DAY, fileRows, Money.of(fileAmount),
                        Money.of(fileAdmin), Money.of(OPENING_BALANCE), Money.of(closing),
                        HexFormat.of().formatHex(sha256.digest()));
                Expected expected = new Expected(n - 3, 1, 1, 1, 1, n, fileRows);
                return new Day(n, csvFile, summary, expected, Files.size(csvFile),
                        (System.nanoTime() - t0) / 1_000_000, Files.size(ledgerFile));
            }
        }
    }

    /**
     * Realistic client_refs ({@code id.loket.payment.ClientRefs}: {@code LKT-yyyyMMdd-} and ten Crockford base32
     * characters, 50 random bits), all different (a repeat is regenerated, as the gateway would refuse it).
     */
    private static String[] clientRefs(SplittableRandom random, int count) {
        long[] bits = new long[count];
        for (int i = 0; i < count; i++) {
            bits[i] = random.nextLong() & ((1L << 50) - 1);
        }
        while (true) {
            long[] sorted = bits.clone();
            Arrays.sort(sorted);
            boolean repeated = false;
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    repeated = true;
                    for (int j = 0; j < count; j++) {
                        if (bits[j] == sorted[i]) {
                            bits[j] = random.nextLong() & ((1L << 50) - 1);
                            break;
                        }
                    }
                }
            }
            if (!repeated) {
                break;
            }
        }
        String prefix = "LKT-" + DAY.format(DateTimeFormatter.BASIC_ISO_DATE) + "-";
        String[] refs = new String[count];
        char[] chars = new char[10];
        for (int i = 0; i < count; i++) {
            long v = bits[i];
            for (int k = 9; k >= 0; k--) {
                chars[k] = CROCKFORD[(int) (v & 31)];
                v >>>= 5;
            }
            refs[i] = prefix + new String(chars);
        }
        return refs;
    }

    private static BillerSpec pick(SplittableRandom random, int[] weights, int sum) {
        int r = random.nextInt(sum);
        for (int k = 0; k < weights.length; k++) {
            r -= weights[k];
            if (r < 0) {
                return BILLERS.get(k);
            }
        }
        throw new IllegalStateException();
    }

    private static long billAmount(SplittableRandom random, BillerSpec b) {
        if (b.nominals() != null) {
            return b.nominals()[random.nextInt(b.nominals().length)];
        }
        return switch (b.code()) {
            case "PLN_POSTPAID" -> 45_000 + random.nextLong(1_400_000);
            case "TELKOM" -> 150_000 + random.nextLong(600_000);
            case "HALO" -> 50_000 + random.nextLong(450_000);
            case "KAI" -> (100 + random.nextLong(700)) * 1_000;
            default -> 25_000 + random.nextLong(375_000); // PDAM
        };
    }

    /**
     * A reference in the biller's pattern, different for every payment index (an affine map that is a bijection
     * modulo the pattern's range), so no two live postpaid payments share a double-payment guard key.
     */
    private static String reference(BillerSpec b, int i) {
        long mixed = (i * 2_654_435_761L + 97_531L);
        return switch (b.code()) {
            case "PLN_POSTPAID" -> "5" + pad(mixed % 100_000_000_000L, 11);
            case "PLN_PREPAID" -> "14" + pad(mixed % 1_000_000_000L, 9);
            case "TELKOM" -> "02" + pad(mixed % 10_000_000_000L, 10);
            case "HALO", "PULSA" -> "081" + pad(mixed % 1_000_000_000L, 9);
            case "KAI" -> base36(mixed % 2_176_782_336L);
            default -> pad(mixed % 100_000_000L, 8); // PDAM
        };
    }

    private static String pad(long value, int width) {
        String s = Long.toString(value);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }

    private static String base36(long value) {
        String s = Long.toString(value, 36).toUpperCase(Locale.ROOT);
        return "0".repeat(Math.max(0, 6 - s.length())) + s;
    }

    private static String hex(SplittableRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String token(SplittableRandom random) {
        StringBuilder sb = new StringBuilder(24);
        for (int g = 0; g < 5; g++) {
            if (g > 0) {
                sb.append(' ');
            }
            sb.append(pad(random.nextInt(10_000), 4));
        }
        return sb.toString();
    }

    private static List<Posting> reservation(AccountCode drawer, long total, long gatewayTotal, long shopFee) {
        List<Posting> postings = new ArrayList<>(3);
        postings.add(Posting.debit(drawer, Money.of(total)));
        postings.add(Posting.credit(AccountCode.GATEWAY_DEPOSIT, Money.of(gatewayTotal)));
        if (shopFee > 0) {
            postings.add(Posting.credit(AccountCode.ADMIN_FEE_INCOME, Money.of(shopFee)));
        }
        return postings;
    }

    private static void text(PreparedStatement s, int index, String value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.VARCHAR);
        } else {
            s.setString(index, value);
        }
    }

    /** One CSV line as the sandbox renders it (Settlements.render). */
    private static String cells(String paymentId, String clientRef, String biller, String reference, long amount,
            long adminFee, String status, Instant paidAt) {
        return String.join(",", cell(paymentId), cell(clientRef), cell(biller), cell(reference), Long.toString(amount),
                Long.toString(adminFee), status, PAID_AT.format(paidAt));
    }

    private static String cell(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file's rows in the sandbox's order: paid_at (to the second), then payment_id. */
    private static final class CsvOrder {
        private final BufferedWriter out;
        private final List<String[]> second = new ArrayList<>();
        private Instant at;
        boolean extraWritten;

        CsvOrder(BufferedWriter out) {
            this.out = out;
        }

        void add(Instant paidSecond, String paymentId, String line) throws IOException {
            if (at != null && !at.equals(paidSecond)) {
                flush();
            }
            at = paidSecond;
            second.add(new String[] {paymentId, line});
        }

        void flush() throws IOException {
            second.sort(Comparator.comparing((String[] r) -> r[0]));
            for (String[] r : second) {
                out.write(r[1]);
                out.write('\n');
            }
            second.clear();
        }
    }

    /** Appends hash-chained entries with their postings in batches, keeping the accounts' balances. */
    private static final class Journal {
        private final PreparedStatement entry;
        private final PreparedStatement posting;
        private final Map<AccountCode, AccountBalance> balances;
        private long lastId;
        private String lastHash = EntryHash.GENESIS;

        Journal(PreparedStatement entry, PreparedStatement posting, Map<AccountCode, AccountBalance> balances) {
            this.entry = entry;
            this.posting = posting;
            this.balances = balances;
        }

        long append(JournalEntry e) throws SQLException {
            long id = ++lastId;
            String hash = EntryHash.next(lastHash, id, e);
            entry.setLong(1, id);
            entry.setString(2, e.kind().name());
            if (e.pendingOf().isPresent()) {
                entry.setLong(3, e.pendingOf().getAsLong());
            } else {
                entry.setNull(3, Types.INTEGER);
            }
            entry.setString(4, e.businessDay().toString());
            entry.setString(5, e.createdAt().toString());
            entry.setString(6, e.reference());
            entry.setString(7, e.memo());
            entry.setString(8, lastHash);
            entry.setString(9, hash);
            entry.addBatch();
            int line = 0;
            for (Posting p : e.postings()) {
                posting.setLong(1, id);
                posting.setInt(2, ++line);
                posting.setString(3, p.account().value());
                posting.setString(4, p.side().name());
                posting.setLong(5, p.amount().rupiah());
                posting.addBatch();
                balances.put(p.account(), balances.getOrDefault(p.account(), AccountBalance.empty(p.account()))
                        .apply(e.kind(), p));
            }
            lastHash = hash;
            return id;
        }

        void flush() throws SQLException {
            entry.executeBatch();
            posting.executeBatch();
        }
    }
}
