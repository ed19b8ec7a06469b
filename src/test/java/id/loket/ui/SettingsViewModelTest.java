package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.billing.BillingService;
import id.loket.billing.Charge;
import id.loket.billing.ChargeRequest;
import id.loket.billing.ConnectionTest;
import id.loket.billing.DepositBalance;
import id.loket.billing.GatewayError;
import id.loket.testing.AllUpstreams;
import id.loket.billing.GatewayResult;
import id.loket.billing.Inquiry;
import id.loket.billing.InquiryRequest;
import id.loket.billing.NetworkAccount;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import id.loket.billing.PaymentRequest;
import id.loket.billing.PaymentResult;
import id.loket.billing.SettlementSummary;
import id.loket.core.Biller;
import id.loket.core.BillerCategory;
import id.loket.core.BillerKind;
import id.loket.core.Money;
import id.loket.settings.SettingsService;
import id.loket.users.AuditAction;
import id.loket.users.Operator;
import id.loket.users.OperatorStatus;
import id.loket.users.UserException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings page's rules without the toolkit, against the real services over a real SQLite ledger: the work
 * runs at once on the test's thread (direct executors), so every assertion sees the outcome.
 */
class SettingsViewModelTest {

    private static final String OWNER_PASSWORD = "warung budi buka jam tujuh";
    private static final String ANI_PASSWORD = "ani suka kopi tubruk pagi";
    private static final Access.SignedIn BUDI = new Access.SignedIn("budi", "Budi Santoso", true);

    @TempDir
    Path dir;

    private TestContexts shop;
    private CatalogGateway gateway;
    private final FakeConnectionTest connection = new FakeConnectionTest();

    @BeforeEach
    void setUp() {
        shop = TestContexts.shop().ledgerIn(dir);
        shop.users().setUp("Toko Budi", "budi", "Budi Santoso", OWNER_PASSWORD);
        gateway = new CatalogGateway(new GatewayResult.Answer<>(List.of(
                biller("PLN_POSTPAID", BillerCategory.ELECTRICITY, "PLN Pascabayar", 2_500),
                biller("PDAM_BDG", BillerCategory.WATER, "PDAM Kota Bandung", 2_000),
                biller("PLN_PREPAID", BillerCategory.ELECTRICITY, "PLN Token", 0))));
    }

    @AfterEach
    void closeLedger() {
        shop.ledger().close();
    }

    private SettingsViewModel page(Access.SignedIn who) {
        return new SettingsViewModel(shop.users(), shop.audit(), shop.settingsService(), new BillingService(gateway),
                connection, who, shop.calendar(), Runnable::run, Runnable::run, () -> List.of("EPSON TM-T82", "XP-58"));
    }

    private SettingsViewModel ownerPage() {
        SettingsViewModel page = page(BUDI);
        page.activate();
        return page;
    }

    // ---- operators ----------------------------------------------------------------------------------------------

    @Test
    void registeringAClerkShowsACodeOnceThatActivatesTheClerk() {
        SettingsViewModel page = ownerPage();
        assertThat(page.operators()).extracting(SettingsViewModel.OperatorRow::username).containsExactly("budi");

        page.newUsername().set("ani");
        page.newDisplayName().set("Ani Setiawati");
        page.registerClerk();

        SettingsViewModel.CodeNotice code = page.code().get();
        assertThat(code).isNotNull();
        assertThat(code.username()).isEqualTo("ani");
        assertThat(code.reset()).isFalse();
        assertThat(code.code()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}");
        assertThat(page.usersStatus().message().get()).isEqualTo(Message.of("settings.register.done", "ani"));
        assertThat(page.usersStatus().isError().get()).isFalse();
        assertThat(page.newUsername().get()).as("the form is ready for the next clerk").isEmpty();
        assertThat(page.operators()).extracting(SettingsViewModel.OperatorRow::username, r -> r.status())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("budi", OperatorStatus.ACTIVE),
                        org.assertj.core.groups.Tuple.tuple("ani", OperatorStatus.PENDING_ACTIVATION));

        Operator ani = shop.users().activate("ani", code.code(), ANI_PASSWORD);
        assertThat(ani.status()).isEqualTo(OperatorStatus.ACTIVE);

