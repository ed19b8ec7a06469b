package id.loket.core;

import static id.loket.core.PaymentState.CANCELLED;
import static id.loket.core.PaymentState.CHARGE_EXPIRED;
import static id.loket.core.PaymentState.CHARGE_PENDING;
import static id.loket.core.PaymentState.FAILED;
import static id.loket.core.PaymentState.NEW;
import static id.loket.core.PaymentState.PAID;
import static id.loket.core.PaymentState.SENT;
import static id.loket.core.PaymentState.SUCCESS;
import static id.loket.core.PaymentState.SUSPECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentStateTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // cash: NEW -> SENT -> SUCCESS | FAILED | SUSPECT
        "NEW, SENT",
        "SENT, SUCCESS",
        "SENT, FAILED",
        "SENT, SUSPECT",
        // only a definitive answer moves a suspect on
        "SUSPECT, SUCCESS",
        "SUSPECT, FAILED",
        // non-cash: NEW -> CHARGE_PENDING -> PAID -> SENT
        "NEW, CHARGE_PENDING",
        "CHARGE_PENDING, PAID",
        "PAID, SENT",
        // a charge the customer never pays
        "CHARGE_PENDING, CHARGE_EXPIRED",
        "CHARGE_PENDING, CANCELLED",
        "NEW, CANCELLED",
    })
    void designTransitionIsAllowed(PaymentState from, PaymentState to) {
        assertThat(from.canMoveTo(to)).isTrue();
        assertThat(from.successors()).contains(to);
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @CsvSource({
        "SENT, PAID",
        "SENT, NEW",
        "SENT, CANCELLED",
        "SUSPECT, SENT",
        "SUSPECT, SUSPECT",
        "SUSPECT, CANCELLED",
        "CHARGE_PENDING, SENT",
        "NEW, PAID",
        "NEW, SUCCESS",
        "PAID, CANCELLED",
        "FAILED, SENT",
    })
    void transitionOutsideTheDesignIsRefused(PaymentState from, PaymentState to) {
        assertThat(from.canMoveTo(to)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PaymentState.class)
    void successIsFinalNothingFollowsIt(PaymentState next) {
        assertThat(SUCCESS.canMoveTo(next)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(PaymentState.class)
    void noStateMovesToItselfOrBackToNew(PaymentState state) {
        assertThat(state.canMoveTo(state)).isFalse();
        assertThat(state.canMoveTo(NEW)).isFalse();
    }

    @Test
    void terminalStatesAreTheOutcomes() {
        assertThat(EnumSet.allOf(PaymentState.class).stream().filter(PaymentState::isTerminal))
                .containsExactlyInAnyOrder(SUCCESS, FAILED, CHARGE_EXPIRED, CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(value = PaymentState.class, names = {"SUCCESS", "FAILED", "CHARGE_EXPIRED", "CANCELLED"})
    void terminalStateHasNoSuccessors(PaymentState state) {
        assertThat(state.successors()).isEmpty();
    }

    @Test
    void successorsCannotBeChangedByACaller() {
        try {
            SENT.successors().clear();
        } catch (UnsupportedOperationException immutable) {
            // as good: the caller could not change it
        }
        assertThat(SENT.canMoveTo(SUCCESS)).isTrue();
    }

    @Test
    void everyStateIsReachableFromNew() {
        EnumSet<PaymentState> reached = EnumSet.of(NEW);
        boolean grew = true;
        while (grew) {
            EnumSet<PaymentState> next = EnumSet.copyOf(reached);
            reached.forEach(s -> next.addAll(s.successors()));
            grew = next.size() > reached.size();
            reached = next;
        }
        assertThat(reached).containsExactlyInAnyOrder(PaymentState.values());
    }

    @Test
    void repeatIsBlockedWhileTheMoneyMayBeOrIsWithTheBiller() {
        assertThat(EnumSet.allOf(PaymentState.class).stream().filter(PaymentState::blocksRepeat))
                .containsExactlyInAnyOrder(SENT, SUSPECT, SUCCESS);
    }

    @ParameterizedTest
    @EnumSource(value = PaymentState.class, names = {"FAILED", "CANCELLED", "CHARGE_EXPIRED", "NEW"})
    void failedOrAbandonedPaymentDoesNotBlockPayingTheBillAgain(PaymentState state) {
        assertThat(state.blocksRepeat()).isFalse();
    }
}
