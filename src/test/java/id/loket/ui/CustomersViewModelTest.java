package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.Biller;
import id.loket.customers.CustomerService;
import id.loket.customers.CustomerStatus;
import id.loket.customers.SentCodes;
import id.loket.payment.PaymentTestBase;
import id.loket.payment.PaymentTestBed;
import id.loket.users.ActivationCodes;
import id.loket.users.AuditService;
import id.loket.users.PasswordHasher;
import id.loket.users.PasswordPolicy;
import id.loket.users.UserService;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The customers screen's model against the real services: the sandbox gateway over loopback (the code read back
 * through its control endpoint, as the app's embedded sandbox shows it), a real ledger file, real operators. The
 * background and the JavaFX thread are the test's own thread, so every call has finished when it returns.
 */
class CustomersViewModelTest extends PaymentTestBase {

    static final String BUDI_NIK = "3273011508850001";
    static final String SITI_NIK = "3578106802920004";
    private static final Executor HERE = Runnable::run;

    private CustomerService customers;
    private UserService users;

    @BeforeEach
    void startTheShop() {
        PaymentTestBed bed = start();
        SentCodes sandbox = otpId -> Optional.of(bed.sandbox().get("/sandbox/otp/" + otpId).path("code").asText());
        customers = new CustomerService(bed.ledger().customers(), bed.gateway(), sandbox, bed.appClock());
        users = new UserService(bed.ledger().operators(), new AuditService(bed.ledger().audit(), Clock.systemUTC()),
                bed.settings(), new PasswordPolicy(), new PasswordHasher(new SecureRandom()),
                new ActivationCodes(new SecureRandom()), Clock.systemUTC());
    }

    private CustomersViewModel screen(String username, boolean owner) {
        CustomersViewModel model = new CustomersViewModel(customers, bed.billing(), users,
                new Access.SignedIn(username, username, owner), HERE, HERE, bed.appClock());
        model.activate();
        return model;
    }

    private CustomersViewModel screen() {
        return screen("sari", false);
    }

    private static void type(CustomersViewModel model, String name, String nik, String phone) {
        model.name().set(name);
        model.nik().set(nik);
        model.phone().set(phone);
    }

    private static String wrong(String code) {
        char last = code.charAt(5);
        return code.substring(0, 5) + (last == '9' ? '0' : (char) (last + 1));
    }

    @Test
    void registeringSendsTheCodeShowsItAsSandboxAndChoosesTheNewCustomer() {
        CustomersViewModel model = screen();
        type(model, "Budi Santoso", "3273 0115 0885 0001", "0812-3456-7890");
        model.email().set("budi@example.com");
        assertThat(model.nikProblem().get()).isEqualTo(Message.NONE);
        assertThat(model.phoneProblem().get()).isEqualTo(Message.NONE);

        model.register();

        assertThat(model.messageIsError().get()).as(model.message().get().toString()).isFalse();
        assertThat(model.message().get()).isEqualTo(Message.of("customers.registered", "Budi Santoso",
                "+6281234567890"));
        assertThat(model.selected().get().name()).isEqualTo("Budi Santoso");
        assertThat(model.selected().get().status()).isEqualTo(CustomerStatus.UNVERIFIED);
        assertThat(model.otpInfo().get().key()).isEqualTo("customers.otp.sent");
        assertThat(model.otpInfo().get().arguments().get(0)).isEqualTo("+6281234567890");
        assertThat(model.sandboxCode().get()).matches("[0-9]{6}");
        assertThat(model.results()).extracting(r -> r.customer().name()).containsExactly("Budi Santoso");
        assertThat(List.of(model.name().get(), model.nik().get(), model.phone().get(), model.email().get()))
                .as("the form is empty for the next customer").containsOnly("");
        assertThat(customers.search("Budi")).singleElement()
                .satisfies(c -> assertThat(c.email()).contains("budi@example.com"));
        assertThat(model.busy().get()).isFalse();
    }

    @Test
    void aNikWithABadProvinceIsRefusedAsTypedAndOnSaveNothingIsWrittenAndTheFormKeepsIt() {
        CustomersViewModel model = screen();
        type(model, "Budi Santoso", "9973011508850001", "0812-3456-7890");

        assertThat(model.nikProblem().get().key()).isEqualTo("customers.nik.invalid");
        assertThat(model.nikProblem().get().arguments().get(0).toString())
                .contains("starts with a province code, and 99 is none");

        model.register();

        assertThat(model.messageIsError().get()).isTrue();
        assertThat(model.message().get().key()).isEqualTo("customers.refused.INVALID_NIK");
        assertThat(model.refusedField().get()).isEqualTo(CustomersViewModel.Field.NIK);
        assertThat(model.nik().get()).isEqualTo("9973011508850001");
        assertThat(model.name().get()).isEqualTo("Budi Santoso");
        assertThat(model.phone().get()).isEqualTo("0812-3456-7890");
        assertThat(model.selected().get()).isNull();
        assertThat(customers.search("")).isEmpty();
    }

