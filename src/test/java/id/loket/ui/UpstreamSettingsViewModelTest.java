package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.MessageReceipt;
import id.loket.billing.UpstreamChecks;
import id.loket.qris.Crc16;
import id.loket.qris.DynamicQris;
import id.loket.qris.QrisPayload;
import id.loket.settings.SettingsService;
import id.loket.users.Operator;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payment gateway, static QRIS and messenger tabs' rules without the toolkit, against the real settings and
 * operators over a real SQLite ledger and a fake {@link UpstreamChecks}: the work runs at once on the test's thread
 * (direct executors), so every assertion sees the outcome.
 */
class UpstreamSettingsViewModelTest {

    static final String QRIS = "00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014"
            + "ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Demak"
            + "610559567630458C7";
    /** The same code with its last CRC digit mistyped. */
    static final String QRIS_BAD_CRC = QRIS.substring(0, QRIS.length() - 1) + "8";

    private static final Access.SignedIn BUDI = new Access.SignedIn("budi", "Budi Santoso", true);
    private static final String OWNER_PASSWORD = "warung budi buka jam tujuh";
    private static final ResourceBundle INDONESIAN = Bundles.load(SettingsService.INDONESIAN);
    private static final ResourceBundle ENGLISH = Bundles.load(SettingsService.ENGLISH);

    @TempDir
    Path dir;

    private TestContexts shop;
    private final FakeChecks checks = new FakeChecks();

    @BeforeEach
    void setUp() {
        shop = TestContexts.shop().ledgerIn(dir);
        shop.users().setUp("Toko Budi", "budi", "Budi Santoso", OWNER_PASSWORD);
    }

    @AfterEach
    void closeLedger() {
        shop.ledger().close();
    }

    private UpstreamSettingsViewModel page(Access.SignedIn who) {
        return new UpstreamSettingsViewModel(shop.settingsService(), shop.users(), checks, who, Runnable::run,
                Runnable::run);
    }

    private UpstreamSettingsViewModel ownerPage() {
        UpstreamSettingsViewModel page = page(BUDI);
        page.payment().activate();
        page.qris().activate();
        page.messenger().activate();
        return page;
    }

    // ---- the payment gateway ------------------------------------------------------------------------------------

    @Test
    void midtransIsTestedWithWhatIsTypedAndEachAnswerIsSaidInWords() {
        UpstreamSettingsViewModel.PaymentGateway payment = ownerPage().payment();
        assertThat(payment.gateway().get()).isEqualTo("house");
        assertThat(payment.url().get()).isEqualTo(SettingsService.MIDTRANS_DEFAULT_URL);

        payment.gateway().set("midtrans");
        payment.test();
        assertThat(payment.testStatus().message().get()).isEqualTo(Message.of("settings.payment.key.missing"));
        assertThat(checks.asked).isEmpty();

        payment.serverKey().set("SB-Mid-server-rahasia123");
        payment.url().set(SettingsService.MIDTRANS_SANDBOX_URL);
        checks.gateway = new GatewayResult.Answer<>("accepted, sandbox");
        payment.test();
        assertThat(checks.asked)
                .containsExactly("gateway SB-Mid-server-rahasia123 " + SettingsService.MIDTRANS_SANDBOX_URL);
        assertThat(payment.testStatus().isError().get()).isFalse();
        assertThat(payment.testStatus().message().get().in(INDONESIAN))
                .isEqualTo("Koneksi berhasil: Midtrans menerima server key ini (mode sandbox: TESTING, tanpa uang sungguhan).");

        checks.gateway = new GatewayResult.Refused<>(new GatewayError(401, GatewayError.WRONG_KEY,
                "Unknown Merchant server_key/id SB-Mid-server-rahasia123"));
        payment.test();
        assertThat(payment.testStatus().isError().get()).isTrue();
        assertThat(payment.testStatus().message().get().in(INDONESIAN))
                .startsWith("Server key ditolak Midtrans.")
                .contains("Settings > Access Keys")
                .doesNotContain("rahasia123");

        checks.gateway = new GatewayResult.Refused<>(new GatewayError(0, GatewayError.CONFIGURATION_ERROR,
                "the address is not Midtrans"));
        payment.test();
        assertThat(payment.testStatus().message().get().in(ENGLISH))
                .isEqualTo("These settings cannot be used: the address is not Midtrans");

        checks.gateway = new GatewayResult.NoAnswer<>("connect timed out");
        payment.test();
        assertThat(payment.testStatus().isError().get()).isTrue();
        assertThat(payment.testStatus().message().get().in(INDONESIAN))
                .startsWith("Tidak ada jawaban dari Midtrans (connect timed out).");

        checks.gatewayFailure = new IllegalStateException("broken with SB-Mid-server-rahasia123");
        payment.test();
        assertThat(payment.testStatus().message().get())
                .isEqualTo(Message.of("settings.upstream.test.failed", "broken with ****"));

        assertThat(shop.settingsService().paymentGateway()).as("a test saves nothing").isEqualTo("house");
        assertThat(shop.settingsService().midtransServerKey()).isEmpty();
    }