        page.deactivate();
        assertThat(page.code().get()).as("the code is gone once the page is left").isNull();
    }

    @Test
    void aTakenOrEmptyUsernameIsRefusedWithAMessage() {
        SettingsViewModel page = ownerPage();
        page.registerClerk();
        assertThat(page.usersStatus().message().get()).isEqualTo(Message.of("settings.register.missing"));

        page.newUsername().set("budi");
        page.newDisplayName().set("Budi Lagi");
        page.registerClerk();

        assertThat(page.usersStatus().message().get().key()).isEqualTo("settings.refused.USERNAME_TAKEN");
        assertThat(page.usersStatus().isError().get()).isTrue();
        assertThat(page.code().get()).isNull();
        assertThat(page.operators()).hasSize(1);
    }

    @Test
    void disablingAClerkWaitsForTheOwnersYes() {
        SettingsViewModel page = ownerPage();
        register(page, "ani", "Ani Setiawati");
        SettingsViewModel.OperatorRow ani = row(page, "ani");
        assertThat(ani.canDisable()).isTrue();
        assertThat(row(page, "budi").canDisable()).as("the owner").isFalse();

        page.requestDisable(ani);
        assertThat(page.pending().get()).isEqualTo(
                new SettingsViewModel.Pending(SettingsViewModel.PendingKind.DISABLE, "ani", "Ani Setiawati"));
        page.cancelPending();
        assertThat(shop.users().find("ani").orElseThrow().status()).isEqualTo(OperatorStatus.PENDING_ACTIVATION);

        page.requestDisable(ani);
        page.confirmPending();

        assertThat(page.pending().get()).isNull();
        assertThat(shop.users().find("ani").orElseThrow().status()).isEqualTo(OperatorStatus.DISABLED);
        assertThat(row(page, "ani").status()).isEqualTo(OperatorStatus.DISABLED);
        assertThat(page.usersStatus().message().get()).isEqualTo(Message.of("settings.disable.done", "ani"));
    }

    @Test
    void aResetGivesANewCodeAndTheOldPasswordStopsWorking() {
        SettingsViewModel page = ownerPage();
        String first = register(page, "ani", "Ani Setiawati");
        shop.users().activate("ani", first, ANI_PASSWORD);
        page.refreshOperators();

        page.requestReset(row(page, "ani"));
        page.confirmPending();

        SettingsViewModel.CodeNotice code = page.code().get();
        assertThat(code.reset()).isTrue();
        assertThat(code.code()).isNotEqualTo(first);
        assertThat(page.usersStatus().message().get()).isEqualTo(Message.of("settings.reset.done", "ani"));
        assertThatThrownBy(() -> shop.users().signIn("ani", ANI_PASSWORD)).isInstanceOf(UserException.class)
                .extracting(e -> ((UserException) e).reason()).isEqualTo(UserException.Reason.NOT_ACTIVATED);
        assertThat(shop.users().activate("ani", code.code(), "ani minum teh manis sore").status())
                .isEqualTo(OperatorStatus.ACTIVE);
    }

    @Test
    void aClerkIsRefusedByTheServicesAndChangesOnlyTheirOwnPassword() {
        String code = shop.users().registerClerk(owner(), "ani", "Ani Setiawati").code();
        shop.users().activate("ani", code, ANI_PASSWORD);
        SettingsViewModel page = page(new Access.SignedIn("ani", "Ani Setiawati", false));
        page.activate();

        assertThat(page.isOwner()).isFalse();
        assertThat(page.operators()).as("nothing of the owner's is read for a clerk").isEmpty();
        assertThat(page.usersStatus().message().get()).isEqualTo(Message.NONE);

        page.newUsername().set("eko");
        page.newDisplayName().set("Eko Prasetyo");
        page.registerClerk();
        assertThat(page.usersStatus().message().get().key()).isEqualTo("settings.refused.permission");
        assertThat(page.code().get()).isNull();
        assertThat(shop.users().find("eko")).isEmpty();

        page.shopName().set("Toko Ani");
        page.saveShop();
        assertThat(page.shopStatus().message().get().key()).isEqualTo("settings.refused.permission");
        assertThat(shop.settingsService().shopName()).isEqualTo("Toko Budi");

        page.searchAudit();
        assertThat(page.auditStatus().message().get().key()).isEqualTo("settings.refused.permission");
        assertThat(page.auditRows()).isEmpty();

        page.currentPassword().set(ANI_PASSWORD);
        page.newPassword().set("ani pindah ke meja dua");
        page.repeatPassword().set("ani pindah ke meja dua");
        page.changePassword();
        assertThat(page.passwordStatus().message().get()).isEqualTo(Message.of("settings.password.done"));
        assertThat(shop.users().signIn("ani", "ani pindah ke meja dua").username()).isEqualTo("ani");
    }

    @Test
    void passwordMistakesAreSaidBeforeAndByTheService() {
        SettingsViewModel page = ownerPage();
        page.changePassword();
        assertThat(page.passwordStatus().message().get()).isEqualTo(Message.of("settings.password.missing"));

        page.currentPassword().set(OWNER_PASSWORD);
        page.newPassword().set("budi jual pulsa murah");
        page.repeatPassword().set("budi jual pulsa mura");
        page.changePassword();
        assertThat(page.passwordStatus().message().get()).isEqualTo(Message.of("settings.password.mismatch"));

        page.currentPassword().set("not my password at all");
        page.repeatPassword().set("budi jual pulsa murah");
        page.changePassword();
        assertThat(page.passwordStatus().message().get().key()).isEqualTo("settings.refused.WRONG_PASSWORD");
        assertThat(page.passwordStatus().isError().get()).isTrue();
        assertThat(shop.users().signIn("budi", OWNER_PASSWORD).username()).isEqualTo("budi");
    }

    // ---- audit log ----------------------------------------------------------------------------------------------

    @Test
    void theAuditLogIsFilteredAndNewestFirst() {
        SettingsViewModel page = ownerPage();
        register(page, "ani", "Ani Setiawati");
        register(page, "eko", "Eko Prasetyo");
        page.searchAudit();
        assertThat(page.auditRows()).extracting(SettingsViewModel.AuditRow::action)
                .startsWith(AuditAction.USER_REGISTERED, AuditAction.USER_REGISTERED).contains(AuditAction.SET_UP);
        assertThat(page.auditOperatorChoices()).containsExactly(Optional.empty(), Optional.of("budi"),
                Optional.of("ani"), Optional.of("eko"));

        page.auditAction().set(Optional.of(AuditAction.USER_REGISTERED));

        assertThat(page.auditRows()).extracting(r -> r.subject().orElseThrow()).containsExactly("eko", "ani");
        assertThat(page.auditRows()).allSatisfy(r -> assertThat(r.operator()).contains("budi"));
        assertThat(page.auditStatus().message().get()).isEqualTo(Message.of("settings.audit.summary", 2L));

        page.auditOperator().set(Optional.of("ani"));
        assertThat(page.auditRows()).isEmpty();
        assertThat(page.auditStatus().message().get()).isEqualTo(Message.of("settings.audit.empty"));

        page.auditOperator().set(Optional.empty());
        LocalDate tomorrow = shop.calendar().today().plusDays(1);
        page.auditFrom().set(tomorrow);
        page.auditTo().set(tomorrow);
        assertThat(page.auditRows()).isEmpty();

        page.auditFrom().set(tomorrow.plusDays(1));
        assertThat(page.auditStatus().message().get()).isEqualTo(Message.of("settings.audit.dateOrder"));
        assertThat(page.auditStatus().isError().get()).isTrue();
    }

    // ---- shop and receipts --------------------------------------------------------------------------------------

    @Test
    void theShopsSettingsAreSavedThroughTheServiceAndReadBack() {
        SettingsViewModel page = ownerPage();
        assertThat(page.shopName().get()).isEqualTo("Toko Budi");
        assertThat(page.printer().get()).isEqualTo(SettingsViewModel.PrinterChoice.NONE);
        assertThat(page.printerChoices()).extracting(c -> c.name().orElse("-"))
                .containsExactly("-", "EPSON TM-T82", "XP-58");
        assertThat(page.paperWidth().get()).isEqualTo(58);
        assertThat(page.verifiedAboveText().get()).isEqualTo("5000000");
        assertThat(page.lockAfter().get()).isEqualTo(Message.of("settings.shop.lock.minutes", 5L));

        page.shopName().set("Toko Budi Jaya");
        page.shopAddress().set("Jl. Merdeka 10, Bandung");
        page.printer().set(page.printerChoices().get(1));
        page.paperWidth().set(80);
        page.verifiedAboveText().set("Rp 2.500.000");
        page.saveShop();

        assertThat(page.shopStatus().message().get()).isEqualTo(Message.of("settings.shop.saved"));
        SettingsService saved = shop.settingsService();
        assertThat(saved.shopName()).isEqualTo("Toko Budi Jaya");
        assertThat(saved.shopAddress()).isEqualTo("Jl. Merdeka 10, Bandung");
        assertThat(saved.receiptPrinter()).contains("EPSON TM-T82");
        assertThat(saved.receiptPaperMillimetres()).isEqualTo(80);
        assertThat(saved.verifiedCustomerAbove()).isEqualTo(Money.of(2_500_000));

        SettingsViewModel again = ownerPage();
        assertThat(again.shopName().get()).isEqualTo("Toko Budi Jaya");
        assertThat(again.shopAddress().get()).isEqualTo("Jl. Merdeka 10, Bandung");
        assertThat(again.printer().get().name()).contains("EPSON TM-T82");
        assertThat(again.paperWidth().get()).isEqualTo(80);
        assertThat(again.verifiedAboveText().get()).isEqualTo("2500000");
    }

    @Test
    void badInputIsRefusedAndNothingIsSaved() {
        SettingsViewModel page = ownerPage();
        page.verifiedAboveText().set("lima juta");
        assertThat(page.verifiedAboveProblem().get()).isEqualTo(Message.of("settings.shop.verifiedAbove.invalid"));
        page.shopName().set("Toko Baru");
        page.saveShop();
        assertThat(page.shopStatus().isError().get()).isTrue();

        page.verifiedAboveText().set("0");
        page.shopName().set("   ");
        page.saveShop();
        assertThat(page.shopStatus().message().get()).isEqualTo(Message.of("settings.shop.name.missing"));
        assertThat(shop.settingsService().shopName()).isEqualTo("Toko Budi");
        assertThat(shop.settingsService().verifiedCustomerAbove()).isEqualTo(Money.of(5_000_000));
    }

    @Test
    void aPrinterThatIsNotInstalledStaysChosenAndSaysSo() {
        shop.settingsService().setReceiptPrinter(owner(), Optional.of("Kasir-Lama"));
        SettingsViewModel page = ownerPage();
        assertThat(page.printer().get()).isEqualTo(new SettingsViewModel.PrinterChoice(Optional.of("Kasir-Lama"),
                false));
        assertThat(page.printerChoices()).contains(page.printer().get());
    }

    // ---- fees ---------------------------------------------------------------------------------------------------

    @Test
    void feesPerCategoryAndPerBillerAreSaved() {
        SettingsViewModel page = ownerPage();
        List<String> categories = java.util.Arrays.stream(BillerCategory.values()).map(Enum::name).toList();
        assertThat(page.fees()).filteredOn(r -> r.kind() == SettingsViewModel.FeeKind.CATEGORY)
                .extracting(SettingsViewModel.FeeRow::code).containsExactlyElementsOf(categories);
        assertThat(page.fees()).filteredOn(r -> r.kind() == SettingsViewModel.FeeKind.BILLER)
                .extracting(SettingsViewModel.FeeRow::code).containsExactly("PLN_POSTPAID", "PLN_PREPAID", "PDAM_BDG");
        assertThat(page.fees()).extracting(SettingsViewModel.FeeRow::kind).as("categories, markups, billers")
                .startsWith(SettingsViewModel.FeeKind.CATEGORY).endsWith(SettingsViewModel.FeeKind.BILLER)
                .contains(SettingsViewModel.FeeKind.MARKUP);
        assertThat(fee(page, "PLN_POSTPAID").gatewayFee()).contains(Money.of(2_500));
        assertThat(page.catalogProblem().get()).isEqualTo(Message.NONE);

        fee(page, "ELECTRICITY").text().set("2.500");
        fee(page, "PLN_POSTPAID").text().set("Rp 3.000");
        page.saveFees();

        assertThat(page.feesStatus().message().get()).isEqualTo(Message.of("settings.fees.saved", 2L));
        SettingsService saved = shop.settingsService();
        assertThat(saved.categoryFee(BillerCategory.ELECTRICITY)).contains(Money.of(2_500));
        assertThat(saved.billerFee("PLN_POSTPAID")).contains(Money.of(3_000));
        assertThat(saved.shopFee("PLN_PREPAID", BillerCategory.ELECTRICITY)).isEqualTo(Money.of(2_500));
        assertThat(saved.shopFee("PDAM_BDG", BillerCategory.WATER)).isEqualTo(Money.ZERO);
        assertThat(fee(page, "PLN_POSTPAID").saved()).contains(Money.of(3_000));

        fee(page, "PLN_POSTPAID").text().set("");
        page.saveFees();
        assertThat(shop.settingsService().billerFee("PLN_POSTPAID")).isEmpty();
        assertThat(shop.settingsService().shopFee("PLN_POSTPAID", BillerCategory.ELECTRICITY))
                .isEqualTo(Money.of(2_500));

        page.saveFees();
        assertThat(page.feesStatus().message().get()).isEqualTo(Message.of("settings.fees.unchanged"));
    }

    @Test
    void aFeeThatIsNotAnAmountSavesNothing() {
        SettingsViewModel page = ownerPage();
        fee(page, "WATER").text().set("1000");
        fee(page, "PDAM_BDG").text().set("dua ribu");
        assertThat(fee(page, "PDAM_BDG").problem().get()).isEqualTo(Message.of("settings.fees.invalid"));

        page.saveFees();

        assertThat(page.feesStatus().message().get()).isEqualTo(Message.of("settings.fees.fix"));
        assertThat(shop.settingsService().categoryFee(BillerCategory.WATER)).isEmpty();
        assertThat(shop.settingsService().billerFee("PDAM_BDG")).isEmpty();
    }

    @Test
    void withoutTheCatalogTheCategoriesCanStillBeSet() {
        gateway = new CatalogGateway(new GatewayResult.NoAnswer<>("connection refused"));
        SettingsViewModel page = ownerPage();
        assertThat(page.fees()).extracting(SettingsViewModel.FeeRow::kind)
                .containsOnly(SettingsViewModel.FeeKind.CATEGORY, SettingsViewModel.FeeKind.MARKUP)
                .hasSize(2 * BillerCategory.values().length);
        assertThat(page.catalogProblem().get())
                .isEqualTo(Message.of("settings.fees.catalog.noAnswer", "connection refused"));

        fee(page, "PHONE").text().set("1500");
        page.saveFees();
        assertThat(shop.settingsService().categoryFee(BillerCategory.PHONE)).contains(Money.of(1_500));
    }

    @Test
    void aMarkupPerCategoryPricesPrepaidProducts() {
        SettingsViewModel page = ownerPage();
        SettingsViewModel.FeeRow emoney = markup(page, BillerCategory.EMONEY);
        assertThat(emoney.text().get()).as("no markup: sold at cost").isEmpty();

        emoney.text().set("1.500");
        page.saveFees();

        assertThat(page.feesStatus().message().get()).isEqualTo(Message.of("settings.fees.saved", 1L));
        assertThat(shop.settingsService().sellingPrice(BillerCategory.EMONEY, "DANA10", Money.of(10_000)))
                .isEqualTo(Money.of(11_500));
        assertThat(shop.settingsService().categoryFee(BillerCategory.EMONEY)).as("not a fee").isEmpty();
        assertThat(markup(ownerPage(), BillerCategory.EMONEY).text().get()).isEqualTo("1500");

        markup(page, BillerCategory.EMONEY).text().set("");
        page.saveFees();
        assertThat(shop.settingsService().sellingPrice(BillerCategory.EMONEY, "DANA10", Money.of(10_000)))
                .isEqualTo(Money.of(10_000));
    }

    // ---- biller network -----------------------------------------------------------------------------------------

    @Test
    void theSandboxIsTheDefaultAndDigiflazzsAddressIsOffered() {
        SettingsViewModel page = ownerPage();
        assertThat(page.networkChoices()).containsExactly(SettingsViewModel.HOUSE, SettingsViewModel.DIGIFLAZZ);
        assertThat(page.network().get()).isEqualTo(SettingsViewModel.HOUSE);
        assertThat(page.digiflazzUrl().get()).isEqualTo("https://api.digiflazz.com/v1");
        assertThat(page.keyStored().get()).isFalse();
        assertThat(page.networkStatus().message().get()).isEqualTo(Message.NONE);
    }

    @Test
    void eachRefusalOfTheTestNamesWhatIsWrong() {
        SettingsViewModel page = typedDigiflazz(ownerPage());
        assertThat(tested(page, refused(GatewayError.WRONG_KEY, "Signature tidak valid")))
                .isEqualTo(Message.of("settings.network.test.wrongKey", "Signature tidak valid"));
        assertThat(tested(page, refused(GatewayError.WRONG_USERNAME, "Username tidak dikenal")))
                .isEqualTo(Message.of("settings.network.test.wrongUsername", "Username tidak dikenal"));
        assertThat(tested(page, refused(GatewayError.IP_NOT_WHITELISTED, "IP Anda tidak kami kenali")))
                .isEqualTo(Message.of("settings.network.test.ipNotWhitelisted", "IP Anda tidak kami kenali"));
        assertThat(tested(page, refused(GatewayError.CONFIGURATION_ERROR, "use https://")))
                .isEqualTo(Message.of("settings.network.test.configuration", "use https://"));
        assertThat(tested(page, refused(GatewayError.RATE_LIMITED, "Terlalu banyak permintaan")))
                .isEqualTo(Message.of("settings.network.test.refused", "rate_limited", "Terlalu banyak permintaan"));
        assertThat(tested(page, new GatewayResult.NoAnswer<>("connect timed out")))
                .isEqualTo(Message.of("settings.network.test.noAnswer", "connect timed out"));
        assertThat(page.connectionStatus().isError().get()).isTrue();

        java.util.ResourceBundle indonesian = Bundles.load(SettingsService.INDONESIAN);
        assertThat(Message.of("settings.network.test.ipNotWhitelisted", "x").in(indonesian))
                .contains("Atur Koneksi > API");
        assertThat(Message.of("settings.network.test.wrongKey", "x").in(Bundles.load(SettingsService.ENGLISH)))
                .contains("development/production");
    }

    @Test
    void aWorkingAccountShowsTheDepositAndSavesNothing() {
        SettingsViewModel page = typedDigiflazz(ownerPage());
        page.digiflazzTesting().set(true);

        Message said = tested(page, new GatewayResult.Answer<>(new DepositBalance(Money.of(1_250_000), Instant.now())));

        assertThat(said).isEqualTo(Message.of("settings.network.test.ok", 1_250_000L));
        assertThat(page.connectionStatus().isError().get()).isFalse();
        assertThat(said.in(Bundles.load(SettingsService.INDONESIAN)))
                .isEqualTo("Koneksi berhasil. Saldo deposit: Rp 1.250.000.");
        assertThat(connection.asked).containsExactly(new NetworkAccount(SettingsViewModel.DIGIFLAZZ, "tokobudi",
                "dev-kunci-rahasia-123", "https://api.digiflazz.com/v1", true));
        assertThat(shop.settingsService().billerNetwork()).isEqualTo("house");
        assertThat(shop.settingsService().digiflazzKey()).isEmpty();

        page.digiflazzUsername().set("tokobudi2");
        assertThat(page.connectionStatus().message().get()).as("the answer was about another account")
                .isEqualTo(Message.NONE);
    }

    @Test
    void whatIsMissingIsSaidBeforeAnyoneIsAsked() {
        SettingsViewModel page = ownerPage();
        page.network().set(SettingsViewModel.DIGIFLAZZ);
        page.testConnection();
        assertThat(page.connectionStatus().message().get())
                .isEqualTo(Message.of("settings.network.username.missing"));
        page.digiflazzUsername().set("tokobudi");
        page.saveNetwork();
        assertThat(page.networkStatus().message().get()).isEqualTo(Message.of("settings.network.key.missing"));
        assertThat(connection.asked).isEmpty();
        assertThat(shop.settingsService().billerNetwork()).isEqualTo("house");
    }

    @Test
    void savingStoresTheAccountAndAnEmptyKeyKeepsTheStoredOne() {
        SettingsViewModel page = typedDigiflazz(ownerPage());
        page.saveNetwork();

        assertThat(page.networkStatus().message().get()).isEqualTo(Message.of("settings.network.saved.digiflazz"));
        assertThat(page.networkStatus().message().get().in(Bundles.load(SettingsService.INDONESIAN)))
                .contains("Tutup Loket lalu buka lagi");
        SettingsService saved = shop.settingsService();
        assertThat(saved.billerNetwork()).isEqualTo("digiflazz");
        assertThat(saved.digiflazzUsername()).contains("tokobudi");
        assertThat(saved.digiflazzKey()).contains("dev-kunci-rahasia-123");
        assertThat(saved.digiflazzTesting()).isFalse();
        assertThat(page.digiflazzKey().get()).as("the typed key is not kept on screen").isEmpty();
        assertThat(page.keyStored().get()).isTrue();

        SettingsViewModel again = ownerPage();
        assertThat(again.network().get()).isEqualTo(SettingsViewModel.DIGIFLAZZ);
        assertThat(again.digiflazzUsername().get()).isEqualTo("tokobudi");
        assertThat(again.digiflazzKey().get()).as("the stored key is never read onto the page").isEmpty();
        assertThat(again.keyStored().get()).isTrue();

        again.digiflazzUsername().set("tokobudi-jaya");
        again.digiflazzUrl().set("https://digiflazz.example.id/v1");
        again.digiflazzTesting().set(true);
        again.testConnection();
        assertThat(connection.asked).last().extracting(NetworkAccount::key).as("the stored key is tested")
                .isEqualTo("dev-kunci-rahasia-123");
        again.saveNetwork();

        assertThat(saved.digiflazzUsername()).contains("tokobudi-jaya");
        assertThat(saved.digiflazzUrl()).isEqualTo("https://digiflazz.example.id/v1");
        assertThat(saved.digiflazzTesting()).isTrue();
        assertThat(saved.digiflazzKey()).contains("dev-kunci-rahasia-123");

        again.network().set(SettingsViewModel.HOUSE);
        again.saveNetwork();
        assertThat(again.networkStatus().message().get()).isEqualTo(Message.of("settings.network.saved.house"));
        assertThat(saved.billerNetwork()).isEqualTo("house");
    }

    @Test
    void aClerkCannotSaveTheNetwork() {
        String code = shop.users().registerClerk(owner(), "ani", "Ani Setiawati").code();
        shop.users().activate("ani", code, ANI_PASSWORD);
        SettingsViewModel page = typedDigiflazz(page(new Access.SignedIn("ani", "Ani Setiawati", false)));

        page.saveNetwork();

        assertThat(page.networkStatus().message().get().key()).isEqualTo("settings.refused.permission");
        assertThat(page.networkStatus().isError().get()).isTrue();
        assertThat(shop.settingsService().billerNetwork()).isEqualTo("house");
        assertThat(shop.settingsService().digiflazzKey()).isEmpty();
    }

    @Test
    void theKeyNeverAppearsInWhatThePageShows() {
        String key = "dev-kunci-rahasia-123";
        SettingsViewModel page = typedDigiflazz(ownerPage());
        java.util.ResourceBundle indonesian = Bundles.load(SettingsService.INDONESIAN);
        List<Message> said = new ArrayList<>();
        said.add(tested(page, refused(GatewayError.CONFIGURATION_ERROR, "key " + key + " is not one line")));
        said.add(tested(page, refused("weird", "sign(" + key + ")")));
        said.add(tested(page, new GatewayResult.NoAnswer<>("GET https://x/?key=" + key)));
        connection.failure = new IllegalStateException("cannot sign with " + key);
        page.testConnection();
        said.add(page.connectionStatus().message().get());
        connection.failure = null;
        page.saveNetwork();
        said.add(page.networkStatus().message().get());

        assertThat(said).hasSize(5).allSatisfy(m -> {
            assertThat(m.isEmpty()).isFalse();
            assertThat(m.in(indonesian)).doesNotContain(key);
            assertThat(m.arguments()).allSatisfy(a -> assertThat(String.valueOf(a)).doesNotContain(key));
        });
        assertThat(said.get(3).key()).isEqualTo("settings.network.test.failed");
        SettingsViewModel again = ownerPage();
        for (String shown : List.of(again.digiflazzUsername().get(), again.digiflazzUrl().get(),
                again.digiflazzKey().get(), again.network().get())) {
            assertThat(shown).doesNotContain(key);
        }
    }

    @Test
    void everyMessageKeyTheModelUsesExistsInBothLanguages() {
        java.util.ResourceBundle indonesian = Bundles.load(SettingsService.INDONESIAN);
        java.util.ResourceBundle english = Bundles.load(SettingsService.ENGLISH);
        for (UserException.Reason reason : UserException.Reason.values()) {
            assertThat(indonesian.containsKey("settings.refused." + reason.name())).as(reason.name()).isTrue();
            assertThat(english.containsKey("settings.refused." + reason.name())).as(reason.name()).isTrue();
        }
        for (AuditAction action : AuditAction.values()) {
            assertThat(indonesian.containsKey("settings.audit.action." + action.name())).as(action.name()).isTrue();
        }
        for (BillerCategory category : BillerCategory.values()) {
            assertThat(indonesian.containsKey("settings.category." + category.name())).as(category.name()).isTrue();
        }
        for (String key : List.of("username.missing", "key.missing", "test.running", "test.ok", "test.wrongKey",
                "test.wrongUsername", "test.ipNotWhitelisted", "test.configuration", "test.refused", "test.noAnswer",
                "test.failed", "saved.digiflazz", "saved.house", "storedInvalid", "error.read", "error.save",
                "choice." + SettingsViewModel.HOUSE, "choice." + SettingsViewModel.DIGIFLAZZ)) {
            assertThat(indonesian.containsKey("settings.network." + key)).as(key).isTrue();
            assertThat(english.containsKey("settings.network." + key)).as(key).isTrue();
        }
        assertThat(Message.of("settings.audit.summary", 1L).in(english)).isEqualTo("1 entry, newest first.");
        assertThat(Message.of("settings.audit.summary", 1234L).in(english)).isEqualTo("1,234 entries, newest first.");
        assertThat(Message.of("settings.fees.saved", 2L).in(indonesian)).isEqualTo("2 biaya disimpan.");
        assertThat(Message.of("settings.audit.badDate", "31/02").in(indonesian))
                .isEqualTo("'31/02' bukan tanggal: ketik hh/bb/tttt, mis. 17/08/2026.");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Operator owner() {
        return shop.users().find("budi").orElseThrow();
    }

    private static String register(SettingsViewModel page, String username, String name) {
        page.newUsername().set(username);
        page.newDisplayName().set(name);
        page.registerClerk();
        return page.code().get().code();
    }

    private static SettingsViewModel.OperatorRow row(SettingsViewModel page, String username) {
        return page.operators().stream().filter(r -> r.username().equals(username)).findFirst().orElseThrow();
    }

    private static SettingsViewModel.FeeRow fee(SettingsViewModel page, String code) {
        return page.fees().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
    }

    private static SettingsViewModel.FeeRow markup(SettingsViewModel page, BillerCategory category) {
        return page.fees().stream().filter(r -> r.kind() == SettingsViewModel.FeeKind.MARKUP
                && r.category() == category).findFirst().orElseThrow();
    }

    /** Digiflazz chosen, a username and a key typed; the address as offered, production mode. */
    private static SettingsViewModel typedDigiflazz(SettingsViewModel page) {
        page.network().set(SettingsViewModel.DIGIFLAZZ);
        page.digiflazzUsername().set("tokobudi");
        page.digiflazzKey().set("dev-kunci-rahasia-123");
        return page;
    }

    /** Presses "test connection" with the network answering {@code answer}; what the page says. */
    private Message tested(SettingsViewModel page, GatewayResult<DepositBalance> answer) {
        connection.answer = answer;
        page.testConnection();
        assertThat(page.connectionStatus().busy().get()).isFalse();
        return page.connectionStatus().message().get();
    }

    private static GatewayResult<DepositBalance> refused(String code, String message) {
        return new GatewayResult.Refused<>(new GatewayError(200, code, message));
    }

    private static Biller biller(String code, BillerCategory category, String name, long adminFee) {
        return new Biller(code, category, name, BillerKind.POSTPAID, "ID Pelanggan", "[0-9]{6,12}",
                Money.of(adminFee), List.of());
    }

    /** "Test connection" as the test sets it: remembers what it was asked. */
    private static final class FakeConnectionTest implements ConnectionTest {

        private final List<NetworkAccount> asked = new ArrayList<>();
        private GatewayResult<DepositBalance> answer = new GatewayResult.NoAnswer<>("not set");
        private RuntimeException failure;

        @Override
        public GatewayResult<DepositBalance> test(NetworkAccount account) {
            asked.add(account);
            if (failure != null) {
                throw failure;
            }
            return answer;
        }
    }

    /** A gateway that only knows its catalog: the settings page asks nothing else. */
    private static final class CatalogGateway implements AllUpstreams {

        private final GatewayResult<List<Biller>> catalog;

        CatalogGateway(GatewayResult<List<Biller>> catalog) {
            this.catalog = catalog;
        }

        @Override
        public GatewayResult<List<Biller>> billers() {
            return catalog;
        }

        @Override
        public GatewayResult<Inquiry> inquire(InquiryRequest request) {
            throw new AssertionError("the settings page does not look bills up");
        }

        @Override
        public GatewayResult<PaymentResult> pay(PaymentRequest request) {
            throw new AssertionError("the settings page does not pay");
        }

        @Override
        public GatewayResult<PaymentResult> paymentStatus(String clientRef) {
            throw new AssertionError("the settings page does not ask payment status");
        }

        @Override
        public GatewayResult<PaymentResult> awaitPayment(String clientRef, int maxChecks) {
            throw new AssertionError("the settings page does not await payments");
        }

        @Override
        public GatewayResult<Charge> createCharge(ChargeRequest request) {
            throw new AssertionError("the settings page does not create charges");
        }

        @Override
        public GatewayResult<Charge> charge(String chargeId) {
            throw new AssertionError("the settings page does not read charges");
        }

        @Override
        public GatewayResult<DepositBalance> balance() {
            throw new AssertionError("the settings page does not read the deposit");
        }

        @Override
        public GatewayResult<SettlementSummary> settlement(LocalDate day, Path csvFile) {
            throw new AssertionError("the settings page does not fetch settlements");
        }

        @Override
        public GatewayResult<OtpChallenge> requestOtp(String phone) {
            throw new AssertionError("the settings page does not send OTPs");
        }

        @Override
        public GatewayResult<OtpVerification> verifyOtp(String otpId, String code) {
            throw new AssertionError("the settings page does not verify OTPs");
        }
    }
}
