package id.loket.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.core.BillerCategory;
import id.loket.core.Money;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the audit log records, and the owner's filters on it (issue 5). */
class AuditLogTest {

    @TempDir
    Path dir;

    private UsersTestBed bed;
    private Operator owner;

    @BeforeEach
    void aShop() {
        bed = UsersTestBed.in(dir);
        owner = bed.setUp();
    }

    @AfterEach
    void closeLedger() {
        bed.close();
    }

    @Test
    void signInsUserChangesFeesSettingsReprintsAndBackupsAreRecordedWithoutSecrets() {
        Activation activation = bed.users().registerClerk(owner, "ani", "Ani Setiawati");
        Operator clerk = activateAndSignIn(activation);
        assertThatThrownBy(() -> bed.users().signIn("ani", "not the right password")).isInstanceOf(UserException.class);
        assertThatThrownBy(() -> bed.users().signIn("nobody", "whatever it is")).isInstanceOf(UserException.class);
        bed.settings().setBillerFee(owner, "PLN_POSTPAID", Optional.of(Money.of(2_500)));
        bed.settings().setCategoryFee(owner, BillerCategory.WATER, Optional.of(Money.of(1_000)));
        bed.settings().setReceiptPrinter(owner, Optional.of("EPSON_TM_T82"));
        bed.settings().setGateway(owner, Optional.of("https://gw.example.id"), Optional.of("M-1"),
                Optional.of("s3cret-value"));
        bed.audit().recordReprint(clerk, "LKT-20261122-ABCDEFGHJK");
        bed.backups().backup(Optional.of(owner), dir.resolve("copy.db"));
        bed.users().disable(owner, "ani");
        Activation reset = bed.users().resetPassword(owner, "ani");

        List<AuditEntry> all = bed.audit().search(owner, AuditQuery.all());

        assertThat(all).extracting(AuditEntry::action).containsSubsequence(
                AuditAction.SET_UP, AuditAction.SETTINGS_CHANGED, AuditAction.USER_REGISTERED,
                AuditAction.USER_ACTIVATED, AuditAction.SIGN_IN, AuditAction.SIGN_IN_FAILED,
                AuditAction.SIGN_IN_FAILED, AuditAction.FEE_CHANGED, AuditAction.FEE_CHANGED,
                AuditAction.SETTINGS_CHANGED, AuditAction.SETTINGS_CHANGED, AuditAction.REPRINT, AuditAction.BACKUP,
                AuditAction.USER_DISABLED, AuditAction.PASSWORD_RESET);
        assertThat(all).extracting(AuditEntry::id).isSorted().doesNotHaveDuplicates();
        assertThat(all).allSatisfy(e -> assertThat(e.detail() + e.subject().orElse(""))
                .doesNotContain(activation.code(), reset.code(), UsersTestBed.CLERK_PASSWORD,
                        UsersTestBed.OWNER_PASSWORD, "s3cret-value"));
        assertThat(one(AuditAction.FEE_CHANGED, "fee.biller.PLN_POSTPAID").detail()).isEqualTo("from none to 2500");
        assertThat(one(AuditAction.SETTINGS_CHANGED, "gateway.secret").detail()).isEqualTo("changed");
        assertThat(one(AuditAction.USER_REGISTERED, "ani").operator()).contains("sari");
        assertThat(one(AuditAction.REPRINT, "LKT-20261122-ABCDEFGHJK").operator()).contains("ani");
        assertThat(one(AuditAction.SIGN_IN_FAILED, "nobody").operator()).isEmpty();
    }

    @Test
    void theOwnerFiltersByOperatorActionAndBusinessDays() {
        Operator clerk = activateAndSignIn(bed.users().registerClerk(owner, "ani", "Ani Setiawati"));
        // 2026-11-22 09:00 WIB: the entries above. Then the next business day, 23:30 WIB (16:30 UTC).
        bed.advance(Duration.ofHours(38).plusMinutes(30));
        bed.audit().recordReprint(clerk, "LKT-20261123-AAAAAAAAAA");
        // Three days later.
        bed.advance(Duration.ofDays(3));
        bed.audit().recordReprint(clerk, "LKT-20261126-BBBBBBBBBB");
        bed.users().signIn("sari", UsersTestBed.OWNER_PASSWORD);

        assertThat(bed.audit().search(owner, AuditQuery.all().by("ANI").of(AuditAction.REPRINT)))
                .extracting(e -> e.subject().orElseThrow())
                .containsExactly("LKT-20261123-AAAAAAAAAA", "LKT-20261126-BBBBBBBBBB");
        assertThat(bed.audit().search(owner, AuditQuery.all().onDays(Optional.of(LocalDate.of(2026, 11, 23)),
                Optional.of(LocalDate.of(2026, 11, 23)))))
                .extracting(e -> e.subject().orElseThrow()).containsExactly("LKT-20261123-AAAAAAAAAA");
        assertThat(bed.audit().search(owner, AuditQuery.all().onDays(Optional.of(LocalDate.of(2026, 11, 24)),
                Optional.empty()))).extracting(AuditEntry::action)
                .containsExactly(AuditAction.REPRINT, AuditAction.SIGN_IN);
        assertThat(bed.audit().search(owner, AuditQuery.all().onDays(Optional.empty(),
                Optional.of(LocalDate.of(2026, 11, 22))))).extracting(AuditEntry::action)
                .doesNotContain(AuditAction.REPRINT).contains(AuditAction.SET_UP, AuditAction.USER_ACTIVATED);
        assertThat(bed.audit().search(owner, AuditQuery.all().by("sari").of(AuditAction.SIGN_IN))).hasSize(1);
        assertThat(bed.audit().search(owner, AuditQuery.all().by("nobody"))).isEmpty();
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> AuditQuery.all().onDays(Optional.of(LocalDate.of(2026, 11, 23)),
                Optional.of(LocalDate.of(2026, 11, 22))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("swap the dates");
    }

    @Test
    void theLogSurvivesARestartAndARestoreAddsItsOwnEntryToTheRestoredLedger() {
        Path copy = dir.resolve("copy.db");
        bed.backups().backup(Optional.empty(), copy);
        bed.users().registerClerk(owner, "ani", "Ani Setiawati");

        bed.backups().restore(owner, copy);
        bed.reopen();

        List<AuditEntry> all = bed.audit().search(owner, AuditQuery.all());
        assertThat(all).extracting(AuditEntry::action).doesNotContain(AuditAction.USER_REGISTERED, AuditAction.BACKUP)
                .endsWith(AuditAction.RESTORE);
        assertThat(all.get(all.size() - 1).operator()).contains("sari");
        assertThat(bed.users().find("ani")).as("the restored ledger's operators").isEmpty();
    }

    private Operator activateAndSignIn(Activation activation) {
        String username = activation.operator().username();
        bed.users().activate(username, activation.code(), UsersTestBed.CLERK_PASSWORD);
        return bed.users().signIn(username, UsersTestBed.CLERK_PASSWORD);
    }

    private AuditEntry one(AuditAction action, String subject) {
        return bed.audit().search(owner, AuditQuery.all().of(action)).stream()
                .filter(e -> e.subject().equals(Optional.of(subject)))
                .reduce((a, b) -> {
                    throw new AssertionError("two " + action + " entries about " + subject);
                })
                .orElseThrow(() -> new AssertionError("no " + action + " entry about " + subject));
    }
}
