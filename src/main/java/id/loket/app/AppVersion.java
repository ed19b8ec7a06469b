package id.loket.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version from the POM, filtered into {@code version.properties} at build time. */
final class AppVersion {

    private AppVersion() {}

    static String read() {
        try (InputStream in = AppVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
