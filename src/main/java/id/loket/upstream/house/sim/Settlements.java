package id.loket.upstream.house.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.billing.GatewayError;
import id.loket.core.BusinessCalendar;
import id.loket.upstream.house.Signatures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The nightly settlement ({@code GET /v1/settlements/{date}} and {@code …/file}) and the reconciliation drills
 * that distort it ({@code POST /sandbox/discrepancies}).
 *
 * <p>A day's rows are the definitive payments (SUCCESS, FAILED) whose {@code paid_at} — the moment they became
 * definitive — falls on that Asia/Jakarta date, sorted by {@code paid_at} then {@code payment_id}. Both endpoints
 * render the same rows the same way, so {@code file_sha256} of the summary is the SHA-256 of the very bytes the
 * file endpoint serves, and count and totals are summed from the rows as served (distortions included): the file
 * and its summary always agree with each other; it is the counter's ledger that disagrees in a drill.
 *
 * <p>{@code total_amount} and {@code total_admin_fee} sum SUCCESS rows only (a FAILED payment moved no money);
 * {@code count} counts every row. Opening and closing balances come from the deposit's movement log at 00:00 WIB
 * of the day and of the next day, so opening + the day's top-ups − the day's SUCCESS totals = closing, exactly.
 *
 * <p>Discrepancies are stored and applied on every render of the day they concern (not consumed), so a summary
 * and a file fetched one after the other still match.
 */
final class Settlements {

