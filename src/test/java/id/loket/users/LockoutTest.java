package id.loket.users;

import static id.loket.users.UsersTestBed.CLERK_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Five failed sign-ins lock an account for 15 minutes, kept in the ledger across a restart (issue 5). */
class LockoutTest {

    private static final String WRONG = "not the right password";

    @TempDir
    Path dir;

    private UsersTestBed bed;
    private Operator owner;

    @BeforeEach
    void aShopWithAClerk() {
        bed = UsersTestBed.in(dir);
        owner = bed.setUp();
        bed.activeClerk(owner, "ani");
    }

    @AfterEach
    void closeLedger() {
        bed.close();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountFor15MinutesAndTheMessageSaysHowLongIsLeft() {
        for (int tries = 4; tries >= 1; tries--) {
            assertThatThrownBy(() -> bed.users().signIn("ani", WRONG))
                    .isInstanceOf(UserException.class)
                    .hasMessageContaining("Wrong password for ani")
                    .hasMessageContaining(tries + (tries == 1 ? " more try " : " more tries "))
                    .extracting(e -> ((UserException) e).reason()).isEqualTo(UserException.Reason.WRONG_PASSWORD);
        }
        assertThatThrownBy(() -> bed.users().signIn("ani", WRONG))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("ani is locked: try again in 15 minutes (at 2026-11-22 09:15 WIB)")
                .extracting(e -> ((UserException) e).reason()).isEqualTo(UserException.Reason.LOCKED);

        assertThatThrownBy(() -> bed.users().signIn("ani", CLERK_PASSWORD))
                .as("the right password while locked").isInstanceOf(UserException.class)
                .hasMessageContaining("try again in 15 minutes");
        bed.advance(Duration.ofMinutes(10).plusSeconds(30));
        assertThatThrownBy(() -> bed.users().signIn("ani", CLERK_PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("try again in 5 minutes")
                .hasMessageContaining("ask the owner to reset the password");
        bed.advance(Duration.ofMinutes(4).plusSeconds(29));
        assertThatThrownBy(() -> bed.users().signIn("ani", CLERK_PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("try again in 1 minute (");

        bed.advance(Duration.ofSeconds(1));
        assertThat(bed.users().signIn("ani", CLERK_PASSWORD).username()).isEqualTo("ani");
    }

    @Test
    void theLockSurvivesARestart() {
        lock("ani");

        bed.reopen();

        assertThat(bed.stored("ani").lockedUntil()).contains(UsersTestBed.START.plus(UserService.LOCKOUT));
        assertThatThrownBy(() -> bed.users().signIn("ani", CLERK_PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("is locked");
        bed.advance(UserService.LOCKOUT);
        assertThat(bed.users().signIn("ani", CLERK_PASSWORD).username()).isEqualTo("ani");
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> bed.users().signIn("ani", WRONG)).isInstanceOf(UserException.class);
        }
        bed.users().signIn("ani", CLERK_PASSWORD);
        assertThat(bed.stored("ani").failedSignIns()).isZero();

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> bed.users().signIn("ani", WRONG))
                    .extracting(e -> ((UserException) e).reason()).isEqualTo(UserException.Reason.WRONG_PASSWORD);
        }
        assertThat(bed.users().signIn("ani", CLERK_PASSWORD).username()).isEqualTo("ani");
    }

    @Test
    void afterALockExpiresThereAreFiveTriesAgain() {
        lock("ani");
        bed.advance(UserService.LOCKOUT);

        assertThatThrownBy(() -> bed.users().signIn("ani", WRONG))
                .isInstanceOf(UserException.class).hasMessageContaining("4 more tries");
    }

    @Test
    void theOwnerCanLiftALockByResettingThePassword() {
        lock("ani");

        Activation reset = bed.users().resetPassword(owner, "ani");
        bed.users().activate("ani", reset.code(), "hutan pinus bernyanyi riang");

        assertThat(bed.users().signIn("ani", "hutan pinus bernyanyi riang").username()).isEqualTo("ani");
    }

    @Test
    void theLockoutIsAudited() {
        lock("ani");

        assertThat(bed.audit().search(owner, AuditQuery.all().by("ani").of(AuditAction.SIGN_IN_FAILED)))
                .hasSize(4).allSatisfy(e -> assertThat(e.detail()).startsWith("wrong password"));
        assertThat(bed.audit().search(owner, AuditQuery.all().of(AuditAction.LOCKED_OUT)))
                .singleElement().satisfies(e -> {
                    assertThat(e.operator()).contains("ani");
                    assertThat(e.detail()).contains("locked until 2026-11-22 09:15 WIB");
                });
    }

    @Test
    void wrongActivationCodesLockToo() {
        bed.users().registerClerk(owner, "budi", "Budi Santoso");
        for (int i = 0; i < UserService.MAX_FAILED_SIGN_INS; i++) {
            assertThatThrownBy(() -> bed.users().activate("budi", "AAAA-BBBB-CCCC", CLERK_PASSWORD))
                    .isInstanceOf(UserException.class);
        }
        assertThatThrownBy(() -> bed.users().activate("budi", "AAAA-BBBB-CCCC", CLERK_PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("budi is locked")
                .extracting(e -> ((UserException) e).reason()).isEqualTo(UserException.Reason.LOCKED);
    }

    private void lock(String username) {
        for (int i = 0; i < UserService.MAX_FAILED_SIGN_INS; i++) {
            assertThatThrownBy(() -> bed.users().signIn(username, WRONG)).isInstanceOf(UserException.class);
        }
        assertThat(bed.stored(username).lockedAt(bed.clock().instant())).isTrue();
    }
}
