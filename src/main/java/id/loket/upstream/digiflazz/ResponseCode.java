package id.loket.upstream.digiflazz;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every response code of the Buyer API (developer.digiflazz.com/api/buyer/response-code, research §1.5): the
 * official message, the official "Terbentuk Transaksi" flag and how Loket classifies the code.
 *
 * <p>This is the one table; nothing else in Loket may interpret an {@code rc}. Codes that are not in it (46, 48,
 * 75-79, 89-98, or anything else) are not defined by Digiflazz, so {@link #of(String)} returns empty and the client
 * reads such an answer as no answer at all. Map on {@code rc}, never on the message: the messages sent in practice
 * differ from the table (41 "Signature Anda salah", 43 "Produk sedang Gangguan (Non Aktif)", 40 "Invalid Payload").
 */
public enum ResponseCode {

    TRANSACTION_SUCCESS("00", "Transaksi Sukses", true, RcClass.SUCCESS, null),
    /** Final per the docs, although one integrator re-checks it before refunding (research §1.11 #6). */
    TIMEOUT("01", "Timeout", true, RcClass.FAILED, null),
    TRANSACTION_FAILED("02", "Transaksi Gagal", true, RcClass.FAILED, null),
    TRANSACTION_PENDING("03", "Transaksi Pending", true, RcClass.PENDING, null),
    PAYLOAD_ERROR("40", "Payload Error", false, RcClass.REFUSED,
            "Digiflazz refused the request's fields (wrong type or missing): report this to the Loket developers"),
    INVALID_SIGNATURE("41", "Signature tidak valid", false, RcClass.CONFIG_ERROR,
            "the API key is wrong or does not match development/production mode"),
    BUYER_API_FAILED("42", "Gagal memproses API Buyer", false, RcClass.CONFIG_ERROR,
            "the username is wrong"),
    SKU_NOT_FOUND("43", "SKU tidak di temukan atau Non-Aktif", false, RcClass.REFUSED,
            "the product is not found or inactive: check the product code in the Digiflazz panel"),
    INSUFFICIENT_DEPOSIT("44", "Saldo tidak cukup", false, RcClass.REFUSED,
            "the deposit is too low: top it up"),
    UNKNOWN_IP("45", "IP Anda tidak kami kenali", false, RcClass.CONFIG_ERROR,
            "this counter's IP address is not whitelisted at Digiflazz (Atur Koneksi > API)"),
    DONE_BY_ANOTHER_BUYER("47", "Transaksi sudah terjadi di buyer lain", false, RcClass.REFUSED,
            "this purchase was already made through another Digiflazz buyer account"),
    REF_ID_NOT_UNIQUE("49", "Ref ID tidak unik", false, RcClass.REFUSED,
            "ref_id not unique: this reference was already used for another purchase"),
    TRANSACTION_NOT_FOUND("50", "Transaksi Tidak Ditemukan", true, RcClass.FAILED, null),
    NUMBER_BLOCKED("51", "Nomor Tujuan Diblokir", true, RcClass.FAILED, null),
    PREFIX_MISMATCH("52", "Prefix Tidak Sesuai Dengan Operator", true, RcClass.FAILED, null),
    SELLER_PRODUCT_UNAVAILABLE("53", "Produk Seller Sedang Tidak Tersedia", true, RcClass.FAILED, null),
    WRONG_NUMBER("54", "Nomor Tujuan Salah", true, RcClass.FAILED, null),
    PRODUCT_DISRUPTED("55", "Produk Sedang Gangguan", true, RcClass.FAILED, null),
    /** Deprecated by Digiflazz, still classified in case it comes back. */
    SELLER_BALANCE_LIMIT("56", "Limit saldo seller", false, RcClass.REFUSED,
            "the seller's balance limit was reached: try later or another product"),
    DIGIT_COUNT("57", "Jumlah Digit Kurang Atau Lebih", true, RcClass.FAILED, null),
    CUT_OFF("58", "Sedang Cut Off", true, RcClass.FAILED, null),
    OUT_OF_AREA("59", "Tujuan di Luar Wilayah/Cluster", true, RcClass.FAILED, null),
    BILL_NOT_AVAILABLE("60", "Tagihan belum tersedia", true, RcClass.FAILED, null),
    NEVER_DEPOSITED("61", "Belum pernah melakukan deposit", false, RcClass.REFUSED,
            "the Digiflazz account has never been topped up: make a first deposit"),
    SELLER_DISRUPTED("62", "Seller sedang mengalami gangguan", false, RcClass.REFUSED,
            "the seller has a problem: try later or another product"),
    MULTI_NOT_SUPPORTED("63", "Tidak support transaksi multi", false, RcClass.REFUSED,
            "the same product to the same number twice a day is not allowed for this product: wait until tomorrow"),
    DEPOSIT_TICKET_FAILED("64", "Tarik tiket gagal, coba nominal lain atau hubungi admin.", false, RcClass.REFUSED,
            "no deposit ticket was issued: try another amount or contact Digiflazz"),
    /** Deprecated by Digiflazz, still classified in case it comes back. */
    MULTI_LIMIT("65", "Limit transaksi multi", false, RcClass.REFUSED,
            "too many identical purchases: wait before buying the same product for the same number"),
    SELLER_MAINTENANCE("66", "Cut Off (Perbaikan Sistem Seller)", false, RcClass.REFUSED,
            "the seller is down for maintenance: try later"),
    SELLER_NOT_VERIFIED("67", "Seller belum ter-verfikasi", false, RcClass.REFUSED,
            "the seller is not verified: choose another seller in the Digiflazz panel"),
    OUT_OF_STOCK("68", "Stok habis", false, RcClass.REFUSED,
            "out of stock: try another product"),
    SELLER_PRICE_TOO_HIGH("69", "Harga seller lebih besar dari ketentuan harga Buyer", false, RcClass.REFUSED,
            "the seller's price is above the maximum price: check the price settings in the Digiflazz panel"),
    BILLER_TIMEOUT("70", "Timeout Dari Biller", true, RcClass.FAILED, null),
    PRODUCT_UNSTABLE("71", "Produk Sedang Tidak Stabil", true, RcClass.FAILED, null),
    UNREGISTER_PACKAGE_FIRST("72", "Lakukan Unreg Paket Dahulu", true, RcClass.FAILED, null),
    KWH_LIMIT("73", "Kwh Melebihi Batas", true, RcClass.FAILED, null),
    REFUNDED("74", "Transaksi Refund", true, RcClass.FAILED, null),
    BLOCKED_BY_SELLER("80", "Akun Anda telah diblokir oleh Seller", false, RcClass.REFUSED,
            "the seller has blocked this account: choose another seller in the Digiflazz panel"),
    SELLER_BLOCKED_BY_YOU("81", "Seller ini telah diblokir oleh Anda", false, RcClass.REFUSED,
            "this seller is blocked in your Digiflazz settings: unblock it or choose another seller"),
    ACCOUNT_NOT_VERIFIED("82", "Akun Anda belum ter-verfikasi", false, RcClass.REFUSED,
            "the Digiflazz account is not verified: finish the verification in the Digiflazz panel"),
    PRICE_LIST_RATE_LIMIT("83",
            "Anda telah mencapai limitasi pengecekan pricelist, silahkan coba beberapa saat lagi", false,
            RcClass.RATE_LIMITED,
            "rate limited: wait (the full price list may be fetched at most once every 5 minutes)"),
    INVALID_AMOUNT("84", "Nominal tidak valid", true, RcClass.FAILED, null),
    /** Txn=Ya per the docs: the ref_id is consumed, so a later attempt needs a new one. */
    TRANSACTION_RATE_LIMIT("85", "Anda telah mencapai limitasi transaksi, silahkan coba 1 menit lagi", true,
            RcClass.FAILED,
            "rate limited: wait a minute, then try again as a new purchase with a new ref_id"),
    PLN_CHECK_RATE_LIMIT("86",
            "Anda telah mencapai limitasi pengecekan nomor PLN, silahkan coba beberapa saat lagi", true,
            RcClass.RATE_LIMITED,
            "rate limited: wait before checking a PLN number again"),
    EMONEY_MULTIPLE("87", "Transaksi E-money wajib kelipatan Rp 1.000", false, RcClass.REFUSED,
            "e-money amounts must be a multiple of Rp 1.000"),
    ACTION_NOT_ALLOWED("88", "Akun Anda tidak dapat melakukan aksi ini", false, RcClass.REFUSED,
            "this Digiflazz account may not do this: contact Digiflazz"),
    ROUTER_ISSUE("99", "DF Router Issue", true, RcClass.PENDING, null);

    /** How Loket acts on a code. */
    public enum RcClass {
        /** Final success (00). */
        SUCCESS,
        /** Final failure after a transaction was created (Txn=Ya): its ref_id is consumed. */
        FAILED,
        /** Not final (03, 99): re-check with the same ref_id, at most once a minute. */
        PENDING,
        /** Refused before any transaction was created (Txn=Tidak): nothing was charged. */
        REFUSED,
        /** Asked too often (83, 86): wait, then ask again. */
        RATE_LIMITED,
        /** The counter's Digiflazz settings are wrong (41, 42, 45): no call can succeed until the owner fixes them. */
        CONFIG_ERROR
    }

    private static final Map<String, ResponseCode> BY_CODE = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(ResponseCode::code, Function.identity()));

    private final String code;
    private final String message;
    private final boolean transactionCreated;
    private final RcClass rcClass;
    private final String hint;

    ResponseCode(String code, String message, boolean transactionCreated, RcClass rcClass, String hint) {
        this.code = code;
        this.message = message;
        this.transactionCreated = transactionCreated;
        this.rcClass = rcClass;
        this.hint = hint;
    }

    /** The code as Digiflazz sends it, two digits with the leading zero ({@code "03"}). */
    public String code() {
        return code;
    }

    /** The official message of the response-code page (the message actually sent may differ). */
    public String message() {
        return message;
    }

    /** The official "Terbentuk Transaksi" flag: a transaction record exists for the ref_id. */
    public boolean transactionCreated() {
        return transactionCreated;
    }

    public RcClass rcClass() {
        return rcClass;
    }

    /** What the owner or clerk should do, in plain English; present for every code that is not a plain outcome. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /** The {@code status} text Digiflazz sends with this code: {@code Sukses}, {@code Pending} or {@code Gagal}. */
    public String officialStatus() {
        return switch (rcClass) {
            case SUCCESS -> "Sukses";
            case PENDING -> "Pending";
            case FAILED, REFUSED, RATE_LIMITED, CONFIG_ERROR -> "Gagal";
        };
    }

    /** The code for an {@code rc} as sent; empty for null and for anything not in the official table. */
    public static Optional<ResponseCode> of(String rc) {
        return rc == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(rc));
    }
}
