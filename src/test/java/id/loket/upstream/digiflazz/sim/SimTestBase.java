package id.loket.upstream.digiflazz.sim;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A simulator on a clock standing at {@link #START}, a client for it, and fresh ref_ids. */
abstract class SimTestBase {

    /** 10:00 WIB on Tuesday 10 June 2025. */
    static final Instant START = Instant.parse("2025-06-10T03:00:00Z");

    private static final AtomicInteger REFS = new AtomicInteger();

    MovableClock clock;
    DigiflazzSimulator sim;
    SimClient client;

    SimulatorOptions.Builder options() {
        return SimulatorOptions.builder();
    }

    @BeforeEach
    void startSimulator() {
        clock = new MovableClock(START);
        sim = DigiflazzSimulator.start(options().clock(clock).build());
        client = new SimClient(sim);
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    static String ref() {
        return "LKT-20250610-" + String.format(java.util.Locale.ROOT, "%04d", REFS.incrementAndGet());
    }
}
