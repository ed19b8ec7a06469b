package id.loket.payment;

import id.loket.core.ClientRefs;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientRefsTest {

    @Test
    void aClientRefNamesTheBusinessDayAndTenUnambiguousCharacters() {
        String ref = new ClientRefs(new SecureRandom()).next(LocalDate.of(2026, 11, 22));

        assertThat(ref).matches("LKT-20261122-[0-9A-HJKMNP-TV-Z]{10}");
        assertThat(ref.length()).isLessThanOrEqualTo(64);
    }

    @Test
    void tenThousandClientRefsAreAllDifferent() {
        ClientRefs refs = new ClientRefs(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(refs.next(LocalDate.of(2026, 11, 22)));
        }
        assertThat(seen).hasSize(10_000);
    }
}
