package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.settings.SettingsService;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class BundlesTest {

    private final ResourceBundle indonesian = Bundles.load(SettingsService.INDONESIAN);
    private final ResourceBundle english = Bundles.load(SettingsService.ENGLISH);

    @Test
    void bothLanguagesHaveExactlyTheSameKeys() {
        assertThat(english.keySet()).containsExactlyInAnyOrderElementsOf(indonesian.keySet());
    }

    @Test
    void indonesianIsChosenEvenOnAComputerSetUpInEnglish() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertThat(Bundles.load(SettingsService.INDONESIAN).getString("section.pay.name")).isEqualTo("Bayar");
            assertThat(Bundles.load(SettingsService.ENGLISH).getString("section.pay.name")).isEqualTo("Pay");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void everySectionHasANameAndAPurposeInEveryLanguage() {
        for (ResourceBundle bundle : new ResourceBundle[] {indonesian, english}) {
            for (Section section : Section.values()) {
                assertThat(bundle.getString(section.nameKey())).isNotBlank();
                assertThat(bundle.getString(section.purposeKey())).isNotBlank();
            }
        }
    }

    @Test
    void numbersAreGroupedTheWayEachLanguageWritesThem() {
        assertThat(Bundles.format(indonesian, SettingsService.INDONESIAN, "ledger.sound", 1234L))
                .isEqualTo("Buku besar sehat · 1.234 entri");
        assertThat(Bundles.format(english, SettingsService.ENGLISH, "ledger.sound", 1234L))
                .isEqualTo("Ledger sound · 1,234 entries");
        assertThat(Bundles.format(english, SettingsService.ENGLISH, "ledger.sound", 1L))
                .isEqualTo("Ledger sound · 1 entry");
    }

    @Test
    void quotesInFormattedTextsSurvive() {
        assertThat(Bundles.format(indonesian, SettingsService.INDONESIAN, "ledger.broken.entry", 1234L))
                .isEqualTo("Buku besar RUSAK: entri #1234 — jalankan 'loket verify'");
    }
}
