package id.loket.report;

import id.loket.core.BillerCategory;
import id.loket.core.Money;
import id.loket.core.PaymentMethod;
import id.loket.core.ReceiptData;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Test receipts: one starting point per biller, as the sandbox's inquiries fill them, then what a test changes. */
final class ReceiptBuilder {

    /** 22-11-2026 14:05 WIB. */
    static final Instant PAID_AT = Instant.parse("2026-11-22T07:05:00Z");

    private String shopName = "LOKET BERKAH JAYA";
    private String shopAddress = "JL. MERDEKA NO. 10, BANDUNG";
    private String clerk = "siti";
    private Instant paidAt = PAID_AT;
    private String clientRef = "LKT-20261122-000042";
    private final String billerCode;
    private final String billerName;
    private final BillerCategory category;
    private final String reference;
    private String customerName = "BUDI SANTOSO";
    private final Map<String, String> details = new LinkedHashMap<>();
    private final long amount;
    private long adminFee = 2_500;
    private PaymentMethod method = PaymentMethod.CASH;
    private Optional<Long> tendered = Optional.empty();
    private Optional<String> token = Optional.empty();
    private Optional<String> kwh = Optional.empty();
    private Optional<String> billerRef = Optional.of("SBX1A2B3C4D5E6F7A8B");
    private boolean provisional;
    private boolean reprint;
    private boolean sandbox;
    private boolean testing;

    private ReceiptBuilder(String billerCode, String billerName, BillerCategory category, String reference,
            long amount) {
        this.billerCode = billerCode;
        this.billerName = billerName;
        this.category = category;
        this.reference = reference;
        this.amount = amount;
    }

    static ReceiptBuilder plnPostpaid() {
        return new ReceiptBuilder("PLN_POSTPAID", "PLN Pascabayar", BillerCategory.ELECTRICITY, "512345678901",
                150_000)
                .detail("idpel", "512345678901")
                .detail("tarif_daya", "R1/1300VA")
                .detail("lembar_tagihan", "1")
                .detail("periode", "OKT26")
                .detail("stand_meter", "00012345-00012449")
                .detail("pemakaian_kwh", "104")
                .tendered(200_000);
    }

    static ReceiptBuilder plnPrepaid() {
        return new ReceiptBuilder("PLN_PREPAID", "PLN Prabayar (Token Listrik)", BillerCategory.ELECTRICITY,
                "14234567890", 100_000)
                .detail("no_meter", "14234567890")
                .detail("idpel", "523456789012")
                .detail("tarif_daya", "R1/1300VA")
                .detail("produk", "Token PLN 100.000")
                .token("12345678901234567890")
                .kwh("69.2")
                .tendered(102_500);
    }

    static ReceiptBuilder pdam() {
        return new ReceiptBuilder("PDAM_BANDUNG", "PDAM Tirtawening Kota Bandung", BillerCategory.WATER, "1234567",
                141_500)
                .detail("periode", "OKT26")
                .detail("stand_meter", "001234-001257")
                .detail("pemakaian_m3", "23")
                .detail("alamat", "JL. CEMPAKA NO. 17, RT 03/RW 05, BANDUNG")
                .method(PaymentMethod.QRIS);
    }

    static ReceiptBuilder telkom() {
        return new ReceiptBuilder("TELKOM", "Telkom IndiHome / Telepon Rumah", BillerCategory.PHONE,
                "122123456789", 385_000)
                .detail("periode", "OKT26")
                .detail("no_telepon", "122123456789")
                .detail("layanan", "INDIHOME 50 MBPS")
                .method(PaymentMethod.DEBIT_CARD);
    }

    static ReceiptBuilder halo() {
        return new ReceiptBuilder("HALO", "Telkomsel Halo (Pascabayar)", BillerCategory.PHONE, "081234567890",
                163_400)
                .detail("periode", "OKT26")
                .detail("no_hp", "081234567890")
                .detail("paket", "HALO+ 150")
                .method(PaymentMethod.EWALLET);
    }

