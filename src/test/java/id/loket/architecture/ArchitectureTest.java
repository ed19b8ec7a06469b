package id.loket.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer table of DESIGN.md, enforced. Each rule says why it exists; a failing rule is a design question,
 * not a test to silence.
 */
@AnalyzeClasses(packages = "id.loket", importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {

    /** Service (use-case) packages: they hold the use cases and the ports they need. */
    static final String[] SERVICES = {
        "id.loket.journal..", "id.loket.settings..", "id.loket.billing..", "id.loket.payment..", "id.loket.accounts..",
        "id.loket.reconcile..", "id.loket.shift..", "id.loket.customers..", "id.loket.users.."
    };

    /** Network classes; java.net.URL/URI as resource locators are not networking and stay allowed. */
    static final String[] NETWORKING = {
        "java.net.http..", "java.net.Socket", "java.net.ServerSocket", "java.net.HttpURLConnection",
        "java.net.URLConnection", "java.net.DatagramSocket", "com.sun.net.httpserver..", "javax.net.."
    };

    /** Main classes only, whatever the build folder is called (-Dloket.build.dir=...). */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Core").definedBy("id.loket.core..")
            .layer("Services").definedBy(SERVICES)
            .layer("Ledger").definedBy("id.loket.ledger..")
            .layer("Upstream").definedBy("id.loket.upstream..")
            .layer("Report").definedBy("id.loket.report..")
            .layer("Ui").definedBy("id.loket.ui..")
            .layer("Cli").definedBy("id.loket.cli..")
            .layer("App").definedBy("id.loket.app..")
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Ledger").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Upstream").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Report").mayOnlyBeAccessedByLayers("App", "Ui", "Cli")
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Ledger", "Upstream", "Report", "Ui", "Cli", "App")
            .because("DESIGN.md: adapters implement the services' ports, screens and commands reach data only "
                    + "through services, and only the composition root knows every piece");

    @ArchTest
    static final ArchRule coreIsPureJdk = classes().that().resideInAPackage("id.loket.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "id.loket.core..", "java.lang..", "java.util..", "java.time..", "java.math..", "java.text..",
                    "java.security..", "java.nio.charset..", "java.io..")
            .because("the domain (Money, journal rules, payment states) must be testable and reusable without "
                    + "JavaFX, a database or a network");

    @ArchTest
    static final ArchRule servicesUseNoInfrastructure = noClasses().that().resideInAnyPackage(SERVICES)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.sql..", "javax.sql..", "org.sqlite..", "org.flywaydb..", "java.net.http..",
                    "net.sf.jasperreports..", "picocli..")
            .because("use cases talk to the world only through their ports, so they can be tested with fakes");

    @ArchTest
    static final ArchRule onlyLedgerTouchesSql = noClasses()
            .that().resideOutsideOfPackages("id.loket.ledger..", "id.loket.upstream.house.sim..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "javax.sql..", "org.sqlite..", "org.flywaydb..")
            .because("one place owns the ledger's schema and its transactions; SQL elsewhere would bypass the "
                    + "journal's rules and the hash chain (the sandbox gateway is another system simulated in "
                    + "process: it keeps its own state in its own SQLite file, never the ledger)");

    @ArchTest
    static final ArchRule upstreamsStayOutOfTheLedger = noClasses().that().resideInAPackage("id.loket.upstream..")
            .should().dependOnClassesThat().resideInAnyPackage("id.loket.ledger..", "id.loket.journal..")
            .because("an outside party, real or simulated, knows nothing of the counter's books");

    @ArchTest
    static final ArchRule onePackagePerProvider = slices().matching("id.loket.upstream.(*)..")
            .should().notDependOnEachOther()
            .because("DESIGN.md: one adapter package per outside party, with its own client, signing and code table; "
                    + "one provider borrowing another's code would tie their changes together");

    @ArchTest
    static final ArchRule simulatorsAreNotUsedByAdapters = noClasses().that().resideInAPackage("id.loket.upstream..")
            .and().resideOutsideOfPackage("id.loket.upstream.*.sim..")
            .should().dependOnClassesThat().resideInAPackage("id.loket.upstream.*.sim..")
            .because("an adapter is proven against its provider's simulator, so it must not share the simulator's "
                    + "code: a shared mistake would pass every test");

    @ArchTest
    static final ArchRule adaptersSeeOnlyPortsAndCore = noClasses().that().resideInAPackage("id.loket.upstream..")
            .should().dependOnClassesThat().resideInAnyPackage("id.loket.payment..", "id.loket.reconcile..",
                    "id.loket.shift..", "id.loket.users..", "id.loket.customers..", "id.loket.settings..",
                    "id.loket.ui..", "id.loket.cli..", "id.loket.report..")
            .because("an adapter implements a port of the billing package with core values; the use cases are "
                    + "the services' business, not the provider's");

    @ArchTest
    static final ArchRule onlyUpstreamsTouchTheNetwork = noClasses().that().resideOutsideOfPackage("id.loket.upstream..")
            .should().dependOnClassesThat().resideInAnyPackage(NETWORKING)
            .because("every byte to or from an outside party is signed and verified in its adapter; a second "
                    + "network path would skip that");

    @ArchTest
    static final ArchRule javaFxOnlyInUiAndApp = noClasses().that()
            .resideOutsideOfPackages("id.loket.ui..", "id.loket.app..", "id.loket.report..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
            .because("the CLI and the services run headless (scheduler jobs, CI) and must not load the toolkit");

    @ArchTest
    static final ArchRule noStaticMutableState = fields().that().areDeclaredInClassesThat().resideInAPackage("id.loket..")
            .and().areStatic()
            .should().beFinal()
            .because("no static singletons or service locators: the composition root builds every object");

    @ArchTest
    static final ArchRule noStaticServiceInstances = fields().that().areDeclaredInClassesThat().resideInAPackage("id.loket..")
            .and().areStatic()
            .should().notHaveRawType(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "a service, store or adapter",
                    (com.tngtech.archunit.core.domain.JavaClass type) -> type.getPackageName().startsWith("id.loket.")
                            && !type.getPackageName().startsWith("id.loket.core")
                            && !type.isEnum() && !type.isRecord()
                            && !type.getModifiers().contains(JavaModifier.ABSTRACT)
                            && !type.isInterface()))
            .because("a static service instance is a singleton in disguise");

    @ArchTest
    static final ArchRule noCycles = slices().matching("id.loket.(*)..").should().beFreeOfCycles()
            .because("features depend one way; a cycle makes every change ripple");

    @ArchTest
    static final ArchRule controllersStayThin = noClasses().that().resideInAPackage("id.loket.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("java.nio.file..")
            .orShould().dependOnClassesThat().belongToAnyOf(java.io.File.class, java.io.FileInputStream.class,
                    java.io.FileOutputStream.class, java.io.FileReader.class, java.io.FileWriter.class,
                    java.io.RandomAccessFile.class)
            .because("screens do no file I/O: view models call services, which own files and the ledger");
}
