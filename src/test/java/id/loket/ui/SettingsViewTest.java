package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.billing.DepositBalance;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.NetworkAccount;
import id.loket.core.Money;
import id.loket.settings.SettingsService;
import id.loket.users.Operator;
import id.loket.users.OperatorStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The settings page in the real window, from the keyboard: the owner registers a clerk and sees the activation code
 * (which works, and is gone once the page is left); a clerk sees only their own password, and changes it; the owner
 * tests a Digiflazz account (the network is a fake {@link id.loket.billing.ConnectionTest}) and saves it. Operators
 * are real (bcrypt, rules) in a real SQLite ledger; the window's background work runs on threads of its own.
 */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {

    private static final KeyCodeCombination CTRL_7 = new KeyCodeCombination(KeyCode.DIGIT7, KeyCombination.CONTROL_DOWN);
    private static final KeyCodeCombination CTRL_3 = new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.CONTROL_DOWN);
    private static final KeyCodeCombination CTRL_TAB = new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN);
    /** Generous: registering, activating and changing passwords hash with bcrypt (cost 12) on a busy machine. */
    private static final long WAIT_SECONDS = 30;
    private static final String OWNER_PASSWORD = "warung budi buka jam tujuh";

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });

    @TempDir
    Path dir;

    private TestContexts shop;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void setUpShop() {
        shop = TestContexts.shop().ledgerIn(dir);
        shop.users().setUp("Toko Budi", "budi", "Budi Santoso", OWNER_PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
        shop.ledger().close();
    }

    private void show(Access.SignedIn who) throws Exception {
        UiContext context = shop.contextFor(who, background, dir);
        WaitForAsyncUtils.asyncFx(() -> new MainWindow(context).show(stage)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theOwnerRegistersAClerkFromTheKeyboardAndSeesTheCodeOnce(FxRobot robot) throws Exception {
        show(new Access.SignedIn("budi", "Budi Santoso", true));

        robot.push(CTRL_7);
        TextField username = node(robot, "#page-settings #usernameField", TextField.class);
        waitUntil(username::isFocused);
        assertThat(shown(robot, "#page-settings #codeBox")).isFalse();
        assertThat(shown(robot, "#page-settings #clerkNote")).isFalse();
        robot.write("ani");
        robot.type(KeyCode.ENTER);
        TextField displayName = node(robot, "#page-settings #displayNameField", TextField.class);
        waitUntil(displayName::isFocused);
        robot.write("Ani Setiawati");
        robot.type(KeyCode.ENTER);

        Label code = node(robot, "#page-settings #codeValue", Label.class);
        waitUntil(() -> shown(robot, "#page-settings #codeBox") && !code.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents(); // the rest of the box is filled in the same turn of the FX thread
        assertThat(code.getText()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(text(robot, "#page-settings #codeHeading")).isEqualTo("Kode aktivasi untuk Ani Setiawati (ani)");
        assertThat(text(robot, "#page-settings #codeInstruction"))
                .startsWith("Berikan kode ini kepada kasir Ani Setiawati: berlaku 24 jam")
                .contains("sekali pakai");
        assertThat(text(robot, "#page-settings #usersMessage"))
                .isEqualTo("Kasir ani terdaftar. Berikan kode aktivasi di bawah ini kepadanya.");
        assertThat(username.getText()).isEmpty();
        waitUntil(() -> robot.lookup("#page-settings #operatorsTable").queryTableView().getItems().size() == 2);

        Operator ani = shop.users().activate("ani", code.getText(), "ani suka kopi tubruk pagi");
        assertThat(ani.status()).isEqualTo(OperatorStatus.ACTIVE);

        robot.push(CTRL_3);
        waitUntil(() -> robot.lookup("#page-shift").tryQuery().isPresent());
        robot.push(CTRL_7);
        waitUntil(username::isFocused);
        assertThat(shown(robot, "#page-settings #codeBox")).as("the code is shown once").isFalse();
        assertThat(code.getText()).isEmpty();
    }

    @Test
    void aClerkSeesOnlyTheirOwnPasswordAndChangesIt(FxRobot robot) throws Exception {
        Operator owner = shop.users().find("budi").orElseThrow();
        String code = shop.users().registerClerk(owner, "ani", "Ani Setiawati").code();
        shop.users().activate("ani", code, "ani suka kopi tubruk pagi");
        show(new Access.SignedIn("ani", "Ani Setiawati", false));

        robot.push(CTRL_7);
        PasswordField current = node(robot, "#page-settings #currentPasswordField", PasswordField.class);
        waitUntil(current::isFocused);
        assertThat(shown(robot, "#page-settings #clerkNote")).isTrue();
        assertThat(text(robot, "#page-settings #clerkNote")).startsWith("Halaman ini untuk pemilik toko");
        TabPane tabs = robot.lookup("#page-settings #tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getId()).containsExactly("passwordTab");
        assertThat(robot.lookup("#page-settings #usernameField").tryQuery()).isEmpty();
        assertThat(robot.lookup("#page-settings #operatorsTable").tryQuery()).isEmpty();
        assertThat(robot.lookup("#page-settings #shopNameField").tryQuery()).isEmpty();

        robot.write("ani suka kopi tubruk pagi");
        robot.type(KeyCode.ENTER);
        robot.write("ani pindah ke meja dua");
        robot.type(KeyCode.ENTER);
        robot.write("ani pindah ke meja dua");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> "Kata sandi diganti. Pakai kata sandi baru saat masuk berikutnya."
                .equals(text(robot, "#page-settings #passwordMessage")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(current.getText()).isEmpty();
        assertThat(shop.users().signIn("ani", "ani pindah ke meja dua").username()).isEqualTo("ani");
    }

    @Test
    void theOwnerTestsADigiflazzAccountFromTheKeyboardAndSavesIt(FxRobot robot) throws Exception {
        List<NetworkAccount> asked = new CopyOnWriteArrayList<>();
        AtomicReference<GatewayResult<DepositBalance>> answer = new AtomicReference<>(new GatewayResult.Refused<>(
                new GatewayError(200, GatewayError.WRONG_KEY, "Signature tidak valid")));
        shop.connectionTest(account -> {
            asked.add(account);
            return answer.get();
        });
        show(new Access.SignedIn("budi", "Budi Santoso", true));

        robot.push(CTRL_7);
        waitUntil(node(robot, "#page-settings #usernameField", TextField.class)::isFocused);
        TabPane tabs = robot.lookup("#page-settings #tabs").queryAs(TabPane.class);
        for (int i = 0; i < 5 && !"networkTab".equals(selectedTab(tabs)); i++) {
            robot.push(CTRL_TAB);
        }
        assertThat(selectedTab(tabs)).isEqualTo("networkTab");
        robot.push(CTRL_7);
        ComboBox<?> network = node(robot, "#page-settings #networkBox", ComboBox.class);
        waitUntil(network::isFocused);
        TextField username = node(robot, "#page-settings #digiflazzUsernameField", TextField.class);
        assertThat(username.isDisabled()).as("the sandbox needs no account").isTrue();

        robot.type(KeyCode.DOWN);
        waitUntil(() -> "digiflazz".equals(network.getValue()) && !username.isDisabled());
        robot.type(KeyCode.TAB);
        waitUntil(username::isFocused);
        robot.write("tokobudi");
        robot.type(KeyCode.TAB);
        PasswordField key = node(robot, "#page-settings #digiflazzKeyField", PasswordField.class);
        waitUntil(key::isFocused);
        assertThat(key.getPromptText()).isEqualTo("kunci API dari Digiflazz");
        robot.write("dev-kunci-rahasia-123");
        robot.type(KeyCode.TAB);
        TextField url = node(robot, "#page-settings #digiflazzUrlField", TextField.class);
        waitUntil(url::isFocused);
        assertThat(url.getText()).isEqualTo("https://api.digiflazz.com/v1");
        robot.type(KeyCode.TAB); // development mode stays off
        robot.type(KeyCode.TAB);
        waitUntil(() -> robot.lookup("#page-settings #testConnectionButton").query().isFocused());
        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#page-settings #connectionMessage").startsWith("Kunci API salah"));
        assertThat(text(robot, "#page-settings #connectionMessage"))
                .contains("tidak cocok dengan mode yang dipilih (pengembangan/produksi)")
                .doesNotContain("dev-kunci-rahasia-123");
        assertThat(asked).containsExactly(new NetworkAccount("digiflazz", "tokobudi", "dev-kunci-rahasia-123",
                "https://api.digiflazz.com/v1", false));
        Screenshots.save(stage, "settings-network-wrong-key");

        answer.set(new GatewayResult.Answer<>(new DepositBalance(Money.of(1_250_000), Instant.now())));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#page-settings #connectionMessage")
                .equals("Koneksi berhasil. Saldo deposit: Rp 1.250.000."));
        assertThat(shop.settingsService().billerNetwork()).as("a test saves nothing").isEqualTo("house");
        Screenshots.save(stage, "settings-network-balance");

        robot.type(KeyCode.TAB);
        waitUntil(() -> robot.lookup("#page-settings #networkSaveButton").query().isFocused());
        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#page-settings #networkMessage").startsWith("Disimpan: Digiflazz."));
        WaitForAsyncUtils.waitForFxEvents();
        SettingsService saved = shop.settingsService();
        assertThat(saved.billerNetwork()).isEqualTo("digiflazz");
        assertThat(saved.digiflazzUsername()).contains("tokobudi");
        assertThat(saved.digiflazzKey()).contains("dev-kunci-rahasia-123");
        assertThat(key.getText()).isEmpty();
        assertThat(key.getPromptText()).startsWith("•••• tersimpan");
        Screenshots.save(stage, "settings-network-saved");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static String selectedTab(TabPane tabs) throws Exception {
        Tab selected = WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().getSelectedItem()).get(10,
                TimeUnit.SECONDS);
        return selected == null ? "" : selected.getId();
    }

    /** The node, once the page has laid it out (the forms are inside tabs and scroll panes). */
    private static <T extends Node> T node(FxRobot robot, String query, Class<T> type) throws TimeoutException {
        AtomicReference<T> found = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> {
            Optional<Node> node = robot.lookup(query).tryQuery();
            node.ifPresent(n -> found.set(type.cast(n)));
            return node.isPresent();
        });
        return found.get();
    }

    private static boolean shown(FxRobot robot, String query) {
        return robot.lookup(query).query().isVisible();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
