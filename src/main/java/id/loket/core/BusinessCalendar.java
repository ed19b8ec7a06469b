package id.loket.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The shop's business day: a calendar day in Western Indonesian Time (WIB, {@code Asia/Jakarta}), whatever
 * time zone the computer is set to. The clock is injected so tests (and the midnight cases of reconciliation)
 * can stand at any instant.
 */
public final class BusinessCalendar {

    public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    private final Clock clock;

    public BusinessCalendar(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return dayOf(clock.instant());
    }

    public LocalDate dayOf(Instant instant) {
        return instant.atZone(WIB).toLocalDate();
    }

    /** The first instant of the business day (00:00 WIB). */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(WIB).toInstant();
    }

    /** The first instant after the business day (00:00 WIB of the next day): days are half-open. */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(WIB).toInstant();
    }

    public ZonedDateTime localTime(Instant instant) {
        return instant.atZone(WIB);
    }
}
