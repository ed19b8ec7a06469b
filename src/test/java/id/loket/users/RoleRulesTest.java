package id.loket.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.BillerCategory;
import id.loket.core.Money;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every owner-only action, at the service level: refused for a clerk (with nothing changed), done for the owner. The
 * clerk is a real one, signed in; the services check, whatever screen or command calls them.
 */
class RoleRulesTest {

    @TempDir
    Path dir;

    private UsersTestBed bed;
    private Operator owner;
    private Operator clerk;

    @BeforeEach
    void aShopWithAClerk() {
        bed = UsersTestBed.in(dir);
        owner = bed.setUp();
        clerk = bed.activeClerk(owner, "ani");
        bed.users().registerClerk(owner, "budi", "Budi Santoso");
    }

    @AfterEach
    void closeLedger() {
        bed.close();
    }

    /** An owner-only action, performed by {@code actor} on the test bed. */
    record OwnerAction(String name, String refusal, BiConsumer<UsersTestBed, Operator> perform) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> ownerActions() {
        return Stream.of(
                new OwnerAction("register a clerk", "Only the owner may register a clerk",
                        (bed, actor) -> bed.users().registerClerk(actor, "citra", "Citra Lestari")),
                new OwnerAction("disable an operator", "Only the owner may disable an operator",
                        (bed, actor) -> bed.users().disable(actor, "budi")),
                new OwnerAction("reset a password", "Only the owner may reset a password",
                        (bed, actor) -> bed.users().resetPassword(actor, "budi")),
                new OwnerAction("list the operators", "Only the owner may list the operators",
                        (bed, actor) -> bed.users().list(actor)),
                new OwnerAction("read the audit log", "Only the owner may read the audit log",
                        (bed, actor) -> bed.audit().search(actor, AuditQuery.all())),
                new OwnerAction("set a biller's fee", "Only the owner may change fees",
                        (bed, actor) -> bed.settings().setBillerFee(actor, "PLN_POSTPAID", Optional.of(Money.of(2_500)))),
                new OwnerAction("set a category's fee", "Only the owner may change fees",
                        (bed, actor) -> bed.settings().setCategoryFee(actor, BillerCategory.WATER,
                                Optional.of(Money.of(1_000)))),
                new OwnerAction("rename the shop", "Only the owner may change the shop's settings",
                        (bed, actor) -> bed.settings().setShopName(actor, "Toko Ani")),
                new OwnerAction("change the shop's address", "Only the owner may change the shop's settings",
                        (bed, actor) -> bed.settings().setShopAddress(actor, "Jl. Merdeka 1, Bandung")),
                new OwnerAction("choose the printer", "Only the owner may change the printer settings",
                        (bed, actor) -> bed.settings().setReceiptPrinter(actor, Optional.of("EPSON_TM_T82"))),
                new OwnerAction("choose the paper", "Only the owner may change the printer settings",
                        (bed, actor) -> bed.settings().setReceiptPaperMillimetres(actor, 80)),
                new OwnerAction("configure the gateway", "Only the owner may change the gateway settings",
                        (bed, actor) -> bed.settings().setGateway(actor, Optional.of("https://gw.example.id"),
                                Optional.of("M-1"), Optional.of("s3cret"))),
                new OwnerAction("restore a backup", "Only the owner may restore a backup",
                        // A clerk is refused before the file is looked at: were the check missing, the absent
                        // file would fail differently.
                        (bed, actor) -> bed.backups().restore(actor, actor.isOwner() ? backupOf(bed)
                                : bed.dir().resolve("no-such-backup.db"))))
                .map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("ownerActions")
    void aClerkIsRefusedAndNothingChanges(OwnerAction action) {
        String before = state();
        int auditBefore = bed.audit().search(owner, AuditQuery.all()).size();

        assertThatThrownBy(() -> action.perform().accept(bed, clerk))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining(action.refusal())
                .hasMessageContaining("ani is a clerk")
                .hasMessageContaining("nothing was changed")
                .satisfies(e -> assertThat(((PermissionDeniedException) e).username()).isEqualTo("ani"));

        assertThat(state()).isEqualTo(before);
        assertThat(bed.audit().search(owner, AuditQuery.all())).hasSize(auditBefore);
    }

    @ParameterizedTest
    @MethodSource("ownerActions")
    void theOwnerMayAndItIsAudited(OwnerAction action) {
        int auditBefore = bed.audit().search(owner, AuditQuery.all()).size();

        assertThatCode(() -> action.perform().accept(bed, owner)).doesNotThrowAnyException();

        if (!action.name().equals("list the operators") && !action.name().equals("read the audit log")) {
            assertThat(bed.audit().search(owner, AuditQuery.all()).size()).isGreaterThan(auditBefore);
        }
    }

    @Test
    void anOwnerObjectThatIsNoLongerAnActiveOwnerInTheLedgerIsRefused() {
        Operator forged = new Operator(99, "mallory", "Mallory", Role.OWNER, OperatorStatus.ACTIVE, Instant.EPOCH);

        assertThatThrownBy(() -> bed.users().registerClerk(forged, "citra", "Citra Lestari"))
                .isInstanceOf(PermissionDeniedException.class).hasMessageContaining("not one");
        assertThat(bed.users().find("citra")).isEmpty();
    }

    @Test
    void aClerkStillWorksTheCounterAndChangesTheirOwnLanguageAndPassword() {
        assertThatCode(() -> bed.settings().setLanguage(java.util.Locale.ENGLISH)).doesNotThrowAnyException();
        assertThatCode(() -> bed.audit().recordReprint(clerk, "LKT-20261122-ABCDEFGHJK")).doesNotThrowAnyException();
        assertThatCode(() -> bed.users().changePassword(clerk, UsersTestBed.CLERK_PASSWORD,
                "hutan pinus bernyanyi riang")).doesNotThrowAnyException();
    }

    /** Operators, settings and fees as they stand: what a refused action must leave alone. */
    private String state() {
        StringBuilder s = new StringBuilder();
        bed.users().list(owner).forEach(o -> s.append(o.operator()).append(o.activationExpiresAt()).append('\n'));
        s.append(bed.settings().shopName()).append('|').append(bed.settings().shopAddress()).append('|')
                .append(bed.settings().receiptPrinter()).append('|').append(bed.settings().receiptPaperMillimetres())
                .append('|').append(bed.settings().gatewayUrl()).append('|').append(bed.settings().gatewaySecret())
                .append('|').append(bed.settings().billerFee("PLN_POSTPAID")).append('|')
                .append(bed.settings().categoryFee(BillerCategory.WATER));
        return s.toString();
    }

    private static Path backupOf(UsersTestBed bed) {
        Path file = bed.dir().resolve("backup-" + System.nanoTime() + ".db");
        bed.backups().backup(Optional.empty(), file);
        return file;
    }
}
