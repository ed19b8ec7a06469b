package id.loket.core;

import static id.loket.core.AccountCode.ADMIN_FEE_INCOME;
import static id.loket.core.AccountCode.CASH_DRAWER;
import static id.loket.core.AccountCode.GATEWAY_DEPOSIT;
import static id.loket.core.EntryBuilder.entry;
import static id.loket.core.EntryBuilder.payment;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EntryHashTest {

    private static final long ID = 42;

    private static EntryBuilder base() {
        return payment(152_500).reference("LKT-0001").memo("PLN prepaid");
    }

    private static String hashOf(long id, JournalEntry entry) {
        return EntryHash.next(EntryHash.GENESIS, id, entry);
    }

    @Test
    void genesisIsSixtyFourZeros() {
        assertThat(EntryHash.GENESIS).hasSize(64).matches("0+");
    }

    @Test
    void sameEntrySameIdSamePreviousGivesTheSameHash() {
        String first = hashOf(ID, base().build());
        String second = hashOf(ID, base().build());
        assertThat(first).isEqualTo(second).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void hashIsSha256OfPreviousHashThenCanonicalEntry() throws Exception {
        JournalEntry e = base().build();
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((EntryHash.GENESIS + EntryHash.canonical(ID, e)).getBytes(StandardCharsets.UTF_8));
        assertThat(hashOf(ID, e)).isEqualTo(HexFormat.of().formatHex(digest));
    }

    @Test
    void canonicalFormIsPinnedBecauseChangingItInvalidatesStoredLedgers() {
        JournalEntry e = entry().reference("LKT-0001").memo("a|b")
                .debit(CASH_DRAWER, 155_000).credit(GATEWAY_DEPOSIT, 152_500).credit(ADMIN_FEE_INCOME, 2_500)
                .build();
        assertThat(EntryHash.canonical(3, e)).isEqualTo(
                "v1|3|POSTED|0|2025-03-14|2025-03-14T03:15:00Z|LKT-0001|a\\pb|"
                        + "cash_drawer,DEBIT,155000;gateway_deposit,CREDIT,152500;admin_fee_income,CREDIT,2500;");
    }

    static List<Arguments> oneFieldChanged() {
        return List.of(
                Arguments.of("amount", (UnaryOperator<EntryBuilder>) b -> b.noPostings()
                        .debit(CASH_DRAWER, 152_501).credit(GATEWAY_DEPOSIT, 152_501)),
                Arguments.of("debit account", (UnaryOperator<EntryBuilder>) b -> b.noPostings()
                        .debit(AccountCode.CUSTOMER_CLEARING, 152_500).credit(GATEWAY_DEPOSIT, 152_500)),
                Arguments.of("credit account", (UnaryOperator<EntryBuilder>) b -> b.noPostings()
                        .debit(CASH_DRAWER, 152_500).credit(CASH_DRAWER.qualified("shift-1"), 152_500)),
                Arguments.of("sides", (UnaryOperator<EntryBuilder>) b -> b.noPostings()
                        .credit(CASH_DRAWER, 152_500).debit(GATEWAY_DEPOSIT, 152_500)),
                Arguments.of("posting order", (UnaryOperator<EntryBuilder>) b -> b.noPostings()
                        .credit(GATEWAY_DEPOSIT, 152_500).debit(CASH_DRAWER, 152_500)),
                Arguments.of("memo", (UnaryOperator<EntryBuilder>) b -> b.memo("PLN prepaid ")),
                Arguments.of("reference", (UnaryOperator<EntryBuilder>) b -> b.reference("LKT-0002")),
                Arguments.of("kind", (UnaryOperator<EntryBuilder>) EntryBuilder::pending),
                Arguments.of("pending it resolves", (UnaryOperator<EntryBuilder>) b -> b.postsPending(7)),
                Arguments.of("createdAt", (UnaryOperator<EntryBuilder>) b -> b.createdAt(
                        EntryBuilder.CREATED_AT.plusNanos(1))),
                Arguments.of("businessDay", (UnaryOperator<EntryBuilder>) b -> b.businessDay(
                        LocalDate.of(2025, 3, 15))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneFieldChanged")
    void hashChangesWhenAnyFieldChanges(String field, UnaryOperator<EntryBuilder> change) {
        JournalEntry original = base().build();
        JournalEntry changed = change.apply(base()).build();
        assertThat(changed).isNotEqualTo(original);
        assertThat(hashOf(ID, changed)).isNotEqualTo(hashOf(ID, original));
    }

    @Test
    void hashChangesWithTheEntryId() {
        assertThat(hashOf(ID + 1, base().build())).isNotEqualTo(hashOf(ID, base().build()));
    }

    @Test
    void postPendingAndVoidPendingOfTheSameReservationHashDifferently() {
        assertThat(hashOf(ID, base().postsPending(7).build())).isNotEqualTo(hashOf(ID, base().voidsPending(7).build()));
        assertThat(hashOf(ID, base().postsPending(7).build())).isNotEqualTo(hashOf(ID, base().postsPending(17).build()));
    }

    @Test
    void memoCannotForgeAnotherFieldOrPosting() {
        // Each pair would read the same if text were joined without escaping.
        List<JournalEntry[]> pairs = List.of(
                new JournalEntry[] {
                    base().reference("A|B").memo("C").build(),
                    base().reference("A").memo("B|C").build()},
                new JournalEntry[] {
                    base().reference("A\\").memo("pB").build(),
                    base().reference("A").memo("\\pB").build()},
                new JournalEntry[] {
                    base().reference("A\\p").memo("B").build(),
                    base().reference("A|").memo("B").build()},
                new JournalEntry[] {
                    base().memo("x|cash_drawer,DEBIT,1;").noPostings().build(),
                    base().memo("x").noPostings().debit(CASH_DRAWER, 1).build()},
                new JournalEntry[] {
                    base().memo("x,y;z").build(),
                    base().memo("x\\c" + "y\\s" + "z").build()},
                new JournalEntry[] {
                    base().memo("line\nbreak").build(),
                    base().memo("line\\nbreak").build()});
        for (JournalEntry[] pair : pairs) {
            assertThat(EntryHash.canonical(ID, pair[0])).as(pair[0].memo())
                    .isNotEqualTo(EntryHash.canonical(ID, pair[1]));
            assertThat(hashOf(ID, pair[0])).isNotEqualTo(hashOf(ID, pair[1]));
        }
    }

    @Test
    void escapedTextKeepsTheNumberOfFieldsFixed() {
        JournalEntry e = base().reference("r|e;f,\\").memo("|||;;;,,,\\\\\\").build();
        String canonical = EntryHash.canonical(ID, e);
        // v1, id, kind, pendingOf, day, createdAt, reference, memo, postings
        assertThat(canonical.split("\\|", -1)).hasSize(9);
        assertThat(canonical.split("\\|", -1)[8].split(";")).hasSize(2);
    }

    @Test
    void manyAwkwardMemosAllCanonicaliseDifferently() {
        String[] alphabet = {"", "|", ";", ",", "\\", "p", "s", "c", "n", "\n"};
        Set<String> canonicals = new HashSet<>();
        for (String a : alphabet) {
            for (String b : alphabet) {
                for (String c : alphabet) {
                    String memo = a + b + c;
                    for (String ref : new String[] {"", "|", "\\", "\\p"}) {
                        canonicals.add(EntryHash.canonical(ID, base().reference(ref).memo(memo).build()));
                    }
                }
            }
        }
        Set<String> distinctInputs = new HashSet<>();
        for (String a : alphabet) {
            for (String b : alphabet) {
                for (String c : alphabet) {
                    for (String ref : new String[] {"", "|", "\\", "\\p"}) {
                        distinctInputs.add(ref + "\u0000" + a + b + c);
                    }
                }
            }
        }
        assertThat(canonicals).hasSameSizeAs(distinctInputs);
    }

    @Test
    void nonAsciiMemoHashesAsUtf8() {
        assertThat(hashOf(ID, base().memo("Bayar listrik — Rp 152.500 ✓").build()))
                .isNotEqualTo(hashOf(ID, base().memo("Bayar listrik - Rp 152.500 ?").build()));
    }

    @Test
    void eachLinkOfTheChainDependsOnThePreviousHash() {
        JournalEntry first = base().build();
        JournalEntry second = payment(2_000).reference("LKT-0002").build();
        String h1 = EntryHash.next(EntryHash.GENESIS, 1, first);
        String h2 = EntryHash.next(h1, 2, second);

        String h1Altered = EntryHash.next(EntryHash.GENESIS, 1, base().memo("altered").build());
        assertThat(EntryHash.next(h1Altered, 2, second)).isNotEqualTo(h2);
        assertThat(EntryHash.next(EntryHash.GENESIS, 2, second)).isNotEqualTo(h2);
        assertThat(EntryHash.next(h1, 2, second)).isEqualTo(h2);
    }

    @Test
    void createdAtIsHashedToTheNanosecond() {
        Instant t = Instant.parse("2025-03-14T03:15:00.123456789Z");
        assertThat(hashOf(ID, base().createdAt(t).build()))
                .isNotEqualTo(hashOf(ID, base().createdAt(t.minusNanos(1)).build()));
    }
}