    static ReceiptBuilder pulsa() {
        return new ReceiptBuilder("PULSA", "Pulsa Prabayar", BillerCategory.PHONE, "085712345678", 25_000)
                .detail("no_hp", "085712345678")
                .detail("operator", "INDOSAT OOREDOO")
                .detail("produk", "Pulsa 25.000")
                .adminFee(1_500)
                .billerRef("SN 0412 2026 1122 9981")
                .tendered(30_000);
    }

    static ReceiptBuilder kai() {
        return new ReceiptBuilder("KAI", "Kereta Api Indonesia (KAI)", BillerCategory.TICKET, "K7XQ2M", 1_240_000)
                .detail("kode_booking", "K7XQ2M")
                .detail("kereta", "ARGO BROMO ANGGREK")
                .detail("no_kereta", "1")
                .detail("kelas", "EKSEKUTIF")
                .detail("rute", "GAMBIR (GMR) - SURABAYA PASARTURI (SBI)")
                .detail("berangkat", "05 DES 2026 08:20")
                .detail("kursi", "EKS-3 / 7A, 7B")
                .detail("jumlah_penumpang", "2")
                .detail("penumpang", "BUDI SANTOSO, SITI RAHAYU")
                .adminFee(7_500)
                .method(PaymentMethod.VIRTUAL_ACCOUNT);
    }

    /** A biller the receipt has no layout of its own for. */
    static ReceiptBuilder generic() {
        return new ReceiptBuilder("BPJS_KESEHATAN", "BPJS Kesehatan", BillerCategory.OTHER, "8888801234567890",
                210_000)
                .detail("jumlah_peserta", "3")
                .detail("periode_bulan", "2")
                .method(PaymentMethod.PAYMENT_LINK);
    }

    ReceiptBuilder detail(String key, String value) {
        details.put(key, value);
        return this;
    }

    ReceiptBuilder shop(String name, String address) {
        this.shopName = name;
        this.shopAddress = address;
        return this;
    }

    ReceiptBuilder paidAt(Instant paidAt) {
        this.paidAt = paidAt;
        return this;
    }

    ReceiptBuilder clientRef(String clientRef) {
        this.clientRef = clientRef;
        return this;
    }

    ReceiptBuilder customerName(String customerName) {
        this.customerName = customerName;
        return this;
    }

    ReceiptBuilder adminFee(long adminFee) {
        this.adminFee = adminFee;
        return this;
    }

    ReceiptBuilder method(PaymentMethod method) {
        this.method = method;
        this.tendered = Optional.empty();
        return this;
    }

    /** Cash handed over; the change is what is left of it after the total. */
    ReceiptBuilder tendered(long tendered) {
        this.method = PaymentMethod.CASH;
        this.tendered = Optional.of(tendered);
        return this;
    }

    ReceiptBuilder token(String token) {
        this.token = Optional.of(token);
        return this;
    }

    ReceiptBuilder kwh(String kwh) {
        this.kwh = Optional.of(kwh);
        return this;
    }

    ReceiptBuilder billerRef(String billerRef) {
        this.billerRef = Optional.of(billerRef);
        return this;
    }

    /** A SUSPECT payment: no biller reference, token or kWh yet. */
    ReceiptBuilder provisional() {
        this.provisional = true;
        this.billerRef = Optional.empty();
        this.token = Optional.empty();
        this.kwh = Optional.empty();
        return this;
    }

    ReceiptBuilder reprint() {
        this.reprint = true;
        return this;
    }

    ReceiptBuilder sandbox() {
        this.sandbox = true;
        return this;
    }

    /** A provider's test mode (Digiflazz development): not real money, and named TESTING. */
    ReceiptBuilder testing() {
        this.sandbox = true;
        this.testing = true;
        return this;
    }

    ReceiptData build() {
        Money total = Money.of(amount).plus(Money.of(adminFee));
        Optional<Money> cash = tendered.map(Money::of);
        return new ReceiptData(shopName, shopAddress, clerk, paidAt, clientRef, billerCode, billerName, category,
                reference, customerName, details, Money.of(amount), Money.of(adminFee), total, method, cash,
                cash.map(c -> c.minus(total)), token, kwh, billerRef, provisional, reprint, sandbox, testing);
    }
}