    @Test
    void theThirtyFirstOfFebruaryIsNoBirthDate() {
        CustomersViewModel model = screen();
        model.nik().set("3273013102850001");

        assertThat(model.nikProblem().get().arguments().get(0).toString())
                .contains("31 February 1985, which does not exist");

        model.nik().set(BUDI_NIK);
        assertThat(model.nikProblem().get()).isEqualTo(Message.NONE);
        model.nik().set("");
        assertThat(model.nikProblem().get()).as("an empty field is no problem yet").isEqualTo(Message.NONE);
    }

    @Test
    void aLandlineIsRefusedAsTypedAndOnSave() {
        CustomersViewModel model = screen();
        type(model, "Budi Santoso", BUDI_NIK, "021-5550123");

        assertThat(model.phoneProblem().get().key()).isEqualTo("customers.phone.invalid");
        assertThat(model.phoneProblem().get().arguments().get(0).toString()).contains("landline");

        model.register();

        assertThat(model.message().get().key()).isEqualTo("customers.refused.INVALID_PHONE");
        assertThat(model.refusedField().get()).isEqualTo(CustomersViewModel.Field.PHONE);
        assertThat(model.phone().get()).isEqualTo("021-5550123");
        assertThat(customers.search("")).isEmpty();

        model.phone().set("+1 415 555 0100");
        assertThat(model.phoneProblem().get().arguments().get(0).toString()).contains("not an Indonesian number");
    }

    @Test
    void aSecondCustomerWithTheSameNikIsRefused() {
        CustomersViewModel model = screen();
        type(model, "Budi Santoso", BUDI_NIK, "0812-3456-7890");
        model.register();
        type(model, "Budi Lain", BUDI_NIK, "0813-1111-2222");

        model.register();

        assertThat(model.message().get().key()).isEqualTo("customers.refused.DUPLICATE_NIK");
        assertThat(model.name().get()).isEqualTo("Budi Lain");
        assertThat(customers.search("")).hasSize(1);
    }

    @Test
    void theRightCodeVerifiesTheCustomer() {
        CustomersViewModel model = screen();
        type(model, "Budi Santoso", BUDI_NIK, "0812-3456-7890");
        model.register();

        model.code().set(model.sandboxCode().get());
        model.verify();

        assertThat(model.messageIsError().get()).as(model.message().get().toString()).isFalse();
        assertThat(model.message().get()).isEqualTo(Message.of("customers.verified", "Budi Santoso"));
        assertThat(model.selected().get().status()).isEqualTo(CustomerStatus.VERIFIED);
        assertThat(model.results()).singleElement()
                .satisfies(r -> assertThat(r.customer().isVerified()).isTrue());
        assertThat(model.otpSent().get()).isNull();
        assertThat(model.sandboxCode().get()).isEmpty();
        assertThat(customers.find(model.selected().get().id()).orElseThrow().isVerified()).isTrue();
    }

    @Test
    void aWrongCodeSaysHowManyTriesAreLeftAndTheRightOneStillWorks() {
        CustomersViewModel model = screen();
        type(model, "Budi Santoso", BUDI_NIK, "0812-3456-7890");
        model.register();
        String code = model.sandboxCode().get();

        model.code().set(wrong(code));
        model.verify();

        assertThat(model.messageIsError().get()).isTrue();
        assertThat(model.message().get()).isEqualTo(Message.of("customers.otp.wrong", 4));
        assertThat(model.selected().get().isVerified()).isFalse();
        assertThat(model.code().get()).as("cleared for the next try").isEmpty();

        model.code().set(code);
        model.verify();
        assertThat(model.selected().get().isVerified()).isTrue();
    }

    @Test
    void fiveWrongCodesLockItAndANewCodeWorks() {
        CustomersViewModel model = screen();
        type(model, "Budi Santoso", BUDI_NIK, "0812-3456-7890");
        model.register();
        String code = model.sandboxCode().get();
        for (int i = 0; i < 5; i++) {
            model.code().set(wrong(code));
            model.verify();
        }
        assertThat(model.message().get()).isEqualTo(Message.of("customers.otp.locked"));
        assertThat(model.sandboxCode().get()).as("the locked code is no longer shown").isEmpty();

        model.sendCode();
        assertThat(model.message().get()).isEqualTo(Message.of("customers.otp.resent", "+6281234567890"));
        String fresh = model.sandboxCode().get();
        assertThat(fresh).matches("[0-9]{6}");
        model.code().set(fresh);
        model.verify();
        assertThat(model.selected().get().isVerified()).isTrue();
    }

    @Test
    void typingNoCodeAsksForIt() {
        CustomersViewModel model = screen();
        type(model, "Budi Santoso", BUDI_NIK, "0812-3456-7890");
        model.register();

        model.verify();

        assertThat(model.message().get()).isEqualTo(Message.of("customers.otp.missing"));
    }

