package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.testing.SystemTools;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the installers are made from (installer/README.md), checked on every machine: jpackage cannot build the
 * Windows installer here, so its definitions are at least read. The packages themselves are built, installed and
 * removed by {@code installer/test-linux.sh}.
 */
class InstallerDefinitionsTest {

    private static final Path INSTALLER = Path.of("installer");

    /**
     * The Windows upgrade code. An .msi with another one installs a second Loket beside the first instead of
     * upgrading it: this value must never change.
     */
    private static final String WINDOWS_UPGRADE_UUID = "8dc4745d-86eb-4cd4-b4e8-9ba0015b4f23";

    /** The options of a jpackage/jlink argument file, as jpackage reads it: whitespace-separated, quotes group. */
    private static List<String> argumentFile(String name) throws IOException {
        List<String> words = new ArrayList<>();
        for (String line : Files.readAllLines(INSTALLER.resolve(name))) {
            StringBuilder word = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            for (char c : line.strip().toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                    any = true;
                } else if (Character.isWhitespace(c) && !quoted) {
                    if (any) {
                        words.add(word.toString());
                    }
                    word.setLength(0);
                    any = false;
                } else {
                    word.append(c);
                    any = true;
                }
            }
            if (any) {
                words.add(word.toString());
            }
        }
        return words;
    }

    private static List<String> values(List<String> args, String option) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals(option)) {
                found.add(args.get(i + 1));
            }
        }
        return found;
    }

    private static List<String> allArgumentFiles() throws IOException {
        try (Stream<Path> files = Files.walk(INSTALLER)) {
            return files.filter(p -> p.toString().endsWith(".args")).map(p -> INSTALLER.relativize(p).toString())
                    .sorted().toList();
        }
    }

    @Test
    void everyFileTheArgumentFilesNameExists() throws IOException {
        List<String> files = allArgumentFiles();
        assertThat(files).contains("jlink.args", "jpackage.args", "linux/app-image.args", "linux/deb.args",
                "linux/rpm.args", "windows/app-image.args", "windows/msi.args");
        for (String file : files) {
            List<String> args = argumentFile(file);
            for (String option : List.of("--icon", "--license-file", "--resource-dir")) {
                for (String path : values(args, option)) {
                    // Maven runs jpackage in the project folder, so the paths are relative to it.
                    assertThat(Path.of(path)).as(file + " " + option).exists();
                }
            }
            for (String launcher : values(args, "--add-launcher")) {
                assertThat(Path.of(launcher.substring(launcher.indexOf('=') + 1))).as(file).exists();
            }
        }
    }

    @Test
    void bothImagesStartTheLauncherClassTheJarStarts() throws IOException, ClassNotFoundException {
        for (String os : List.of("linux", "windows")) {
            List<String> mainClass = values(argumentFile(os + "/app-image.args"), "--main-class");
            assertThat(mainClass).as(os).containsExactly(Launcher.class.getName());
        }
        assertThat(Class.forName(Launcher.class.getName()).getMethods()).anyMatch(m -> m.getName().equals("main"));
    }

    @Test
    void theWindowsInstallerUpgradesInPlaceAndHasAConsoleCommandLine() throws IOException {
        List<String> msi = argumentFile("windows/msi.args");
        assertThat(values(msi, "--win-upgrade-uuid")).containsExactly(WINDOWS_UPGRADE_UUID);
        assertThat(UUID.fromString(WINDOWS_UPGRADE_UUID).toString()).isEqualTo(WINDOWS_UPGRADE_UUID);
        assertThat(msi).contains("--win-menu", "--win-shortcut");
        List<String> launchers = values(argumentFile("windows/app-image.args"), "--add-launcher");
        assertThat(launchers).containsExactly("loket-cli=installer/windows/loket-cli.properties");
        Properties cli = new Properties();
        try (var in = Files.newInputStream(INSTALLER.resolve("windows/loket-cli.properties"))) {
            cli.load(in);
        }
        assertThat(cli.getProperty("win-console")).isEqualTo("true");
        // The scheduled task's program is the one the .msi installs by default (the script adapts the folder).
        assertThat(Files.readString(INSTALLER.resolve("windows/loket-reconcile.xml")))
                .contains("<Command>\"%ProgramFiles%\\Loket\\Loket.exe\"</Command>");
    }

    @Test
    void theDebDependsOnGtkAndItsScriptsAreGuarded() throws IOException {
        List<String> deb = argumentFile("linux/deb.args");
        assertThat(values(deb, "--linux-package-deps")).singleElement().asString()
                .contains("libgtk-3-0", "libgl1");
        assertThat(values(deb, "--linux-package-name")).containsExactly("loket");
        assertThat(deb).contains("--linux-shortcut");
        String postinst = Files.readString(INSTALLER.resolve("linux/deb/postinst"));
        // The optional steps may not fail an install on a minimal system (FACTS.md: xdg-desktop-menu exits 3).
        assertThat(postinst).doesNotContain("xdg-desktop-menu")
                .contains("\"$app/lib/loket-cds.sh\" || true", "command -v update-desktop-database")
                .contains("ln -sf \"$app/bin/Loket\" /usr/bin/loket");
        String prerm = Files.readString(INSTALLER.resolve("linux/deb/prerm"));
        assertThat(prerm).contains("rm -f /usr/bin/loket", "loket-cds.sh\" --remove || true");
        // The users' data is never touched: no command (comments aside) names a home folder.
        assertThat(Stream.of(postinst, prerm).flatMap(String::lines).filter(l -> !l.strip().startsWith("#")))
                .noneMatch(l -> l.contains(".local") || l.contains("/home") || l.contains("$HOME"));
        String spec = Files.readString(INSTALLER.resolve("linux/rpm/loket.spec"));
        assertThat(spec).contains("ln -s APPLICATION_DIRECTORY/bin/Loket %{buildroot}/usr/bin/loket",
                "APPLICATION_DIRECTORY/lib/loket-cds.sh || true");
        assertThat(values(argumentFile("linux/rpm.args"), "--linux-package-deps")).singleElement().asString()
                .contains("gtk3");
    }

    @Test
    void theShellScriptsParse() throws Exception {
        List<Path> scripts = List.of(INSTALLER.resolve("linux/deb/postinst"), INSTALLER.resolve("linux/deb/prerm"),
                INSTALLER.resolve("linux/loket-cds.sh"), INSTALLER.resolve("linux/prepare-image.sh"),
                INSTALLER.resolve("linux/register-reconcile-timer.sh"), INSTALLER.resolve("icons/render.sh"));
        for (Path script : scripts) {
            assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
            assertThat(run("sh", "-n", script.toString())).as(script.toString()).isZero();
        }
        for (Path script : List.of(INSTALLER.resolve("test-linux.sh"), INSTALLER.resolve("bench-startup.sh"))) {
            assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
            assertThat(run("bash", "-n", script.toString())).as(script.toString()).isZero();
        }
    }

    @Test
    void theMenuEntryIsValidOnceJpackageFillsItIn(@TempDir Path dir) throws Exception {
        String template = Files.readString(INSTALLER.resolve("linux/deb/Loket.desktop"));
        assertThat(template).isEqualTo(Files.readString(INSTALLER.resolve("linux/rpm/Loket.desktop")));
        String filled = template.replace("APPLICATION_LAUNCHER", "/opt/loket/bin/Loket")
                .replace("APPLICATION_ICON", "/opt/loket/lib/Loket.png")
                .replace("DEPLOY_BUNDLE_CATEGORY", "Office;Finance;");
        assertThat(filled).doesNotContainPattern("[A-Z]{3,}_[A-Z_]{3,}");
        Path desktop = Files.writeString(dir.resolve("loket.desktop"), filled);
        SystemTools.requireCommand("desktop-file-validate", "apt-get install desktop-file-utils");
        assertThat(run("desktop-file-validate", desktop.toString())).isZero();
    }

    @Test
    void theIconIsOneSquarePictureInEverySizeWindowsAsksFor() throws IOException {
        BufferedImage png = ImageIO.read(INSTALLER.resolve("icons/loket.png").toFile());
        assertThat(png.getWidth()).isEqualTo(256);
        assertThat(png.getHeight()).isEqualTo(256);
        assertThat(png.getColorModel().hasAlpha()).isTrue();
        // ICO: reserved 0, type 1, count, then one 16-byte entry per picture (width 0 means 256).
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(INSTALLER.resolve("icons/loket.ico")))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(0)).isZero();
        assertThat(ico.getShort(2)).isEqualTo((short) 1);
        int count = ico.getShort(4);
        TreeSet<Integer> sizes = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            int width = Byte.toUnsignedInt(ico.get(6 + 16 * i));
            sizes.add(width == 0 ? 256 : width);
        }
        assertThat(sizes).contains(16, 32, 48, 256);
        for (String size : List.of("32", "64", "256")) {
            BufferedImage window = ImageIO.read(Path.of("src/main/resources/icons/loket-" + size + ".png").toFile());
            assertThat(window.getWidth()).as(size).isEqualTo(Integer.parseInt(size));
        }
    }

    @Test
    void theLintianExceptionsEachSayWhy() throws IOException {
        Map<String, String> reasons = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(INSTALLER.resolve("linux/lintian-exceptions.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.strip().split("\\s+", 2);
            reasons.put(parts[0], parts.length > 1 ? parts[1] : "");
        }
        assertThat(reasons).isNotEmpty();
        reasons.forEach((tag, why) -> assertThat(why).as(tag).hasSizeGreaterThan(20));
        // Errors a package can fix itself are not excused.
        assertThat(reasons).doesNotContainKeys("unstripped-binary-or-object", "shared-library-is-executable",
                "malformed-contact", "extended-description-is-empty");
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() != 0) {
            System.err.println(String.join(" ", command) + ": " + said);
        }
        return p.exitValue();
    }
}
