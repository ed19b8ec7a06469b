package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.payment.PaymentService;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SentGraceTest {

    @Test
    void absentOrBlankMeansTheDefault() {
        assertThat(AppServices.sentGrace(null)).isEqualTo(PaymentService.DEFAULT_SENT_GRACE);
        assertThat(AppServices.sentGrace("  ")).isEqualTo(PaymentService.DEFAULT_SENT_GRACE);
    }

    @Test
    void wholeSecondsAreTaken() {
        assertThat(AppServices.sentGrace("0")).isEqualTo(Duration.ZERO);
        assertThat(AppServices.sentGrace(" 90 ")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void anythingElseIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> AppServices.sentGrace("-1")).hasMessageContaining(AppServices.SENT_GRACE_ENV);
        assertThatThrownBy(() -> AppServices.sentGrace("1.5")).hasMessageContaining("whole number of seconds");
    }
}
