package id.loket.upstream.house;

import id.loket.billing.InquiryRequest;
import id.loket.billing.PaymentRequest;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.upstream.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Protocol answers as the gateway page shows them, for the stub to send. */
final class Fixtures {

    static final String CLIENT_REF = "LKT-20261122-000123";

    private Fixtures() {}

    static String in15Minutes() {
        return Instant.now().plus(15, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static final String BILLERS = """
            {"billers": [
              {"code": "PLN_POSTPAID", "category": "ELECTRICITY", "name": "PLN Pascabayar", "kind": "POSTPAID",
               "reference": {"label": "ID Pelanggan", "pattern": "^[0-9]{12}$"}, "admin_fee": 2500, "products": []},
              {"code": "PLN_PREPAID", "category": "ELECTRICITY", "name": "PLN Token", "kind": "PREPAID",
               "reference": {"label": "No. Meter / ID Pelanggan", "pattern": "^([0-9]{11}|[0-9]{12})$"},
               "admin_fee": 2500,
               "products": [{"code": "PLN20", "name": "Token 20.000", "price": 20000},
                            {"code": "PLN1000", "name": "Token 1.000.000", "price": 1000000}]},
              {"code": "PDAM_BDG", "category": "WATER", "name": "PDAM Kota Bandung", "kind": "POSTPAID",
               "reference": {"label": "No. Pelanggan", "pattern": "^[0-9]{6,10}$"}, "admin_fee": 2000},
              {"code": "BPJS", "category": "INSURANCE", "name": "BPJS Kesehatan", "kind": "POSTPAID",
               "reference": {"label": "No. VA", "pattern": "^[0-9]{16}$"}, "admin_fee": 2500, "products": null},
              {"code": "GAME", "category": "OTHER", "name": "Voucher", "kind": "SUBSCRIPTION",
               "reference": {"label": "ID", "pattern": ".*"}, "admin_fee": 0}
            ]}
            """;

    static InquiryRequest inquiryRequest() {
        return new InquiryRequest("PLN_POSTPAID", "512345678901", Optional.empty());
    }

    static String inquiry() {
        return inquiry("150000", "2500", "152500");
    }

    static String inquiry(String amount, String adminFee, String total) {
        return """
                {"inquiry_id": "inq_7f3a", "biller": "PLN_POSTPAID", "reference": "512345678901",
                 "customer_name": "BUDI SANTOSO", "amount": %s, "admin_fee": %s, "total": %s,
                 "details": {"tarif_daya": "R1/1300 VA", "periode": "NOV 2026", "lembar": 1,
                             "stand_meter": {"awal": 1200, "akhir": 1350}, "catatan": null},
                 "expires_at": "%s"}
                """.formatted(amount, adminFee, total, in15Minutes());
    }

    static PaymentRequest paymentRequest() {
        return new PaymentRequest(CLIENT_REF, "inq_7f3a", Money.of(152500), PaymentMethod.CASH, Optional.empty());
    }

    static String payment(String status) {
        return payment(CLIENT_REF, status);
    }

    static String payment(String clientRef, String status) {
        return """
                {"payment_id": "pay_91c2", "client_ref": "%s", "status": "%s", "rc": "%s",
                 "message": "%s", "biller_ref": "PLN-REF-7781", "token": "1234 5678 9012 3456 7890",
                 "kwh": "32.5", "paid_at": "2026-11-22T10:04:05+07:00", "deposit_balance": 4850000}
                """.formatted(clientRef, status, status.equals("SUCCESS") ? "00" : status.equals("PENDING") ? "03" : "02",
                status.equals("FAILED") ? "Transaksi gagal" : "Sukses");
    }

    /** Delays the sleeper was asked for, without waiting them out. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> slept = new ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            slept.add(duration);
        }
    }
}
