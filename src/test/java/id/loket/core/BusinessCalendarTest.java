package id.loket.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    /** 23:59 WIB on 14 March 2025 (WIB is UTC+7, no daylight saving). */
    private static final Instant LATE_ON_THE_14TH = Instant.parse("2025-03-14T16:59:00Z");
    /** 00:01 WIB on 15 March 2025, two minutes later, still 14 March in UTC. */
    private static final Instant JUST_AFTER_MIDNIGHT = Instant.parse("2025-03-14T17:01:00Z");

    private static BusinessCalendar at(Instant instant) {
        return new BusinessCalendar(Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void oneMinuteBeforeMidnightWibIsStillThatDay() {
        assertThat(at(LATE_ON_THE_14TH).today()).isEqualTo(LocalDate.of(2025, 3, 14));
    }

    @Test
    void oneMinuteAfterMidnightWibIsTheNextDayAlthoughUtcHasNotTurned() {
        assertThat(at(JUST_AFTER_MIDNIGHT).today()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(JUST_AFTER_MIDNIGHT.atZone(ZoneOffset.UTC).toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 14));
    }

    @Test
    void twoMinutesAcrossMidnightWibFallOnDifferentBusinessDays() {
        BusinessCalendar calendar = at(LATE_ON_THE_14TH);
        assertThat(calendar.dayOf(LATE_ON_THE_14TH)).isNotEqualTo(calendar.dayOf(JUST_AFTER_MIDNIGHT));
    }

    @Test
    void theClocksOwnZoneDoesNotChangeTheBusinessDay() {
        BusinessCalendar newYork = new BusinessCalendar(Clock.fixed(JUST_AFTER_MIDNIGHT, ZoneId.of("America/New_York")));
        BusinessCalendar tokyo = new BusinessCalendar(Clock.fixed(LATE_ON_THE_14TH, ZoneId.of("Asia/Tokyo")));
        assertThat(newYork.today()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(tokyo.today()).isEqualTo(LocalDate.of(2025, 3, 14));
    }

    @Test
    void aComputerSetToAnotherDefaultTimeZoneGetsTheSameBusinessDay() {
        TimeZone saved = TimeZone.getDefault();
        try {
            for (String zone : new String[] {"UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Makassar"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                BusinessCalendar before = new BusinessCalendar(Clock.fixed(LATE_ON_THE_14TH, ZoneId.systemDefault()));
                BusinessCalendar after = new BusinessCalendar(Clock.fixed(JUST_AFTER_MIDNIGHT, ZoneId.systemDefault()));
                assertThat(before.today()).as(zone).isEqualTo(LocalDate.of(2025, 3, 14));
                assertThat(after.today()).as(zone).isEqualTo(LocalDate.of(2025, 3, 15));
                assertThat(after.startOf(LocalDate.of(2025, 3, 15)))
                        .as(zone).isEqualTo(Instant.parse("2025-03-14T17:00:00Z"));
                assertThat(after.endOf(LocalDate.of(2025, 3, 15)))
                        .as(zone).isEqualTo(Instant.parse("2025-03-15T17:00:00Z"));
            }
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void startOfIsMidnightWibAndBelongsToTheDay() {
        BusinessCalendar calendar = at(LATE_ON_THE_14TH);
        LocalDate day = LocalDate.of(2025, 3, 15);
        Instant start = calendar.startOf(day);
        assertThat(start).isEqualTo(Instant.parse("2025-03-14T17:00:00Z"));
        assertThat(calendar.dayOf(start)).isEqualTo(day);
        assertThat(calendar.dayOf(start.minusNanos(1))).isEqualTo(day.minusDays(1));
    }

    @Test
    void endOfIsTheNextDaysStartAndDoesNotBelongToTheDay() {
        BusinessCalendar calendar = at(LATE_ON_THE_14TH);
        LocalDate day = LocalDate.of(2025, 3, 14);
        Instant end = calendar.endOf(day);
        assertThat(end).isEqualTo(calendar.startOf(day.plusDays(1)));
        assertThat(calendar.dayOf(end)).isEqualTo(day.plusDays(1));
        assertThat(calendar.dayOf(end.minusNanos(1))).isEqualTo(day);
    }

    @Test
    void aBusinessDayLastsExactlyTwentyFourHours() {
        BusinessCalendar calendar = at(LATE_ON_THE_14TH);
        LocalDate day = LocalDate.of(2025, 3, 14);
        assertThat(Duration.between(calendar.startOf(day), calendar.endOf(day))).hasHours(24);
    }

    @Test
    void nowAndLocalTimeComeFromTheInjectedClockInWib() {
        BusinessCalendar calendar = at(LATE_ON_THE_14TH);
        assertThat(calendar.now()).isEqualTo(LATE_ON_THE_14TH);
        assertThat(calendar.localTime(LATE_ON_THE_14TH).getHour()).isEqualTo(23);
        assertThat(calendar.localTime(LATE_ON_THE_14TH).getMinute()).isEqualTo(59);
        assertThat(calendar.localTime(LATE_ON_THE_14TH).getZone()).isEqualTo(BusinessCalendar.WIB);
    }
}
