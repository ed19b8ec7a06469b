package id.loket.users;

import static id.loket.users.UsersTestBed.CLERK_PASSWORD;
import static id.loket.users.UsersTestBed.OWNER;
import static id.loket.users.UsersTestBed.OWNER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first run, a clerk's registration and activation, disabling and resetting (issue 5). */
class UserServiceTest {

    @TempDir
    Path dir;

    private UsersTestBed bed;

    @BeforeEach
    void openLedger() {
        bed = UsersTestBed.in(dir);
    }

    @AfterEach
    void closeLedger() {
        bed.close();
    }

    @Test
    void theFirstRunNamesTheShopAndCreatesTheOwnerWhoSignsIn() {
        assertThat(bed.users().isSetUp()).isFalse();

        Operator owner = bed.setUp();

        assertThat(bed.users().isSetUp()).isTrue();
        assertThat(owner.role()).isEqualTo(Role.OWNER);
        assertThat(owner.status()).isEqualTo(OperatorStatus.ACTIVE);
        assertThat(bed.settings().shopName()).isEqualTo("Toko Sari");
        Operator signedIn = bed.users().signIn(" Sari ", OWNER_PASSWORD);
        assertThat(signedIn.username()).isEqualTo(OWNER);
        assertThat(signedIn.isOwner()).isTrue();
    }

    @Test
    void theFirstRunIsRefusedOnceThereIsAnOwner() {
        bed.setUp();

        assertThatThrownBy(() -> bed.users().setUp("Toko Lain", "budi", "hutan pinus bernyanyi riang"))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("already set up")
                .extracting(e -> ((UserException) e).reason()).isEqualTo(UserException.Reason.ALREADY_SET_UP);
        assertThat(bed.users().find("budi")).isEmpty();
        assertThat(bed.settings().shopName()).isEqualTo("Toko Sari");
    }

    @Test
    void aFirstRunWithAWeakPasswordCreatesNothing() {
        assertThatThrownBy(() -> bed.users().setUp("Toko Sari", OWNER, "password123"))
                .isInstanceOf(UserException.class).hasMessageContaining("too easy to guess");

        assertThat(bed.users().isSetUp()).isFalse();
        assertThat(bed.settings().shopName()).isEqualTo("Loket");
    }

