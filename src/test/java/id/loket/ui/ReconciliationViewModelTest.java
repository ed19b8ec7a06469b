package id.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.Money;
import id.loket.payment.Payment;
import id.loket.payment.PaymentTestBed;
import id.loket.reconcile.DayStatus;
import id.loket.reconcile.ItemKind;
import id.loket.reconcile.ReconciliationItem;
import id.loket.users.Operator;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Reconciliation screen's view model without the toolkit, its work run on the calling thread: a run of today
 * against the sandbox (which settles at once) and what it says; the filter; the refusals of an empty note, a bad
 * time and a clerk's sign-off (the service's, shown as a translated headline with its detail).
 */
class ReconciliationViewModelTest {

    private static final Executor NOW = Runnable::run;

    @TempDir
    Path dir;

    private PaymentTestBed bed;
    private final TestContexts shop = TestContexts.shop();
    private Payment paid;

    @BeforeEach
    void setUp() {
        bed = PaymentTestBed.in(dir).sandbox(o -> o.withSettleImmediately(true)).start();
        shop.ledgerIn(dir.resolve("operators"));
        shop.users().setUp("Toko Budi", "budi", "Budi Santoso", "warung budi buka jam tujuh");
        bed.openShift(500_000);
        paid = bed.plnBill().withChange(0).cash();
        bed.sandbox().post("/sandbox/discrepancies", "{\"kind\":\"amount\",\"client_ref\":\"" + paid.clientRef()
                + "\",\"amount\":1}");
    }

    @AfterEach
    void tearDown() {
        bed.close();
        shop.ledger().close();
    }

    private ReconciliationViewModel model(Access.SignedIn who) {
        return new ReconciliationViewModel(bed.reconciliation(), bed.settings(), shop.users(), new FakeReportDesk(),
                who, bed.calendar(), NOW, NOW);
    }

    @Test
    void runsTheChosenDayReportingItsProgressAndFiltersItsItems() {
        ReconciliationViewModel model = model(new Access.SignedIn("budi", "Budi Santoso", true));
        List<String> stages = new ArrayList<>();
        model.progress().addListener((obs, old, now) -> {
            if (now != null) {
                stages.add(now.stage());
            }
        });
        model.activate();
        assertThat(model.selectedDay().get()).isEqualTo(bed.calendar().today().minusDays(1));
        assertThat(model.days()).hasSize(ReconciliationViewModel.DAYS_SHOWN);
        model.selectedDay().set(bed.calendar().today());

        model.runSelectedDay();

        assertThat(model.runStatus().busy().get()).isFalse();
        assertThat(model.runStatus().message().get().key()).isEqualTo("reconciliation.run.reconciled.first");
        // The day, none matched (the only payment is the mismatch), two to review (it and the deposit), both open.
        assertThat(model.runStatus().message().get().arguments())
                .containsExactly(DateTimeFormatter.ofPattern("dd/MM/yyyy").format(bed.calendar().today()), 0L, 2L, 2);
        assertThat(stages).contains("fetch", "compare", "store");
        assertThat(model.progress().get()).isNull();
        assertThat(model.selected().get().status()).isEqualTo(DayStatus.OPEN_ITEMS);
        assertThat(model.days().get(0).status()).isEqualTo(DayStatus.OPEN_ITEMS);
        assertThat(model.items()).extracting(ReconciliationItem::kind)
                .containsExactly(ItemKind.AMOUNT_MISMATCH, ItemKind.BALANCE_MISMATCH);
        assertThat(model.counts().get()).containsEntry(ItemKind.MATCHED, 0L).containsEntry(ItemKind.AMOUNT_MISMATCH, 1L);
        assertThat(model.balance()).hasValueSatisfying(b -> assertThat(b.difference()).isEqualTo(Money.of(10_000_000)));

        model.filter().set(ReconciliationViewModel.ItemFilter.of(ItemKind.BALANCE_MISMATCH));
        assertThat(model.items()).extracting(ReconciliationItem::kind).containsExactly(ItemKind.BALANCE_MISMATCH);
        model.filter().set(ReconciliationViewModel.ItemFilter.OPEN_ONLY);
        assertThat(model.items()).hasSize(2);
        assertThat(model.filterChoices()).doesNotContain(ReconciliationViewModel.ItemFilter.of(ItemKind.MATCHED));

        assertThat(model.signOffHint().get()).isEqualTo(Message.of("reconciliation.signOff.openItems", 2L));
        assertThat(model.canSignOff().get()).isFalse();
    }

