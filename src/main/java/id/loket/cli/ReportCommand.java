package id.loket.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code loket report daily}: the owner's reports as PDF files. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the owner's reports as PDF (owner only).",
        subcommands = {ReportCommand.Daily.class})
final class ReportCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Say which report: 'report daily'.");
    }

    /** {@code loket report daily --date D --out FILE.pdf}. */
    @Command(name = "daily", mixinStandardHelpOptions = true,
            description = {"Write the daily recap of a business day as an A4 PDF (owner only): the successful",
                "payments per biller, method and clerk, and the failed and unsettled ones."})
    static final class Daily extends ServiceCommand {

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD",
                description = "The business day (WIB).")
        private LocalDate date;

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf",
                description = "The PDF to write (must not exist).")
        private Path out;

        @Override
        public Integer call() {
            try (OperatorSession session = openSession()) {
                session.operator().requireOwner("print the daily recap");
                Path target = out.toAbsolutePath().normalize();
                if (Files.exists(target)) {
                    throw new IllegalArgumentException(target + " already exists: choose a new file name (nothing"
                            + " was overwritten).");
                }
                byte[] pdf = session.services().ownerReports().dailyRecapPdf(date);
                try {
                    Files.write(target, pdf, StandardOpenOption.CREATE_NEW);
                } catch (IOException e) {
                    throw new IllegalStateException("Cannot write " + target + " (" + e.getMessage()
                            + "): check the folder exists and the disk has space.", e);
                }
                out().println("Daily recap of " + date + " written to " + target + ".");
                out().flush();
                return LoketCommand.OK;
            }
        }
    }
}