    static final String HEADER = "payment_id,client_ref,biller,reference,amount,admin_fee,status,paid_at";
    static final Set<String> KINDS = Set.of("amount", "missing", "status", "extra");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter PAID_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX",
            Locale.ROOT).withZone(BusinessCalendar.WIB);
    private static final long EXTRA_AMOUNT = 100_000;
    private static final long EXTRA_ADMIN_FEE = 2_500;

    private record Row(String paymentId, String clientRef, String biller, String reference, long amount,
            long adminFee, String status, Instant paidAt) {}

    /** The rendered day: the CSV bytes and the summary that binds them. */
    record Settlement(byte[] csv, ObjectNode summary) {}

    private final SandboxState state;
    private final BusinessCalendar calendar;
    private final boolean settleImmediately;

    Settlements(SandboxState state, Clock clock, boolean settleImmediately) {
        this.state = state;
        this.calendar = new BusinessCalendar(clock);
        this.settleImmediately = settleImmediately;
    }

    /** Renders {@code dateText}'s settlement; 400 for a malformed date, 425 for a day not closed yet. */
    Settlement settlement(String dateText) {
        LocalDate day = parseDay(dateText);
        LocalDate today = calendar.today();
        if (day.isAfter(today) || (day.equals(today) && !settleImmediately)) {
            throw new SandboxError(425, GatewayError.DAY_NOT_CLOSED, "The business day " + day + " is not closed"
                    + " yet (today is " + today + " WIB)");
        }
        return state.atomically(() -> render(day));
    }

    private Settlement render(LocalDate day) {
        Instant start = calendar.startOf(day);
        Instant end = calendar.endOf(day);
        List<Row> rows = new ArrayList<>();
        for (SandboxState.PaymentRow p : state.paymentsSettledBetween(start, end)) {
            rows.add(new Row(p.paymentId(), p.clientRef(), p.biller(), p.reference(), p.amount(), p.adminFee(),
                    p.status(), p.settledAt().orElseThrow().truncatedTo(ChronoUnit.SECONDS)));
        }
        for (SandboxState.DiscrepancyRow d : state.discrepancies()) {
            apply(d, day, rows);
        }
        rows.sort(Comparator.comparing(Row::paidAt).thenComparing(Row::paymentId));

        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        long count = 0;
        long totalAmount = 0;
        long totalAdmin = 0;
        for (Row r : rows) {
            csv.append(String.join(",", cell(r.paymentId()), cell(r.clientRef()), cell(r.biller()),
                    cell(r.reference()), Long.toString(r.amount()), Long.toString(r.adminFee()), r.status(),
                    PAID_AT.format(r.paidAt()))).append('\n');
            count++;
            if (r.status().equals(Payments.SUCCESS)) {
                totalAmount = Math.addExact(totalAmount, r.amount());
                totalAdmin = Math.addExact(totalAdmin, r.adminFee());
            }
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        ObjectNode summary = Json.object();
        summary.put("date", day.toString());
        summary.put("count", count);
        summary.put("total_amount", totalAmount);
        summary.put("total_admin_fee", totalAdmin);
        summary.put("opening_balance", state.balanceBefore(start));
        summary.put("closing_balance", state.balanceBefore(end));
        summary.put("file_sha256", Signatures.sha256Hex(bytes));
        return new Settlement(bytes, summary);
    }

    private void apply(SandboxState.DiscrepancyRow d, LocalDate day, List<Row> rows) {
        switch (d.kind()) {
            case "amount" -> rows.replaceAll(r -> matches(r, d)
                    ? new Row(r.paymentId(), r.clientRef(), r.biller(), r.reference(), d.amount().orElseThrow(),
                            r.adminFee(), r.status(), r.paidAt())
                    : r);
            case "missing" -> rows.removeIf(r -> matches(r, d));
            case "status" -> rows.replaceAll(r -> matches(r, d)
                    ? new Row(r.paymentId(), r.clientRef(), r.biller(), r.reference(), r.amount(), r.adminFee(),
                            r.status().equals(Payments.SUCCESS) ? Payments.FAILED : Payments.SUCCESS, r.paidAt())
                    : r);
            case "extra" -> {
                LocalDate extraDay = d.day().orElseThrow();
                if (extraDay.equals(day)) {
                    Instant paidAt = calendar.dayOf(d.createdAt()).equals(day)
                            ? d.createdAt().truncatedTo(ChronoUnit.SECONDS)
                            : day.atTime(LocalTime.NOON).atZone(BusinessCalendar.WIB).toInstant();
                    rows.add(new Row("pay_extra_" + d.id(), d.clientRef().orElse("EXTRA-" + d.id()), "PLN_POSTPAID",
                            String.format(Locale.ROOT, "5399%08d", d.id()), d.amount().orElse(EXTRA_AMOUNT),
                            EXTRA_ADMIN_FEE, Payments.SUCCESS, paidAt));
                }
            }
            default -> throw new IllegalStateException("Unknown stored discrepancy kind " + d.kind());
        }
    }

    private static boolean matches(Row row, SandboxState.DiscrepancyRow d) {
        return d.clientRef().map(row.clientRef()::equals).orElse(false);
    }

    /**
     * Stores a drill. {@code amount}, {@code missing} and {@code status} name a payment the sandbox holds (its
     * day is the day it is settled on); {@code extra} invents a SUCCESS row on {@code date} (default today).
     */
    ObjectNode addDiscrepancy(ObjectNode body) {
        String kind = Json.text(body, "kind");
        if (!KINDS.contains(kind)) {
            throw SandboxError.badRequest("Unknown discrepancy kind '" + kind + "'; one of amount, missing,"
                    + " status, extra");
        }
        Optional<String> clientRef = Json.optionalText(body, "client_ref");
        OptionalLong amount = Json.optionalAmount(body, "amount");
        Optional<LocalDate> day = Json.optionalText(body, "date").map(Settlements::parseDay);
        if (kind.equals("amount") && amount.isEmpty()) {
            throw SandboxError.badRequest("An amount discrepancy needs 'amount' (the bill amount to report)");
        }
        if (!kind.equals("extra")) {
            String ref = clientRef.orElseThrow(() -> SandboxError.badRequest("A " + kind + " discrepancy needs"
                    + " 'client_ref'"));
            if (state.paymentByClientRef(ref).isEmpty()) {
                throw SandboxError.notFound(GatewayError.PAYMENT_NOT_FOUND, "No payment " + ref + " to distort");
            }
        } else if (day.isEmpty()) {
            day = Optional.of(calendar.today());
        }
        long id = state.insertDiscrepancy(kind, clientRef, amount, day, calendar.now());
        ObjectNode answer = Json.object();
        answer.put("discrepancy_id", id);
        answer.put("kind", kind);
        answer.put("client_ref", clientRef.orElse(kind.equals("extra") ? "EXTRA-" + id : null));
        answer.put("date", day.map(LocalDate::toString).orElse(null));
        return answer;
    }

    static LocalDate parseDay(String text) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw SandboxError.badRequest("'" + text + "' is not a date (YYYY-MM-DD): " + e.getMessage());
        }
    }

    /** RFC 4180 quoting, only where needed (a client_ref is the counter's text and may hold a comma). */
    private static String cell(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
