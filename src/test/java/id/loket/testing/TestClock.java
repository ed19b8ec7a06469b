package id.loket.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A clock a test moves by hand, so expiry, grace periods and business days pass without waiting: either fixed at
 * an instant ({@link #at}) or the real time plus an offset ({@link #realTime}, for code that also meets real
 * timeouts). Thread-safe; copies made by {@link #withZone} share the same time.
 */
public final class TestClock extends Clock {

    private final Supplier<Instant> base;
    private final AtomicReference<Instant> fixed;
    private final AtomicReference<Duration> offset;
    private final ZoneId zone;

    private TestClock(Supplier<Instant> base, AtomicReference<Instant> fixed, AtomicReference<Duration> offset,
            ZoneId zone) {
        this.base = base;
        this.fixed = fixed;
        this.offset = offset;
        this.zone = zone;
    }

    /** Stands at {@code start} until moved. */
    public static TestClock at(Instant start) {
        AtomicReference<Instant> fixed = new AtomicReference<>(start);
        return new TestClock(fixed::get, fixed, new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
    }

    /** Runs with the real time, moved forward by whatever {@link #advance} added. */
    public static TestClock realTime() {
        return new TestClock(Instant::now, new AtomicReference<>(), new AtomicReference<>(Duration.ZERO),
                ZoneOffset.UTC);
    }

    public void advance(Duration by) {
        offset.updateAndGet(d -> d.plus(by));
    }

    /** Puts a fixed clock at {@code instant}. */
    public void set(Instant instant) {
        if (fixed.get() == null) {
            throw new IllegalStateException("A real-time test clock can only be advanced");
        }
        fixed.set(instant);
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new TestClock(base, fixed, offset, newZone);
    }

    @Override
    public Instant instant() {
        return base.get().plus(offset.get());
    }
}
