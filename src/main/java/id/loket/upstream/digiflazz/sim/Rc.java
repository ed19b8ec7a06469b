package id.loket.upstream.digiflazz.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The official response-code table (developer.digiflazz.com/api/buyer/response-code), with its "Terbentuk
 * Transaksi" flag: {@code created} says whether a transaction exists for the ref_id after such an answer, which is
 * what decides whether the deposit moved and whether a re-send finds a record.
 */
record Rc(String code, String message, String status, boolean created) {

    static final String SUKSES = "Sukses";
    static final String GAGAL = "Gagal";
    static final String PENDING = "Pending";

    private static final Map<String, Rc> TABLE = table();

    static Rc of(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Not an official Digiflazz rc: " + code));
    }

    static Optional<Rc> find(String code) {
        return Optional.ofNullable(TABLE.get(code));
    }

    boolean pending() {
        return status.equals(PENDING);
    }

    boolean success() {
        return status.equals(SUKSES);
    }

    private static Map<String, Rc> table() {
        Map<String, Rc> t = new LinkedHashMap<>();
        put(t, "00", "Transaksi Sukses", SUKSES, true);
        put(t, "01", "Timeout", GAGAL, true);
        put(t, "02", "Transaksi Gagal", GAGAL, true);
        put(t, "03", "Transaksi Pending", PENDING, true);
        put(t, "40", "Payload Error", GAGAL, false);
        put(t, "41", "Signature tidak valid", GAGAL, false);
        put(t, "42", "Gagal memproses API Buyer", GAGAL, false);
        put(t, "43", "SKU tidak di temukan atau Non-Aktif", GAGAL, false);
        put(t, "44", "Saldo tidak cukup", GAGAL, false);
        put(t, "45", "IP Anda tidak kami kenali", GAGAL, false);
        put(t, "47", "Transaksi sudah terjadi di buyer lain", GAGAL, false);
        put(t, "49", "Ref ID tidak unik", GAGAL, false);
        put(t, "50", "Transaksi Tidak Ditemukan", GAGAL, true);
        put(t, "51", "Nomor Tujuan Diblokir", GAGAL, true);
        put(t, "52", "Prefix Tidak Sesuai Dengan Operator", GAGAL, true);
        put(t, "53", "Produk Seller Sedang Tidak Tersedia", GAGAL, true);
        put(t, "54", "Nomor Tujuan Salah", GAGAL, true);
        put(t, "55", "Produk Sedang Gangguan", GAGAL, true);
        put(t, "56", "Limit saldo seller", GAGAL, false);
        put(t, "57", "Jumlah Digit Kurang Atau Lebih", GAGAL, true);
        put(t, "58", "Sedang Cut Off", GAGAL, true);
        put(t, "59", "Tujuan di Luar Wilayah/Cluster", GAGAL, true);
        put(t, "60", "Tagihan belum tersedia", GAGAL, true);
        put(t, "61", "Belum pernah melakukan deposit", GAGAL, false);
        put(t, "62", "Seller sedang mengalami gangguan", GAGAL, false);
        put(t, "63", "Tidak support transaksi multi", GAGAL, false);
        put(t, "64", "Tarik tiket gagal, coba nominal lain atau hubungi admin.", GAGAL, false);
        put(t, "65", "Limit transaksi multi", GAGAL, false);
        put(t, "66", "Cut Off (Perbaikan Sistem Seller)", GAGAL, false);
        put(t, "67", "Seller belum ter-verfikasi", GAGAL, false);
        put(t, "68", "Stok habis", GAGAL, false);
        put(t, "69", "Harga seller lebih besar dari ketentuan harga Buyer", GAGAL, false);
        put(t, "70", "Timeout Dari Biller", GAGAL, true);
        put(t, "71", "Produk Sedang Tidak Stabil", GAGAL, true);
        put(t, "72", "Lakukan Unreg Paket Dahulu", GAGAL, true);
        put(t, "73", "Kwh Melebihi Batas", GAGAL, true);
        put(t, "74", "Transaksi Refund", GAGAL, true);
        put(t, "80", "Akun Anda telah diblokir oleh Seller", GAGAL, false);
        put(t, "81", "Seller ini telah diblokir oleh Anda", GAGAL, false);
        put(t, "82", "Akun Anda belum ter-verfikasi", GAGAL, false);
        put(t, "83", "Anda telah mencapai limitasi pengecekan pricelist, silahkan coba beberapa saat lagi", GAGAL,
                false);
        put(t, "84", "Nominal tidak valid", GAGAL, true);
        put(t, "85", "Anda telah mencapai limitasi transaksi, silahkan coba 1 menit lagi", GAGAL, true);
        put(t, "86", "Anda telah mencapai limitasi pengecekan nomor PLN, silahkan coba beberapa saat lagi", GAGAL,
                true);
        put(t, "87", "Transaksi E-money wajib kelipatan Rp 1.000", GAGAL, false);
        put(t, "88", "Akun Anda tidak dapat melakukan aksi ini", GAGAL, false);
        put(t, "99", "DF Router Issue", PENDING, true);
        return Map.copyOf(t);
    }

    private static void put(Map<String, Rc> t, String code, String message, String status, boolean created) {
        t.put(code, new Rc(code, message, status, created));
    }
}
