package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.MessageReceipt;
import id.loket.settings.SettingsService;
import id.loket.users.Operator;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Optional;
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
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
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
 * Settings' payment gateway, shop QRIS and messenger tabs in the real window, from the keyboard: the owner sees them
 * (a clerk does not), tests Midtrans and Fonnte accounts (the providers are a fake
 * {@link id.loket.billing.UpstreamChecks} answering as each test says) and saves them, and pastes the shop's static
 * QRIS, which is refused with a bad CRC and saved when good. What is saved is read back through
 * {@link SettingsService}; the window's background work runs on threads of its own.
 */
@ExtendWith(ApplicationExtension.class)
class UpstreamSettingsTest {

    private static final KeyCodeCombination CTRL_7 =
            new KeyCodeCombination(KeyCode.DIGIT7, KeyCombination.CONTROL_DOWN);
    private static final KeyCodeCombination CTRL_TAB = new KeyCodeCombination(KeyCode.TAB, KeyCombination.CONTROL_DOWN);
    private static final KeyCodeCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final long WAIT_SECONDS = 30;
    private static final Access.SignedIn BUDI = new Access.SignedIn("budi", "Budi Santoso", true);

    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-background");
        t.setDaemon(true);
        return t;
    });
    private final UpstreamSettingsViewModelTest.FakeChecks checks = new UpstreamSettingsViewModelTest.FakeChecks();

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
        shop.users().setUp("Toko Budi", "budi", "Budi Santoso", "warung budi buka jam tujuh");
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdownNow();
        background.awaitTermination(10, TimeUnit.SECONDS);
        shop.ledger().close();
    }

    /** The window for {@code who}, its payment gateway and messenger tested by the fake. */
    private void show(Access.SignedIn who) throws Exception {
        UiContext context = withChecks(shop.contextFor(who, background, dir));
        WaitForAsyncUtils.asyncFx(() -> new MainWindow(context).show(stage)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theOwnerSeesTheThreeTabs(FxRobot robot) throws Exception {
        show(BUDI);
        robot.push(CTRL_7);
        waitUntil(node(robot, "#page-settings #usernameField", TextField.class)::isFocused);
        TabPane tabs = robot.lookup("#page-settings #tabs").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getId).containsSubsequence("networkTab", "paymentTab", "qrisTab",
                "messengerTab", "feesTab");
        assertThat(tabs.getTabs()).extracting(Tab::getText)
                .contains("Non-tunai", "QRIS toko", "WhatsApp");
    }

    @Test
    void aClerkHasNoneOfThemAndSoCannotSave(FxRobot robot) throws Exception {
        Operator owner = shop.users().find("budi").orElseThrow();
        String code = shop.users().registerClerk(owner, "ani", "Ani Setiawati").code();
        shop.users().activate("ani", code, "ani suka kopi tubruk pagi");
        show(new Access.SignedIn("ani", "Ani Setiawati", false));
        robot.push(CTRL_7);
        waitUntil(node(robot, "#page-settings #currentPasswordField", PasswordField.class)::isFocused);
        TabPane clerkTabs = robot.lookup("#page-settings #tabs").queryAs(TabPane.class);
        assertThat(clerkTabs.getTabs()).extracting(Tab::getId).containsExactly("passwordTab");
        assertThat(robot.lookup("#page-settings #midtransKeyField").tryQuery()).isEmpty();
        assertThat(robot.lookup("#page-settings #qrisPayloadField").tryQuery()).isEmpty();
        assertThat(robot.lookup("#page-settings #fonnteTokenField").tryQuery()).isEmpty();
    }

    @Test
    void theOwnerTestsMidtransFromTheKeyboardAndSavesIt(FxRobot robot) throws Exception {
        checks.gateway = new GatewayResult.Refused<>(new GatewayError(401, GatewayError.WRONG_KEY,
                "Access denied, please check client or server key"));
        show(BUDI);
        openTab(robot, "paymentTab");
        ComboBox<?> gateway = node(robot, "#page-settings #gatewayBox", ComboBox.class);
        waitUntil(gateway::isFocused);
        PasswordField key = node(robot, "#page-settings #midtransKeyField", PasswordField.class);
        assertThat(key.isDisabled()).as("the sandbox needs no key").isTrue();

        robot.type(KeyCode.DOWN);
        waitUntil(() -> "midtrans".equals(gateway.getValue()) && !key.isDisabled());
        robot.type(KeyCode.TAB);
        waitUntil(key::isFocused);
        assertThat(key.getPromptText()).isEqualTo("Server Key dari Dashboard Midtrans");
        robot.write("SB-Mid-server-rahasia123");
        robot.type(KeyCode.ENTER);
        TextField url = node(robot, "#page-settings #midtransUrlField", TextField.class);
        waitUntil(url::isFocused);
        assertThat(url.getText()).isEqualTo(SettingsService.MIDTRANS_DEFAULT_URL);
        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#page-settings #paymentTestMessage").startsWith("Server key ditolak Midtrans."));
        assertThat(text(robot, "#page-settings #paymentTestMessage")).doesNotContain("rahasia123")
                .contains("https://api.sandbox.midtrans.com");
        assertThat(checks.asked).containsExactly("gateway SB-Mid-server-rahasia123 https://api.midtrans.com");

        checks.gateway = new GatewayResult.NoAnswer<>("connect timed out");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#page-settings #paymentTestMessage")
                .startsWith("Tidak ada jawaban dari Midtrans (connect timed out)."));

        WaitForAsyncUtils.asyncFx(url::selectAll).get(10, TimeUnit.SECONDS);
        robot.write(SettingsService.MIDTRANS_SANDBOX_URL);
        checks.gateway = new GatewayResult.Answer<>("accepted, sandbox");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#page-settings #paymentTestMessage")
                .equals("Koneksi berhasil: Midtrans menerima server key ini (mode sandbox: TESTING, tanpa uang sungguhan)."));
        assertThat(shop.settingsService().paymentGateway()).as("a test saves nothing").isEqualTo("house");
        Screenshots.save(stage, "settings-payment-tested");

        robot.type(KeyCode.TAB);
        waitUntil(() -> robot.lookup("#page-settings #paymentTestButton").query().isFocused());
        robot.type(KeyCode.TAB);
        waitUntil(() -> robot.lookup("#page-settings #paymentSaveButton").query().isFocused());
        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#page-settings #paymentMessage").startsWith("Disimpan: Midtrans."));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#page-settings #paymentMessage")).contains("Tutup Loket lalu buka lagi");
        SettingsService saved = shop.settingsService();
        assertThat(saved.paymentGateway()).isEqualTo("midtrans");
        assertThat(saved.midtransServerKey()).contains("SB-Mid-server-rahasia123");
        assertThat(saved.midtransUrl()).isEqualTo(SettingsService.MIDTRANS_SANDBOX_URL);
        assertThat(key.getText()).as("the key is never shown after saving").isEmpty();
        assertThat(key.getPromptText()).startsWith("•••• tersimpan");
        Screenshots.save(stage, "settings-payment-saved");
    }

    @Test
    void aPastedQrisWithABadCrcIsRefusedAndAScannedGoodOneIsShownThenSaved(FxRobot robot) throws Exception {
        show(BUDI);
        openTab(robot, "qrisTab");
        TextField payload = node(robot, "#page-settings #qrisPayloadField", TextField.class);
        waitUntil(payload::isFocused);
        waitUntil(() -> text(robot, "#page-settings #qrisStored").equals("Belum ada QRIS statis yang tersimpan."));

        paste(robot, UpstreamSettingsViewModelTest.QRIS_BAD_CRC);
        waitUntil(() -> UpstreamSettingsViewModelTest.QRIS_BAD_CRC.equals(payload.getText()));
        waitUntil(() -> text(robot, "#page-settings #qrisCheck").startsWith("QRIS ditolak, tidak ada yang disimpan:"));
        assertThat(text(robot, "#page-settings #qrisCheck")).contains("Kode pemeriksa (CRC) tidak cocok");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(payload.isFocused()).as("a refused code is not offered for saving").isTrue();
        robot.clickOn("#qrisSaveButton");
        waitUntil(() -> text(robot, "#page-settings #qrisMessage").startsWith("QRIS tidak disimpan: isinya ditolak"));
        assertThat(text(robot, "#page-settings #qrisCheck")).contains("Kode pemeriksa (CRC) tidak cocok");
        assertThat(shop.settingsService().staticQris()).isEmpty();
        Screenshots.save(stage, "settings-qris-refused");

        WaitForAsyncUtils.asyncFx(payload::clear).get(10, TimeUnit.SECONDS);
        robot.clickOn(payload);
        robot.write(UpstreamSettingsViewModelTest.QRIS); // a barcode scanner types, then presses Enter
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#page-settings #qrisSaveButton").query().isFocused());
        assertThat(text(robot, "#page-settings #qrisCheck"))
                .isEqualTo("QRIS sah: Warung Sayur Bu Sugeng, Kab. Demak, NMID …1473. Periksa nama dan kotanya, lalu"
                        + " tekan Simpan.");
        assertThat(shop.settingsService().staticQris()).as("shown before saving, not saved").isEmpty();
        Screenshots.save(stage, "settings-qris-valid");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#page-settings #qrisMessage").startsWith("Disimpan: QRIS Warung Sayur Bu Sugeng"));
        assertThat(shop.settingsService().staticQris()).contains(UpstreamSettingsViewModelTest.QRIS);
        assertThat(text(robot, "#page-settings #qrisStored"))
                .isEqualTo("Tersimpan sekarang: Warung Sayur Bu Sugeng, Kab. Demak, NMID …1473");
    }

    @Test
    void theOwnerChoosesFonnteTestsItWithANumberAndSavesIt(FxRobot robot) throws Exception {
        checks.messenger = new GatewayResult.Answer<>(new MessageReceipt("88123", "queued"));
        show(BUDI);
        openTab(robot, "messengerTab");
        ComboBox<?> messenger = node(robot, "#page-settings #messengerBox", ComboBox.class);
        waitUntil(messenger::isFocused);
        PasswordField token = node(robot, "#page-settings #fonnteTokenField", PasswordField.class);
        waitUntil(() -> "house".equals(messenger.getValue()) && token.isDisabled());

        robot.type(KeyCode.DOWN);
        waitUntil(() -> "fonnte".equals(messenger.getValue()) && !token.isDisabled());
        robot.type(KeyCode.TAB);
        waitUntil(token::isFocused);
        robot.write("tokenFonnteRahasia");
        robot.type(KeyCode.ENTER);
        waitUntil(node(robot, "#page-settings #fonnteUrlField", TextField.class)::isFocused);
        robot.type(KeyCode.ENTER);
        TextField phone = node(robot, "#page-settings #testPhoneField", TextField.class);
        waitUntil(phone::isFocused);
        robot.write("0812 3456 7890");
        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#page-settings #messengerTestMessage")
                .equals("Koneksi berhasil: Fonnte menerima pesan tes untuk 081234567890 (status: queued). Periksa"
                        + " WhatsApp di nomor itu."));
        assertThat(checks.asked).containsExactly("messenger tokenFonnteRahasia https://api.fonnte.com 081234567890");
        assertThat(shop.settingsService().messenger()).as("a test saves nothing").isEqualTo("house");
        Screenshots.save(stage, "settings-messenger-tested");

        robot.type(KeyCode.TAB);
        waitUntil(() -> robot.lookup("#page-settings #messengerTestButton").query().isFocused());
        robot.type(KeyCode.TAB);
        waitUntil(() -> robot.lookup("#page-settings #messengerSaveButton").query().isFocused());
        robot.type(KeyCode.ENTER);

        waitUntil(() -> text(robot, "#page-settings #messengerMessage").startsWith("Disimpan: Fonnte."));
        WaitForAsyncUtils.waitForFxEvents();
        SettingsService saved = shop.settingsService();
        assertThat(saved.messenger()).isEqualTo("fonnte");
        assertThat(saved.fonnteToken()).contains("tokenFonnteRahasia");
        assertThat(token.getText()).isEmpty();
        assertThat(token.getPromptText()).startsWith("•••• tersimpan");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Opens Settings, moves to the tab {@code id} with Ctrl+Tab and lets Ctrl+7 focus its first field. */
    private void openTab(FxRobot robot, String id) throws Exception {
        robot.push(CTRL_7);
        waitUntil(node(robot, "#page-settings #usernameField", TextField.class)::isFocused);
        TabPane tabs = robot.lookup("#page-settings #tabs").queryAs(TabPane.class);
        for (int i = 0; i < 10 && !id.equals(selectedTab(tabs)); i++) {
            robot.push(CTRL_TAB);
        }
        assertThat(selectedTab(tabs)).isEqualTo(id);
        robot.push(CTRL_7);
    }

    /**
     * {@code context} with the fake checks: every other component copied as it is (through the record's canonical
     * constructor, so a component added to the context later needs no change here).
     */
    private UiContext withChecks(UiContext context) throws ReflectiveOperationException {
        RecordComponent[] parts = UiContext.class.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] values = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            values[i] = parts[i].getName().equals("upstreamChecks") ? checks : parts[i].getAccessor().invoke(context);
        }
        return UiContext.class.getDeclaredConstructor(types).newInstance(values);
    }

    private static void paste(FxRobot robot, String text) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }).get(10, TimeUnit.SECONDS);
        robot.push(PASTE);
    }

    private static String selectedTab(TabPane tabs) throws Exception {
        Tab selected = WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().getSelectedItem()).get(10,
                TimeUnit.SECONDS);
        return selected == null ? "" : selected.getId();
    }

    private static <T extends Node> T node(FxRobot robot, String query, Class<T> type) throws TimeoutException {
        AtomicReference<T> found = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> {
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
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
    }
}
