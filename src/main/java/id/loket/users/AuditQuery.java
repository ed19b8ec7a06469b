package id.loket.users;

import id.loket.core.BusinessCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit entries to read: all of them, narrowed by operator, action and a half-open time range
 * {@code [from, until)}. Build it from business days with {@link #onDays}.
 */
public record AuditQuery(Optional<String> operator, Optional<AuditAction> action, Optional<Instant> from,
        Optional<Instant> until) {

    public AuditQuery {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
    }

    public static AuditQuery all() {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Only what this operator did (or, for sign-ins, tried). */
    public AuditQuery by(String username) {
        return new AuditQuery(Optional.of(username.strip().toLowerCase(java.util.Locale.ROOT)), action, from, until);
    }

    public AuditQuery of(AuditAction kind) {
        return new AuditQuery(operator, Optional.of(kind), from, until);
    }

    /**
     * Only the business days (WIB) from {@code first} to {@code last}, both included; either may be empty for an
     * open end.
     *
     * @throws IllegalArgumentException when {@code last} is before {@code first}
     */
    public AuditQuery onDays(Optional<LocalDate> first, Optional<LocalDate> last) {
        if (first.isPresent() && last.isPresent() && last.get().isBefore(first.get())) {
            throw new IllegalArgumentException("The range ends (" + last.get() + ") before it starts (" + first.get()
                    + "): swap the dates.");
        }
        return new AuditQuery(operator, action,
                first.map(d -> d.atStartOfDay(BusinessCalendar.WIB).toInstant()),
                last.map(d -> d.plusDays(1).atStartOfDay(BusinessCalendar.WIB).toInstant()));
    }
}
