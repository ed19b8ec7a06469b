package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.cli.LoketCommand;
import id.loket.testing.SystemTools;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import picocli.CommandLine;

/**
 * The OS scheduler definitions under {@code installer/} run a command line Loket accepts: the systemd user timer
 * (its calendar expression checked by {@code systemd-analyze} when present) and the Windows Task Scheduler task.
 */
class SchedulerDefinitionsTest {

    private static final Path INSTALLER = Path.of("installer");

    /** Parses {@code args} as the launcher would, without running anything. */
    private static void acceptedByLoket(String... args) {
        CommandLine cli = LoketCommand.commandLine(new AppBackend(Map.of(), "Linux", "/tmp", Clock.systemUTC()),
                new ByteArrayInputStream(new byte[0]));
        CommandLine.ParseResult parsed = cli.parseArgs(args);
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("reconcile");
    }

    @Test
    void theSystemdServiceRunsTheCatchUp() throws Exception {
        String service = Files.readString(INSTALLER.resolve("linux/loket-reconcile.service"));
        String exec = service.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        assertThat(exec).isEqualTo("ExecStart=/usr/bin/env loket reconcile --catch-up");
        acceptedByLoket("reconcile", "--catch-up");
        assertThat(service).contains("SuccessExitStatus=3");
        String timer = Files.readString(INSTALLER.resolve("linux/loket-reconcile.timer"));
        assertThat(timer).contains("Persistent=true", "Unit=loket-reconcile.service");
    }

    @Test
    void theTimersCalendarIsOneSystemdUnderstands() throws Exception {
        SystemTools.requireCommand("systemd-analyze", "apt-get install systemd");
        String timer = Files.readString(INSTALLER.resolve("linux/loket-reconcile.timer"));
        String calendar = timer.lines().filter(l -> l.startsWith("OnCalendar=")).findFirst().orElseThrow()
                .substring("OnCalendar=".length());
        Process p = new ProcessBuilder("systemd-analyze", "calendar", calendar).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(said).isZero();
        assertThat(said).contains("01:15:00 Asia/Jakarta");
    }

    @Test
    void theWindowsTaskRunsTheCatchUpDaily() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document task = factory.newDocumentBuilder().parse(INSTALLER.resolve("windows/loket-reconcile.xml").toFile());
        String arguments = task.getElementsByTagName("Arguments").item(0).getTextContent();
        assertThat(arguments).isEqualTo("reconcile --catch-up");
        acceptedByLoket(List.of(arguments.split(" ")).toArray(String[]::new));
        assertThat(task.getElementsByTagName("StartWhenAvailable").item(0).getTextContent()).isEqualTo("true");
        assertThat(task.getElementsByTagName("DaysInterval").item(0).getTextContent()).isEqualTo("1");
    }
}
