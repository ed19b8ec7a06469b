package id.loket.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A report desk that only remembers what it was asked, for screen tests. */
final class FakeReportDesk implements ReportDesk {

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public String printReconciliation(long runId) {
        calls.add("print reconciliation " + runId);
        return "LoketPDF";
    }

    @Override
    public String printDailyRecap(LocalDate day) {
        calls.add("print recap " + day);
        return "LoketPDF";
    }

    @Override
    public String saveReconciliation(long runId) {
        calls.add("save reconciliation " + runId);
        return "/tmp/rekonsiliasi-" + runId + ".pdf";
    }

    @Override
    public String saveDailyRecap(LocalDate day) {
        calls.add("save recap " + day);
        return "/tmp/rekap-" + day + ".pdf";
    }

    @Override
    public String exportItems(long runId) {
        calls.add("export " + runId);
        return "/tmp/rekonsiliasi-" + runId + ".csv";
    }
}