    @Test
    void beforeTheFirstRunASignInSaysToRunIt() {
        assertThatThrownBy(() -> bed.users().signIn("sari", OWNER_PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("not set up yet")
                .extracting(e -> ((UserException) e).reason()).isEqualTo(UserException.Reason.NOT_SET_UP);
    }

    @Test
    void aClerkActivatesWithTheOneTimeCodeAndSignsIn() {
        Operator owner = bed.setUp();

        Activation activation = bed.users().registerClerk(owner, "Ani", "Ani Setiawati");

        assertThat(activation.code()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(activation.expiresAt()).isEqualTo(UsersTestBed.START.plus(Duration.ofHours(24)));
        assertThat(activation.operator().username()).isEqualTo("ani");
        assertThat(activation.operator().status()).isEqualTo(OperatorStatus.PENDING_ACTIVATION);
        OperatorAccount stored = bed.stored("ani");
        assertThat(stored.activationHash()).get().asString().startsWith("$2a$04$").doesNotContain(activation.code());
        assertThat(stored.passwordHash()).isEmpty();
        assertThatThrownBy(() -> bed.users().signIn("ani", CLERK_PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("no password yet");

        Operator activated = bed.users().activate("ani", activation.code().toLowerCase().replace("-", ""),
                CLERK_PASSWORD);

        assertThat(activated.status()).isEqualTo(OperatorStatus.ACTIVE);
        assertThat(bed.stored("ani").activationHash()).isEmpty();
        Operator clerk = bed.users().signIn("ani", CLERK_PASSWORD);
        assertThat(clerk.role()).isEqualTo(Role.CLERK);
        assertThat(clerk.displayName()).isEqualTo("Ani Setiawati");
    }

    @Test
    void anActivationCodeWorksOnce() {
        Operator owner = bed.setUp();
        Activation activation = bed.users().registerClerk(owner, "ani", "Ani Setiawati");
        bed.users().activate("ani", activation.code(), CLERK_PASSWORD);

        assertThatThrownBy(() -> bed.users().activate("ani", activation.code(), "hutan pinus bernyanyi riang"))
                .isInstanceOf(UserException.class).hasMessageContaining("already activated")
                .hasMessageContaining("only once")
                .extracting(e -> ((UserException) e).reason()).isEqualTo(UserException.Reason.CODE_USED);
        assertThat(bed.users().signIn("ani", CLERK_PASSWORD).username()).isEqualTo("ani");
    }

    @Test
    void aWrongCodeIsRefusedAndCountedAndTheRightOneStillWorks() {
        Operator owner = bed.setUp();
        Activation activation = bed.users().registerClerk(owner, "ani", "Ani Setiawati");

        assertThatThrownBy(() -> bed.users().activate("ani", "ABCD-EFGH-JKMN", CLERK_PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("Wrong activation code for ani")
                .hasMessageContaining("4 more tries")
                .extracting(e -> ((UserException) e).reason()).isEqualTo(UserException.Reason.WRONG_CODE);
        assertThat(bed.stored("ani").failedSignIns()).isEqualTo(1);
        assertThat(bed.stored("ani").operator().status()).isEqualTo(OperatorStatus.PENDING_ACTIVATION);

        bed.users().activate("ani", activation.code(), CLERK_PASSWORD);
        assertThat(bed.stored("ani").failedSignIns()).isZero();
    }

    @Test
    void anActivationCodeExpiresAfter24Hours() {
        Operator owner = bed.setUp();
        Activation early = bed.users().registerClerk(owner, "ani", "Ani Setiawati");
        Activation late = bed.users().registerClerk(owner, "budi", "Budi Santoso");

        bed.advance(Duration.ofHours(24).minusSeconds(1));
        assertThat(bed.users().activate("ani", early.code(), CLERK_PASSWORD).status())
                .isEqualTo(OperatorStatus.ACTIVE);

        bed.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> bed.users().activate("budi", late.code(), CLERK_PASSWORD))
                .isInstanceOf(UserException.class)
                .hasMessageContaining("expired at 2026-11-23 09:00 WIB")
                .hasMessageContaining("ask the owner for a new one")
                .extracting(e -> ((UserException) e).reason()).isEqualTo(UserException.Reason.CODE_EXPIRED);
        assertThat(bed.stored("budi").operator().status()).isEqualTo(OperatorStatus.PENDING_ACTIVATION);

        Activation renewed = bed.users().resetPassword(owner, "budi");
        assertThat(bed.users().activate("budi", renewed.code(), CLERK_PASSWORD).status())
                .isEqualTo(OperatorStatus.ACTIVE);
    }

    @Test
    void aWeakNewPasswordLeavesTheCodeValid() {
        Operator owner = bed.setUp();
        Activation activation = bed.users().registerClerk(owner, "ani", "Ani Setiawati");

        assertThatThrownBy(() -> bed.users().activate("ani", activation.code(), "ani12345678"))
                .isInstanceOf(UserException.class).hasMessageContaining("too easy to guess");

        assertThat(bed.users().activate("ani", activation.code(), CLERK_PASSWORD).status())
                .isEqualTo(OperatorStatus.ACTIVE);
    }

    @Test
    void aTakenOrMalformedUsernameIsRefused() {
        Operator owner = bed.setUp();
        bed.users().registerClerk(owner, "ani", "Ani Setiawati");

        assertThatThrownBy(() -> bed.users().registerClerk(owner, "ANI", "Ani Lain"))
                .isInstanceOf(UserException.class).hasMessageContaining("already an operator 'ani'");
        assertThatThrownBy(() -> bed.users().registerClerk(owner, "ani setiawati", "Ani"))
                .isInstanceOf(UserException.class).hasMessageContaining("cannot be a username");
        assertThatThrownBy(() -> bed.users().registerClerk(owner, "budi", " "))
                .isInstanceOf(UserException.class).hasMessageContaining("clerk's name");
        assertThat(bed.users().list(owner)).hasSize(2);
    }

    @Test
    void aDisabledClerkCannotSignInUntilTheOwnerResetsThePassword() {
        Operator owner = bed.setUp();
        bed.activeClerk(owner, "ani");

        Operator disabled = bed.users().disable(owner, "ani");

        assertThat(disabled.status()).isEqualTo(OperatorStatus.DISABLED);
        assertThatThrownBy(() -> bed.users().signIn("ani", CLERK_PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("disabled by the owner")
                .extracting(e -> ((UserException) e).reason()).isEqualTo(UserException.Reason.DISABLED);

        Activation reset = bed.users().resetPassword(owner, "ani");
        assertThatThrownBy(() -> bed.users().signIn("ani", CLERK_PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("no password yet");
        bed.users().activate("ani", reset.code(), "hutan pinus bernyanyi riang");
        assertThat(bed.users().signIn("ani", "hutan pinus bernyanyi riang").status())
                .isEqualTo(OperatorStatus.ACTIVE);
    }

    @Test
    void aResetPasswordStopsTheOldOneAndTheEarlierCode() {
        Operator owner = bed.setUp();
        Activation first = bed.users().registerClerk(owner, "ani", "Ani Setiawati");
        Activation second = bed.users().resetPassword(owner, "ani");

        assertThatThrownBy(() -> bed.users().activate("ani", first.code(), CLERK_PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("Wrong activation code");
        bed.users().activate("ani", second.code(), CLERK_PASSWORD);
        bed.users().resetPassword(owner, "ani");

        assertThatThrownBy(() -> bed.users().signIn("ani", CLERK_PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("no password yet");
    }

    @Test
    void theOwnerCannotDisableOrResetThemself() {
        Operator owner = bed.setUp();

        assertThatThrownBy(() -> bed.users().disable(owner, OWNER))
                .isInstanceOf(UserException.class).hasMessageContaining("no owner");
        assertThatThrownBy(() -> bed.users().resetPassword(owner, OWNER))
                .isInstanceOf(UserException.class).hasMessageContaining("current password");
        assertThat(bed.users().signIn(OWNER, OWNER_PASSWORD).status()).isEqualTo(OperatorStatus.ACTIVE);
    }

    @Test
    void anOperatorChangesTheirPasswordWithTheCurrentOne() {
        Operator owner = bed.setUp();
        Operator clerk = bed.activeClerk(owner, "ani");

        assertThatThrownBy(() -> bed.users().changePassword(clerk, "not the password", "hutan pinus bernyanyi riang"))
                .isInstanceOf(UserException.class).hasMessageContaining("Wrong current password");
        assertThatThrownBy(() -> bed.users().changePassword(clerk, CLERK_PASSWORD, CLERK_PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("is the current one");
        bed.users().changePassword(clerk, CLERK_PASSWORD, "hutan pinus bernyanyi riang");

        assertThatThrownBy(() -> bed.users().signIn("ani", CLERK_PASSWORD)).isInstanceOf(UserException.class);
        assertThat(bed.users().signIn("ani", "hutan pinus bernyanyi riang").username()).isEqualTo("ani");
    }

    @Test
    void anUnknownNameIsRefusedWithoutSayingMoreThanThat() {
        bed.setUp();

        assertThatThrownBy(() -> bed.users().signIn("nobody", OWNER_PASSWORD))
                .isInstanceOf(UserException.class).hasMessageContaining("There is no operator 'nobody'")
                .extracting(e -> ((UserException) e).reason()).isEqualTo(UserException.Reason.UNKNOWN_OPERATOR);
    }
}