    @Test
    void searchFindsByNamePhoneOrNik() {
        CustomersViewModel model = screen();
        type(model, "Budi Santoso", BUDI_NIK, "0812-3456-7890");
        model.register();
        type(model, "Siti Aminah", SITI_NIK, "0857-2222-3333");
        model.register();

        model.searchText().set("siti");
        assertThat(model.results()).extracting(r -> r.customer().name()).containsExactly("Siti Aminah");

        model.searchText().set("0812 3456");
        assertThat(model.results()).extracting(r -> r.customer().name()).containsExactly("Budi Santoso");

        model.searchText().set("3578");
        assertThat(model.results()).extracting(r -> r.customer().name()).containsExactly("Siti Aminah");

        model.searchText().set("");
        assertThat(model.results()).extracting(r -> r.customer().name())
                .containsExactly("Budi Santoso", "Siti Aminah");

        model.searchText().set("Joko");
        assertThat(model.results()).isEmpty();
        assertThat(model.searchProblem().get()).isEqualTo(Message.of("customers.search.none", "Joko"));
        assertThat(model.selected().get().name()).as("searching does not forget the chosen customer")
                .isEqualTo("Siti Aminah");
    }

    @Test
    void aClerkSeesTheNikMaskedAndOnlyTheOwnerSeesItWhole() {
        users.setUp("Toko Sari Jaya", "sari", "Sari Wulandari", "kasir-jaya-pelangi-2026");
        users.registerClerk(users.find("sari").orElseThrow(), "ani", "Ani Setiawati");
        CustomersViewModel owner = screen("sari", true);
        type(owner, "Budi Santoso", BUDI_NIK, "0812-3456-7890");
        owner.register();

        CustomersViewModel clerk = screen("ani", false);
        assertThat(clerk.results()).singleElement().satisfies(r -> assertThat(r.nikShown())
                .isEqualTo("3273********0001"));
        clerk.select(clerk.results().get(0));
        assertThat(clerk.selectedNik().get()).isEqualTo("3273********0001");

        owner.searchText().set("Budi");
        assertThat(owner.results()).singleElement().satisfies(r -> assertThat(r.nikShown()).isEqualTo(BUDI_NIK));
        assertThat(owner.selectedNik().get()).isEqualTo(BUDI_NIK);

        CustomersViewModel stranger = screen("tamu", true);
        assertThat(stranger.results()).as("an operator the users' service does not know sees it masked")
                .singleElement().satisfies(r -> assertThat(r.nikShown()).isEqualTo("3273********0001"));
    }

    @Test
    void aSavedReferenceIsAddedWithItsBillerFromTheCatalog() {
        CustomersViewModel model = screen();
        type(model, "Budi Santoso", BUDI_NIK, "0812-3456-7890");
        model.register();
        assertThat(model.billers()).isNotEmpty();
        Biller pln = model.billers().stream().filter(b -> b.code().equals("PLN_POSTPAID")).findFirst().orElseThrow();

        model.referenceText().set(PaymentTestBed.POSTPAID_REF);
        model.addReference();
        assertThat(model.referenceProblem().get()).isEqualTo(Message.of("customers.reference.noBiller"));

        model.referenceBiller().set(pln);
        model.referenceText().set("12AB");
        model.addReference();
        assertThat(model.referenceProblem().get().key()).isEqualTo("customers.reference.badFormat");
        assertThat(customers.references(model.selected().get().id())).isEmpty();

        model.referenceText().set("5123-4567-8901");
        model.referenceLabel().set("Rumah");
        model.addReference();

        assertThat(model.messageIsError().get()).as(model.message().get().toString()).isFalse();
        assertThat(model.references()).singleElement().satisfies(r -> {
            assertThat(r.billerName()).isEqualTo(pln.name());
            assertThat(r.reference().reference()).isEqualTo(PaymentTestBed.POSTPAID_REF);
            assertThat(r.reference().label()).contains("Rumah");
        });
        assertThat(model.referenceText().get()).isEmpty();
        assertThat(customers.references(model.selected().get().id())).hasSize(1);
    }

    @Test
    void choosingAnotherCustomerShowsTheirReferencesAndForgetsTheCodeShown() {
        CustomersViewModel model = screen();
        type(model, "Budi Santoso", BUDI_NIK, "0812-3456-7890");
        model.register();
        long budi = model.selected().get().id();
        customers.saveReference(budi, "PLN_POSTPAID", PaymentTestBed.POSTPAID_REF, Optional.of("Rumah"));
        type(model, "Siti Aminah", SITI_NIK, "0857-2222-3333");
        model.register();
        assertThat(model.references()).isEmpty();
        assertThat(model.sandboxCode().get()).isNotEmpty();

        model.select(model.results().stream().filter(r -> r.id() == budi).findFirst().orElseThrow());

        assertThat(model.selected().get().id()).isEqualTo(budi);
        assertThat(model.sandboxCode().get()).isEmpty();
        assertThat(model.references()).extracting(r -> r.reference().label().orElse("")).containsExactly("Rumah");
    }
}
