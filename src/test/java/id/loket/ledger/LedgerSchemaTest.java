package id.loket.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The schema version written down for fast starts is the one the migrations on the class path reach. */
class LedgerSchemaTest {

    @Test
    void theNewestVersionWrittenDownIsTheNewestMigration() {
        assertThat(LedgerSchema.scanNewest().getVersion())
                .as("LedgerSchema.NEWEST must name the newest migration in db/migration")
                .isEqualTo(LedgerSchema.NEWEST);
        assertThat(LedgerSchema.fromClassPath().newestKnown().getVersion()).isEqualTo(LedgerSchema.NEWEST);
    }
}
