package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @Test
    void optionWinsOverEnvironmentAndPlatform() {
        Path dir = DataDirectory.resolve(Optional.of(Path.of("/srv/shop")), Map.of("LOKET_HOME", "/elsewhere"),
                "Linux", "/home/ani");
        assertThat(dir).isEqualTo(Path.of("/srv/shop"));
    }

    @Test
    void loketHomeWinsOverPlatform() {
        Path dir = DataDirectory.resolve(Optional.empty(), Map.of("LOKET_HOME", "/srv/loket",
                "XDG_DATA_HOME", "/home/ani/data"), "Linux", "/home/ani");
        assertThat(dir).isEqualTo(Path.of("/srv/loket"));
    }

    @Test
    void linuxUsesXdgDataHome() {
        assertThat(DataDirectory.resolve(Optional.empty(), Map.of("XDG_DATA_HOME", "/home/ani/data"), "Linux",
                "/home/ani")).isEqualTo(Path.of("/home/ani/data/loket"));
    }

    @Test
    void linuxFallsBackToLocalShareWhenXdgIsUnsetOrRelative() {
        assertThat(DataDirectory.resolve(Optional.empty(), Map.of(), "Linux", "/home/ani"))
                .isEqualTo(Path.of("/home/ani/.local/share/loket"));
        assertThat(DataDirectory.resolve(Optional.empty(), Map.of("XDG_DATA_HOME", "relative/dir"), "Linux",
                "/home/ani")).isEqualTo(Path.of("/home/ani/.local/share/loket"));
    }

    @Test
    void windowsUsesAppData() {
        assertThat(DataDirectory.resolve(Optional.empty(), Map.of("APPDATA", "/c/Users/ani/AppData/Roaming"),
                "Windows 11", "/c/Users/ani")).isEqualTo(Path.of("/c/Users/ani/AppData/Roaming/Loket"));
    }

    @Test
    void prepareCreatesTheFolders(@TempDir Path tmp) {
        DataDirectory dir = DataDirectory.prepare(tmp.resolve("a/b/loket"));
        assertThat(dir.root()).isDirectory();
        assertThat(dir.logDirectory()).isDirectory();
        assertThat(dir.backupDirectory()).isDirectory();
        assertThat(dir.ledgerFile()).isEqualTo(tmp.resolve("a/b/loket/ledger.db"));
    }

    @Test
    void prepareRefusesAFolderThatCannotBeWritten(@TempDir Path tmp) throws IOException {
        // Tests may run as root, who can write anywhere: a path under a regular file can never be created.
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> DataDirectory.prepare(file.resolve("loket")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("Cannot write to the data directory")
                .hasMessageContaining("--data-dir");
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
