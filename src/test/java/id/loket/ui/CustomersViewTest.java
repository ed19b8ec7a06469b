package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.customers.CustomerService;
import id.loket.customers.SentCodes;
import id.loket.payment.PaymentTestBed;
import id.loket.upstream.fonnte.FonnteClient;
import id.loket.upstream.fonnte.FonnteMessenger;
import id.loket.upstream.fonnte.sim.FonnteSimulator;
import id.loket.upstream.fonnte.sim.FonnteSimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The customers page in the real window, from the keyboard only: Ctrl+4, Ctrl+N, the form, Enter; the code the
 * sandbox shows, Enter. Customers live in a real ledger file and are verified through the sandbox gateway over
 * loopback; the window's background work runs on a thread of its own.
 */
@ExtendWith(ApplicationExtension.class)
class CustomersViewTest {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass VERIFIED = PseudoClass.getPseudoClass("verified");
    private static final KeyCodeCombination CTRL_4 = new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.CONTROL_DOWN);
    private static final KeyCodeCombination CTRL_N = new KeyCodeCombination(KeyCode.N, KeyCombination.CONTROL_DOWN);
    private static final Pattern SIX_DIGITS = Pattern.compile("([0-9]{6})");

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });

    @TempDir
    Path dir;

    private TestContexts shop;
    private PaymentTestBed bed;
    private CustomerService customers;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
        try {
            if (shop != null) {
                shop.ledger().close();
            }
        } finally {
            if (bed != null) {
                bed.close();
            }
        }
    }

    /**
     * The window of a shop whose customers are verified through the sandbox gateway (TestContexts' own customers
     * service has a fake gateway that sends no code), signed in as clerk sari.
     */
    private void show() throws Exception {
        bed = PaymentTestBed.in(Files.createDirectories(dir.resolve("gateway"))).start();
        SentCodes sandbox = otpId -> Optional.of(bed.sandbox().get("/sandbox/otp/" + otpId).path("code").asText());
        customers = new CustomerService(bed.ledger().customers(), bed.gateway(), sandbox, bed.appClock());
        shop = TestContexts.shop();
        UiContext context = withCustomers(shop.contextFor(new Access.SignedIn("sari", "Sari", false), background,
                Files.createDirectories(dir.resolve("shop"))), customers);
        // Generous: the first window of the run also starts the toolkit's fonts and styles on a busy build machine.
        WaitForAsyncUtils.asyncFx(() -> new MainWindow(context).show(stage)).get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** {@code context} with another customers service and the sandbox's catalog. */
    private UiContext withCustomers(UiContext c, CustomerService service) {
        return new UiContext(c.settings(), c.maintenance(), bed.billing(), c.payments(), c.shifts(), c.receipts(),
                c.users(), c.audit(), service, c.reconciliation(), c.reports(), c.calendar(), c.operator(), c.access(), c.idleLock(), c.background(),
                c.version(), c.dataDirectory(), TestContexts.NO_CONNECTION_TEST);
    }

    @Test
    void registersACustomerFromTheKeyboardAndVerifiesThemWithTheShownCode(FxRobot robot) throws Exception {
        show();

        robot.push(CTRL_4);
        TextField search = node(robot, "#page-customers #searchField", TextField.class);
        waitUntil(search::isFocused);
        robot.push(CTRL_N);
        TextField nameField = node(robot, "#page-customers #nameField", TextField.class);
        waitUntil(nameField::isFocused);
        robot.write("Budi Santoso");
        robot.type(KeyCode.ENTER);
        robot.write("3273011508850001");
        robot.type(KeyCode.ENTER);
        robot.write("0812-3456-7890");
        robot.type(KeyCode.ENTER);

        Label sandboxCode = node(robot, "#page-customers #sandboxCode", Label.class);
        waitUntil(() -> sandboxCode.isVisible() && sandboxCode.getText().startsWith("SANDBOX"));
        assertThat(text(robot, "#page-customers #otpInfo")).startsWith("Kode dikirim ke +6281234567890, berlaku sampai");
        assertThat(text(robot, "#page-customers #chosenName")).isEqualTo("Budi Santoso");
        assertThat(text(robot, "#page-customers #chosenStatus")).isEqualTo("Belum terverifikasi");
        assertThat(text(robot, "#page-customers #chosenDetails")).isEqualTo("HP 0812-3456-7890 · NIK 3273********0001");
        TextField codeField = node(robot, "#page-customers #codeField", TextField.class);
        waitUntil(codeField::isFocused);
        assertThat(nameField.getText()).as("the form is ready for the next customer").isEmpty();
        Matcher code = SIX_DIGITS.matcher(sandboxCode.getText());
        assertThat(code.find()).isTrue();

        robot.write(code.group(1));
        robot.type(KeyCode.ENTER);

        Label status = node(robot, "#page-customers #chosenStatus", Label.class);
        waitUntil(() -> "Terverifikasi".equals(status.getText()));
        assertThat(status.getPseudoClassStates()).contains(VERIFIED);
        assertThat(text(robot, "#page-customers #message")).isEqualTo("Budi Santoso sekarang TERVERIFIKASI.");
        assertThat(robot.lookup("#page-customers #verifyBox").query().isVisible()).isFalse();
        TableView<?> table = node(robot, "#page-customers #table", TableView.class);
        waitUntil(() -> table.getItems().size() == 1);
        TableCell<?, ?> statusCell = robot.lookup("#page-customers #table .customers-status").queryAs(TableCell.class);
        waitUntil(() -> "Terverifikasi".equals(statusCell.getText()));
        assertThat(statusCell.getPseudoClassStates()).contains(VERIFIED);
        assertThat(customers.search("Budi")).singleElement().satisfies(c -> assertThat(c.isVerified()).isTrue());
    }

    @Test
    void aBadNikIsMarkedAsTypedAndARefusedRegistrationKeepsTheForm(FxRobot robot) throws Exception {
        show();
        robot.push(CTRL_4);
        robot.push(CTRL_N);
        TextField nameField = node(robot, "#page-customers #nameField", TextField.class);
        waitUntil(nameField::isFocused);
        robot.write("Budi Santoso");
        robot.type(KeyCode.ENTER);
        robot.write("3273013102850001");

        TextField nikField = node(robot, "#page-customers #nikField", TextField.class);
        Label nikError = node(robot, "#page-customers #nikError", Label.class);
        waitUntil(() -> nikField.getPseudoClassStates().contains(INVALID) && nikError.isVisible());
        assertThat(nikError.getText()).startsWith("NIK tidak valid:").contains("31 February 1985");

        robot.type(KeyCode.ENTER);
        robot.write("0812-3456-7890");
        robot.type(KeyCode.ENTER);

        Label message = node(robot, "#page-customers #message", Label.class);
        waitUntil(() -> message.isVisible() && message.getText().startsWith("NIK ditolak"));
        waitUntil(nikField::isFocused);
        assertThat(nameField.getText()).isEqualTo("Budi Santoso");
        assertThat(nikField.getText()).isEqualTo("3273013102850001");
        assertThat(customers.search("")).isEmpty();
    }

    @Test
    void verifiesACustomerWithACodeSentByWhatsAppThroughFonnte(FxRobot robot) throws Exception {
        try (FonnteSimulator fonnte = FonnteSimulator.start(FonnteSimulatorOptions.defaults())) {
            bed = PaymentTestBed.in(Files.createDirectories(dir.resolve("gateway"))).start();
            FonnteMessenger whatsapp = new FonnteMessenger(new FonnteClient(fonnte.baseUri(),
                    FonnteSimulatorOptions.DEFAULT_TOKEN), bed.appClock(), new java.security.SecureRandom());
            customers = new CustomerService(bed.ledger().customers(), whatsapp, SentCodes.NONE, bed.appClock());
            shop = TestContexts.shop();
            UiContext context = withCustomers(shop.contextFor(new Access.SignedIn("sari", "Sari", false), background,
                    Files.createDirectories(dir.resolve("shop"))), customers);
            WaitForAsyncUtils.asyncFx(() -> new MainWindow(context).show(stage)).get(60, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();

            robot.push(CTRL_4);
            robot.push(CTRL_N);
            TextField nameField = node(robot, "#page-customers #nameField", TextField.class);
            waitUntil(nameField::isFocused);
            robot.write("Budi Santoso");
            robot.type(KeyCode.ENTER);
            robot.write("3273011508850001");
            robot.type(KeyCode.ENTER);
            robot.write("0812-3456-7890");
            robot.type(KeyCode.ENTER);

            TextField codeField = node(robot, "#page-customers #codeField", TextField.class);
            waitUntil(codeField::isFocused);
            assertThat(text(robot, "#page-customers #otpInfo")).startsWith("Kode dikirim ke +6281234567890");
            assertThat(robot.lookup("#page-customers #sandboxCode").query().isVisible())
                    .as("a real messenger's code is never shown on the screen").isFalse();
            String sent = fonnte.lastCodeSentTo("6281234567890").orElseThrow();

            robot.write(sent);
            robot.type(KeyCode.ENTER);

            Label status = node(robot, "#page-customers #chosenStatus", Label.class);
            waitUntil(() -> "Terverifikasi".equals(status.getText()));
            assertThat(customers.search("Budi")).singleElement().satisfies(c -> assertThat(c.isVerified()).isTrue());
            assertThat(fonnte.messages()).singleElement().satisfies(m ->
                    assertThat(m.message()).contains(sent).contains("Jangan berikan"));
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** The node, once the page has laid it out (the cards are inside a scroll pane). */
    private static <T extends Node> T node(FxRobot robot, String query, Class<T> type) throws TimeoutException {
        AtomicReference<T> found = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            Optional<Node> node = robot.lookup(query).tryQuery();
            node.ifPresent(n -> found.set(type.cast(n)));
            return node.isPresent();
        });
        return found.get();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
