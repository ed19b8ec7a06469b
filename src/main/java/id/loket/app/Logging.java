package id.loket.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Points logging at the rotating file in the data directory once that directory is known. Until then only
 * warnings go to stderr (logback.xml), so a CLI command's output stays clean.
 */
final class Logging {

    private Logging() {}

    static void toFile(Path logDirectory) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding was put on the class path on purpose: leave it be
        }
        URL config = Logging.class.getResource("/logback-file.xml");
        if (config == null) {
            throw new IllegalStateException("logback-file.xml is missing from the application");
        }
        context.reset();
        context.putProperty("loket.log.dir", logDirectory.toString());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(config);
        } catch (JoranException e) {
            throw new StartupException("Cannot start logging to " + logDirectory + ": " + e.getMessage(), e);
        }
    }
}