    @Test
    void savingMidtransStoresTheKeyWhichIsNeverShownAgainAndAnEmptyFieldKeepsIt() {
        UpstreamSettingsViewModel.PaymentGateway payment = ownerPage().payment();
        payment.gateway().set("midtrans");
        payment.save();
        assertThat(payment.status().message().get()).isEqualTo(Message.of("settings.payment.key.missing"));
        assertThat(shop.settingsService().paymentGateway()).isEqualTo("house");

        payment.serverKey().set("Mid-server-kunci-produksi");
        payment.save();

        SettingsService saved = shop.settingsService();
        assertThat(saved.paymentGateway()).isEqualTo("midtrans");
        assertThat(saved.midtransServerKey()).contains("Mid-server-kunci-produksi");
        assertThat(saved.midtransUrl()).isEqualTo(SettingsService.MIDTRANS_DEFAULT_URL);
        assertThat(payment.serverKey().get()).as("the key is gone from the field").isEmpty();
        assertThat(payment.keyStored().get()).isTrue();
        assertThat(payment.status().message().get().in(INDONESIAN))
                .startsWith("Disimpan: Midtrans. Tutup Loket lalu buka lagi");

        UpstreamSettingsViewModel again = ownerPage();
        assertThat(again.payment().gateway().get()).isEqualTo("midtrans");
        assertThat(again.payment().serverKey().get()).as("the stored key is never read into the field").isEmpty();
        assertThat(again.payment().keyStored().get()).isTrue();
        checks.gateway = new GatewayResult.Answer<>("accepted, production");
        again.payment().test();
        assertThat(checks.asked).last().as("an empty field tests the stored key")
                .isEqualTo("gateway Mid-server-kunci-produksi " + SettingsService.MIDTRANS_DEFAULT_URL);

        again.payment().gateway().set("house");
        again.payment().save();
        assertThat(saved.paymentGateway()).isEqualTo("house");
        assertThat(saved.midtransServerKey()).as("going back keeps the key").contains("Mid-server-kunci-produksi");
        assertThat(again.payment().status().message().get()).isEqualTo(Message.of("settings.payment.saved.house"));
    }

    @Test
    void anAddressThatIsNotHttpsIsRefusedBeforeAnythingIsAsked() {
        UpstreamSettingsViewModel.PaymentGateway payment = ownerPage().payment();
        payment.gateway().set("midtrans");
        payment.serverKey().set("Mid-server-x");
        payment.url().set("http://api.midtrans.com");
        payment.test();
        assertThat(payment.testStatus().message().get())
                .isEqualTo(Message.of("settings.upstream.url.invalid", "http://api.midtrans.com"));
        payment.url().set("http://127.0.0.1:8089");
        checks.gateway = new GatewayResult.Answer<>("simulator");
        payment.test();
        assertThat(checks.asked).containsExactly("gateway Mid-server-x http://127.0.0.1:8089");
    }

    @Test
    void aClerkCannotSaveAndNothingChanges() {
        Operator owner = shop.users().find("budi").orElseThrow();
        String code = shop.users().registerClerk(owner, "ani", "Ani Setiawati").code();
        shop.users().activate("ani", code, "ani suka kopi tubruk pagi");
        UpstreamSettingsViewModel page = page(new Access.SignedIn("ani", "Ani Setiawati", false));
        page.payment().activate();
        page.qris().activate();
        page.messenger().activate();
        assertThat(page.isOwner()).isFalse();

        page.payment().gateway().set("midtrans");
        page.payment().serverKey().set("Mid-server-curian");
        page.payment().save();
        page.qris().payload().set(QRIS);
        page.qris().save();
        page.messenger().kind().set("none");
        page.messenger().save();

        for (ActionStatus status : List.of(page.payment().status(), page.qris().status(),
                page.messenger().status())) {
            assertThat(status.isError().get()).isTrue();
            assertThat(status.message().get().key()).isEqualTo("settings.refused.permission");
        }
        SettingsService saved = shop.settingsService();
        assertThat(saved.paymentGateway()).isEqualTo("house");
        assertThat(saved.midtransServerKey()).isEmpty();
        assertThat(saved.staticQris()).isEmpty();
        assertThat(saved.messenger()).isEqualTo("house");
    }

    // ---- the static QRIS ----------------------------------------------------------------------------------------

