package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.settings.SettingsService;
import id.loket.users.TestOperators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertiesSettingsStoreTest {

    @Test
    void languageDefaultsToIndonesianAndSurvivesARestart(@TempDir Path tmp) {
        Path file = tmp.resolve("loket.properties");
        SettingsService settings = new SettingsService(new PropertiesSettingsStore(file, Map.of()), TestOperators.audit());
        assertThat(settings.language()).isEqualTo(Locale.forLanguageTag("id"));
        settings.setLanguage(Locale.ENGLISH);
        SettingsService reopened = new SettingsService(new PropertiesSettingsStore(file, Map.of()), TestOperators.audit());
        assertThat(reopened.language()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void sandboxUntilAGatewayIsConfigured(@TempDir Path tmp) {
        Path file = tmp.resolve("loket.properties");
        assertThat(new SettingsService(new PropertiesSettingsStore(file, Map.of()), TestOperators.audit()).isSandbox()).isTrue();
        SettingsService real = new SettingsService(new PropertiesSettingsStore(file,
                Map.of(SettingsService.GATEWAY_URL, "https://gw.example.id")), TestOperators.audit());
        assertThat(real.isSandbox()).isFalse();
        assertThat(real.gatewayUrl()).contains("https://gw.example.id");
    }

    @Test
    void overridesAreNeverWrittenToTheFile(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("loket.properties");
        PropertiesSettingsStore store = new PropertiesSettingsStore(file,
                Map.of(SettingsService.GATEWAY_SECRET, "s3cret"));
        store.put(SettingsService.LANGUAGE, "en");
        assertThat(Files.readString(file)).contains("ui.language=en").doesNotContain("s3cret");
    }

    @Test
    void aBrokenSettingsFileIsNamed(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("loket.properties"), "ui.language=\\u12");
        assertThatThrownBy(() -> new PropertiesSettingsStore(file, Map.of()))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(file.toString());
    }
}