    @Test
    void anEmptyNoteIsRefusedHereAndANoteResolvesTheItem() {
        ReconciliationViewModel model = model(new Access.SignedIn("budi", "Budi Santoso", true));
        model.activate();
        model.selectedDay().set(bed.calendar().today());
        model.runSelectedDay();
        model.selectedItem().set(model.items().get(0));

        model.resolveNote().set("   ");
        model.resolveSelected();
        assertThat(model.noteProblem().get().key()).isEqualTo("reconciliation.resolve.noteMissing");
        assertThat(model.itemStatus().isError().get()).isTrue();

        model.resolveNote().set("Gateway salah lapor");
        assertThat(model.noteProblem().get()).isEqualTo(Message.NONE);
        model.resolveSelected();
        assertThat(model.itemStatus().message().get()).isEqualTo(Message.of("reconciliation.resolve.done", 1));
        assertThat(model.selectedItem().get().resolution()).isPresent();
        assertThat(model.items().get(0).resolution().orElseThrow().note()).isEqualTo("Gateway salah lapor");
        assertThat(model.resolveNote().get()).isEmpty();
    }

    @Test
    void aClerksSignOffIsRefusedByTheServiceAndShownAsSuch() {
        Operator owner = shop.users().find("budi").orElseThrow();
        String code = shop.users().registerClerk(owner, "ani", "Ani Setiawati").code();
        shop.users().activate("ani", code, "ani suka kopi tubruk pagi");
        ReconciliationViewModel model = model(new Access.SignedIn("ani", "Ani Setiawati", false));
        model.activate();
        model.selectedDay().set(bed.calendar().today());
        model.runSelectedDay();
        assertThat(model.signOffHint().get().key()).isEqualTo("reconciliation.signOff.ownerOnly");
        assertThat(model.canSignOff().get()).isFalse();

        model.signOff();

        assertThat(model.signOffStatus().isError().get()).isTrue();
        assertThat(model.signOffStatus().message().get().key()).isEqualTo("reconciliation.refused.permission");
        assertThat(bed.reconciliation().day(bed.calendar().today()).signOff()).isEmpty();

        model.topUpAmount().set("10.000.000");
        model.recordTopUp();
        assertThat(model.topUpStatus().message().get().key()).isEqualTo("reconciliation.refused.permission");
    }

    @Test
    void theTimeIsTypedTheWaysPeopleWriteIt() {
        assertThat(ReconciliationViewModel.parseTime("23:30")).contains(Optional.of(LocalTime.of(23, 30)));
        assertThat(ReconciliationViewModel.parseTime(" 1.05 ")).contains(Optional.of(LocalTime.of(1, 5)));
        assertThat(ReconciliationViewModel.parseTime("")).contains(Optional.empty());
        assertThat(ReconciliationViewModel.parseTime("Mati")).contains(Optional.empty());
        assertThat(ReconciliationViewModel.parseTime("off")).contains(Optional.empty());
        assertThat(ReconciliationViewModel.parseTime("24:00")).isEmpty();
        assertThat(ReconciliationViewModel.parseTime("23:60")).isEmpty();
        assertThat(ReconciliationViewModel.parseTime("jam 9")).isEmpty();

        ReconciliationViewModel model = model(new Access.SignedIn("budi", "Budi Santoso", true));
        model.activate();
        assertThat(model.scheduleText().get()).isEqualTo("01:00");
        model.scheduleText().set("25:00");
        assertThat(model.scheduleProblem().get().key()).isEqualTo("reconciliation.schedule.invalid");
        model.saveSchedule();
        assertThat(bed.settings().reconcileTime()).contains(LocalTime.of(1, 0));
        model.scheduleText().set("mati");
        model.saveSchedule();
        assertThat(model.scheduleStatus().message().get().key()).isEqualTo("reconciliation.schedule.off");
        assertThat(bed.settings().reconcileTime()).isEmpty();
    }
}