    @Test
    void aGoodStaticQrisShowsItsMerchantBeforeItIsSaved() {
        UpstreamSettingsViewModel.StaticQris qris = ownerPage().qris();
        assertThat(qris.stored().get()).isEqualTo(Message.of("settings.qris.none"));
        assertThat(qris.qrisStored().get()).isFalse();

        qris.payload().set("  " + QRIS + "\n");
        assertThat(qris.valid().get()).isTrue();
        assertThat(qris.check().get().in(INDONESIAN))
                .isEqualTo("QRIS sah: Warung Sayur Bu Sugeng, Kab. Demak, NMID …1473. Periksa nama dan kotanya, lalu"
                        + " tekan Simpan.");
        assertThat(shop.settingsService().staticQris()).as("checking saves nothing").isEmpty();

        qris.save();
        assertThat(shop.settingsService().staticQris()).contains(QRIS);
        assertThat(qris.status().isError().get()).isFalse();
        assertThat(qris.status().message().get().in(ENGLISH))
                .isEqualTo("Saved: QRIS Warung Sayur Bu Sugeng, Kab. Demak, NMID …1473. Used once Loket is closed and"
                        + " opened again.");
        assertThat(qris.stored().get().in(INDONESIAN))
                .isEqualTo("Tersimpan sekarang: Warung Sayur Bu Sugeng, Kab. Demak, NMID …1473");

        UpstreamSettingsViewModel.StaticQris again = ownerPage().qris();
        assertThat(again.payload().get()).as("the sticker's code is no secret").isEqualTo(QRIS);
        assertThat(again.qrisStored().get()).isTrue();
        again.remove();
        assertThat(shop.settingsService().staticQris()).isEmpty();
        assertThat(again.status().message().get()).isEqualTo(Message.of("settings.qris.removed"));
        assertThat(again.stored().get()).isEqualTo(Message.of("settings.qris.none"));
    }

    @Test
    void aBadCrcAMissingTagOrADynamicCodeIsRefusedAndNothingIsSaved() {
        UpstreamSettingsViewModel.StaticQris qris = ownerPage().qris();

        qris.payload().set(QRIS_BAD_CRC);
        assertThat(qris.valid().get()).isFalse();
        assertThat(qris.check().get()).isEqualTo(Message.of("settings.qris.refused",
                Message.of("settings.qris.reason.BAD_CRC")));
        assertThat(UpstreamTabTexts.words(qris.check().get(), INDONESIAN))
                .isEqualTo("QRIS ditolak, tidak ada yang disimpan: Kode pemeriksa (CRC) tidak cocok: isinya salah ketik"
                        + " atau diubah. Salin atau pindai lagi dari stiker.");
        qris.save();
        assertThat(qris.status().isError().get()).isTrue();
        assertThat(qris.status().message().get()).isEqualTo(Message.of("settings.qris.notSaved"));
        assertThat(shop.settingsService().staticQris()).isEmpty();

        String withoutName = QRIS.substring(0, QRIS.indexOf("5922")) + QRIS.substring(QRIS.indexOf("6010"),
                QRIS.length() - 4);
        qris.payload().set(withoutName + Crc16.hex(withoutName));
        assertThat(qris.status().message().get()).as("an edit clears what was said before").isEqualTo(Message.NONE);
        qris.save();
        assertThat(qris.status().message().get()).isEqualTo(Message.of("settings.qris.notSaved"));
        assertThat(qris.check().get()).isEqualTo(Message.of("settings.qris.refused",
                Message.of("settings.qris.reason.MISSING_TAG")));
        assertThat(UpstreamTabTexts.words(qris.check().get(), ENGLISH))
                .startsWith("QRIS refused, nothing was saved: A part every QRIS must have is missing");

        qris.payload().set(DynamicQris.of(QrisPayload.parse(QRIS), 25_000).text());
        qris.save();
        assertThat(qris.check().get()).isEqualTo(Message.of("settings.qris.refused",
                Message.of("settings.qris.reason.NOT_STATIC")));
        assertThat(shop.settingsService().staticQris()).isEmpty();

        qris.payload().set("");
        assertThat(qris.check().get()).isEqualTo(Message.NONE);
        qris.save();
        assertThat(qris.status().message().get()).isEqualTo(Message.of("settings.qris.missing"));
        assertThat(shop.settingsService().staticQris()).isEmpty();
    }

    @Test
    void everyRefusalReasonHasWordsInBothLanguages() {
        for (id.loket.qris.QrisException.Reason reason : id.loket.qris.QrisException.Reason.values()) {
            assertThat(INDONESIAN.getString("settings.qris.reason." + reason.name())).isNotBlank();
            assertThat(ENGLISH.getString("settings.qris.reason." + reason.name())).isNotBlank();
        }
    }

