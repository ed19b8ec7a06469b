package id.loket.upstream.house.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.upstream.house.Signatures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementTest extends SandboxTestBase {

    private static final String DAY = "2026-11-21";

    /** A settlement as fetched: the signed summary and the file's exact bytes. */
    private record Fetched(JsonNode summary, byte[] file, List<String[]> rows) {}

    private Fetched fetch(String day) {
        SignedClient.Response summary = client.get("/v1/settlements/" + day);
        assertThat(summary.status()).as(summary.text()).isEqualTo(200);
        assertThat(summary.signed()).isTrue();
        SignedClient.Response file = client.get("/v1/settlements/" + day + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.signed()).isTrue();
        assertThat(file.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        String[] lines = file.text().split("\n");
        assertThat(lines[0]).isEqualTo("payment_id,client_ref,biller,reference,amount,admin_fee,status,paid_at");
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            rows.add(lines[i].split(","));
        }
        assertThat(summary.json().get("file_sha256").asText()).isEqualTo(Signatures.sha256Hex(file.body()));
        assertThat(summary.json().get("date").asText()).isEqualTo(day);
        assertThat(summary.json().get("count").asLong()).isEqualTo(rows.size());
        long amount = 0;
        long admin = 0;
        for (String[] row : rows) {
            if (row[6].equals("SUCCESS")) {
                amount += Long.parseLong(row[4]);
                admin += Long.parseLong(row[5]);
            }
        }
        assertThat(summary.json().get("total_amount").asLong()).isEqualTo(amount);
        assertThat(summary.json().get("total_admin_fee").asLong()).isEqualTo(admin);
        return new Fetched(summary.json(), file.body(), rows);
    }

    private static String[] rowOf(Fetched f, String clientRef) {
        return f.rows().stream().filter(r -> r[1].equals(clientRef)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + clientRef));
    }

    @Test
    void theCurrentOrAFutureDayIsNotClosed() {
        SignedClient.Response today = client.get("/v1/settlements/" + DAY);
        assertThat(today.status()).isEqualTo(425);
        assertThat(today.errorCode()).isEqualTo("day_not_closed");
        assertThat(today.signed()).isTrue();
        assertThat(client.get("/v1/settlements/2026-11-22/file").status()).isEqualTo(425);
        assertThat(client.get("/v1/settlements/2026-11-20").status()).isEqualTo(200);
    }

    @Test
    void aMalformedDateIsABadRequest() {
        for (String bad : new String[] {"2026-13-01", "21-11-2026", "2026-02-30", "yesterday"}) {
            SignedClient.Response r = client.get("/v1/settlements/" + bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.errorCode()).isEqualTo("bad_request");
        }
    }

    @Test
    void aClosedDayListsItsDefinitivePaymentsAndBalancesAddUp() {
        String first = newRef();
        JsonNode firstBill = inquire("PLN_POSTPAID", "512345678901");
        paidCash(first, firstBill);
        clock.advance(Duration.ofMinutes(30));
        String failed = newRef();
        paidCash(failed, inquire("HALO", "081234562222"));
        sandboxOk("POST", "/sandbox/deposit", "{\"amount\": 1000000}");
        String pending = newRef();
        JsonNode pendingBill = inquire("PDAM_MEDAN", "5551111");
        paidCash(pending, pendingBill);
        clock.set(Instant.parse("2026-11-21T16:59:30Z")); // 23:59:30 WIB
        String lastOfDay = newRef();
        JsonNode lastBill = inquire("PULSA", "081298765432", "PULSA50");
        paidCash(lastOfDay, lastBill);
        clock.set(Instant.parse("2026-11-21T17:00:30Z")); // 00:00:30 WIB on the 22nd
        String nextDay = newRef();
        paidCash(nextDay, inquire("KAI", "NXT123"));
        client.get("/v1/payments/" + pending);
        client.get("/v1/payments/" + pending); // SUCCESS now, on the 22nd

        clock.set(Instant.parse("2026-11-22T03:00:00Z"));
        Fetched day = fetch(DAY);
        assertThat(day.rows()).extracting(r -> r[1]).containsExactly(first, failed, lastOfDay);
        String[] firstRow = rowOf(day, first);
        assertThat(firstRow[0]).startsWith("pay_");
        assertThat(firstRow[2]).isEqualTo("PLN_POSTPAID");
        assertThat(firstRow[3]).isEqualTo("512345678901");
        assertThat(Long.parseLong(firstRow[4])).isEqualTo(firstBill.get("amount").asLong());
        assertThat(firstRow[5]).isEqualTo("2500");
        assertThat(firstRow[6]).isEqualTo("SUCCESS");
        assertThat(firstRow[7]).isEqualTo("2026-11-21T10:00:00+07:00");
        assertThat(rowOf(day, failed)[6]).isEqualTo("FAILED");
        assertThat(rowOf(day, lastOfDay)[7]).isEqualTo("2026-11-21T23:59:30+07:00");

        long debits = firstBill.get("total").asLong() + lastBill.get("total").asLong();
        assertThat(day.summary().get("opening_balance").asLong()).as("the state file was created that morning")
                .isZero();
        assertThat(day.summary().get("closing_balance").asLong())
                .isEqualTo(day.summary().get("opening_balance").asLong() + 10_000_000 + 1_000_000 - debits);

        clock.set(Instant.parse("2026-11-23T03:00:00Z"));
        Fetched next = fetch("2026-11-22");
        assertThat(next.rows()).extracting(r -> r[1]).containsExactlyInAnyOrder(nextDay, pending);
        assertThat(next.summary().get("opening_balance").asLong())
                .isEqualTo(day.summary().get("closing_balance").asLong());
        long nextDebits = 0;
        for (String[] row : next.rows()) {
            nextDebits += Long.parseLong(row[4]) + Long.parseLong(row[5]);
        }
        assertThat(next.summary().get("closing_balance").asLong())
                .isEqualTo(next.summary().get("opening_balance").asLong() - nextDebits);
        assertThat(next.summary().get("closing_balance").asLong()).isEqualTo(balance());
    }

    @Test
    void theSameDayRendersTheSameBytesEveryTime() {
        paidCash(newRef(), inquire("TELKOM", "021123456789"));
        clock.advance(Duration.ofDays(1));
        assertThat(fetch(DAY).file()).isEqualTo(fetch(DAY).file());
    }

    @Test
    void eachDiscrepancyKindShowsInTheFileAndTheSummaryStillBindsIt() {
        String changed = newRef();
        String missing = newRef();
        String flipped = newRef();
        String kept = newRef();
        paidCash(changed, inquire("PLN_POSTPAID", "512345678901"));
        paidCash(missing, inquire("PDAM_BANDUNG", "1234567"));
        paidCash(flipped, inquire("TELKOM", "021123456789"));
        paidCash(kept, inquire("HALO", "081234567890"));
        sandboxOk("POST", "/sandbox/discrepancies", "{\"kind\": \"amount\", \"client_ref\": \"" + changed
                + "\", \"amount\": 99900}");
        sandboxOk("POST", "/sandbox/discrepancies", "{\"kind\": \"missing\", \"client_ref\": \"" + missing + "\"}");
        sandboxOk("POST", "/sandbox/discrepancies", "{\"kind\": \"status\", \"client_ref\": \"" + flipped + "\"}");
        JsonNode extra = sandboxOk("POST", "/sandbox/discrepancies",
                "{\"kind\": \"extra\", \"client_ref\": \"GHOST-1\", \"amount\": 50000}");
        assertThat(extra.get("date").asText()).isEqualTo(DAY);
        sandboxOk("POST", "/sandbox/discrepancies", "{\"kind\": \"extra\", \"date\": \"2026-11-20\"}");

        clock.advance(Duration.ofDays(1));
        Fetched day = fetch(DAY);
        assertThat(rowOf(day, changed)[4]).isEqualTo("99900");
        assertThat(day.rows()).extracting(r -> r[1]).doesNotContain(missing);
        assertThat(rowOf(day, flipped)[6]).isEqualTo("FAILED");
        assertThat(rowOf(day, kept)[6]).isEqualTo("SUCCESS");
        String[] ghost = rowOf(day, "GHOST-1");
        assertThat(ghost[4]).isEqualTo("50000");
        assertThat(ghost[6]).isEqualTo("SUCCESS");
        assertThat(day.rows()).hasSize(4);

        Fetched before = fetch("2026-11-20");
        assertThat(before.rows()).hasSize(1);
        assertThat(before.rows().get(0)[1]).startsWith("EXTRA-");
        assertThat(before.rows().get(0)[7]).isEqualTo("2026-11-20T12:00:00+07:00");
    }

    @Test
    void discrepanciesAreChecked() {
        assertThat(sandbox("POST", "/sandbox/discrepancies", "{\"kind\": \"missing\", \"client_ref\": \"nobody\"}")
                .errorCode()).isEqualTo("payment_not_found");
        assertThat(sandbox("POST", "/sandbox/discrepancies", "{\"kind\": \"weird\"}").status()).isEqualTo(400);
        String ref = newRef();
        paidCash(ref, inquire("TELKOM", "021123456789"));
        assertThat(sandbox("POST", "/sandbox/discrepancies", "{\"kind\": \"amount\", \"client_ref\": \"" + ref
                + "\"}").status()).isEqualTo(400);
        assertThat(sandbox("POST", "/sandbox/discrepancies", "{\"kind\": \"amount\", \"client_ref\": \"" + ref
                + "\", \"amount\": 1.5}").errorCode()).isEqualTo("invalid_amount");
    }

    @Test
    void rowsAreSortedByPaidAtThenPaymentId() {
        for (int i = 0; i < 6; i++) {
            paidCash(newRef(), inquire("PULSA", "081298765432", "PULSA5"));
            if (i % 2 == 1) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        clock.advance(Duration.ofDays(1));
        List<String[]> rows = fetch(DAY).rows();
        List<String> keys = new ArrayList<>();
        rows.forEach(r -> keys.add(r[7] + " " + r[0]));
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertThat(keys).containsExactlyElementsOf(sorted);
        assertThat(Arrays.stream(rows.get(0)).count()).isEqualTo(8);
    }
}