    // ---- the messenger ------------------------------------------------------------------------------------------

    @Test
    void fonnteIsTestedWithATestNumberAndSaved() {
        UpstreamSettingsViewModel.Messenger messenger = ownerPage().messenger();
        assertThat(messenger.kind().get()).isEqualTo("house");
        messenger.test();
        assertThat(messenger.testStatus().message().get()).isEqualTo(Message.of("settings.messenger.test.house"));

        messenger.kind().set("fonnte");
        messenger.token().set("tokenFonnteRahasia");
        messenger.testPhone().set("0812");
        messenger.test();
        assertThat(messenger.testStatus().message().get()).isEqualTo(Message.of("settings.messenger.phone.invalid"));
        assertThat(checks.asked).isEmpty();

        messenger.testPhone().set("0812-3456-7890");
        checks.messenger = new GatewayResult.Answer<>(new MessageReceipt("88123", "queued"));
        messenger.test();
        assertThat(checks.asked).containsExactly("messenger tokenFonnteRahasia " + SettingsService.FONNTE_DEFAULT_URL
                + " 081234567890");
        assertThat(messenger.testStatus().isError().get()).isFalse();
        assertThat(messenger.testStatus().message().get().in(INDONESIAN))
                .isEqualTo("Koneksi berhasil: Fonnte menerima pesan tes untuk 081234567890 (status: queued). Periksa"
                        + " WhatsApp di nomor itu.");

        checks.messenger = new GatewayResult.Refused<>(new GatewayError(200, GatewayError.WRONG_KEY, "invalid token"));
        messenger.test();
        assertThat(messenger.testStatus().message().get())
                .isEqualTo(Message.of("settings.messenger.test.wrongKey", "invalid token"));
        checks.messenger = new GatewayResult.NoAnswer<>("connection refused");
        messenger.test();
        assertThat(messenger.testStatus().message().get())
                .isEqualTo(Message.of("settings.messenger.test.noAnswer", "connection refused"));
        assertThat(shop.settingsService().messenger()).as("a test saves nothing").isEqualTo("house");

        messenger.save();
        SettingsService saved = shop.settingsService();
        assertThat(saved.messenger()).isEqualTo("fonnte");
        assertThat(saved.fonnteToken()).contains("tokenFonnteRahasia");
        assertThat(messenger.token().get()).isEmpty();
        assertThat(messenger.tokenStored().get()).isTrue();
        assertThat(messenger.status().message().get()).isEqualTo(Message.of("settings.messenger.saved.fonnte"));

        messenger.kind().set("none");
        messenger.save();
        assertThat(saved.messenger()).isEqualTo("none");
        assertThat(messenger.status().message().get().in(ENGLISH))
                .isEqualTo("Saved: no messenger. Once Loket is closed and opened again, codes and receipts are not"
                        + " sent.");
    }

    @Test
    void anAnswerAboutAFormThatChangedMeanwhileIsNotShown() {
        List<Runnable> later = new CopyOnWriteArrayList<>();
        UpstreamSettingsViewModel page = new UpstreamSettingsViewModel(shop.settingsService(), shop.users(), checks,
                BUDI, later::add, Runnable::run);
        UpstreamSettingsViewModel.Messenger messenger = page.messenger();
        messenger.kind().set("fonnte");
        messenger.token().set("tokenA");
        messenger.testPhone().set("081234567890");
        checks.messenger = new GatewayResult.Answer<>(new MessageReceipt("1", "queued"));
        messenger.test();
        assertThat(messenger.testStatus().busy().get()).isTrue();
        messenger.token().set("tokenB");
        later.forEach(Runnable::run);
        assertThat(messenger.testStatus().busy().get()).isFalse();
        assertThat(messenger.testStatus().message().get()).isEqualTo(Message.NONE);
    }

    /** Answers as the test sets it, and notes what it was asked. */
    static final class FakeChecks implements UpstreamChecks {

        final List<String> asked = new CopyOnWriteArrayList<>();
        volatile GatewayResult<String> gateway = new GatewayResult.NoAnswer<>("not set");
        volatile GatewayResult<MessageReceipt> messenger = new GatewayResult.NoAnswer<>("not set");
        volatile RuntimeException gatewayFailure;

        @Override
        public GatewayResult<String> testPaymentGateway(String serverKey, String url) {
            if (gatewayFailure != null) {
                throw gatewayFailure;
            }
            asked.add("gateway " + serverKey + " " + url);
            return gateway;
        }

        @Override
        public GatewayResult<MessageReceipt> testMessenger(String token, String url, String testPhone) {
            asked.add("messenger " + token + " " + url + " " + testPhone);
            return messenger;
        }
    }
}
