package id.loket.upstream.digiflazz;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.upstream.digiflazz.ResponseCode.RcClass;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseCodeTest {

    /** The official table (developer.digiflazz.com/api/buyer/response-code), row by row, with Loket's class. */
    @ParameterizedTest(name = "rc {0}: {2}, Txn={1}")
    @CsvSource({
        "00, Ya, SUCCESS, Transaksi Sukses",
        "01, Ya, FAILED, Timeout",
        "02, Ya, FAILED, Transaksi Gagal",
        "03, Ya, PENDING, Transaksi Pending",
        "40, Tidak, REFUSED, Payload Error",
        "41, Tidak, CONFIG_ERROR, Signature tidak valid",
        "42, Tidak, CONFIG_ERROR, Gagal memproses API Buyer",
        "43, Tidak, REFUSED, SKU tidak di temukan atau Non-Aktif",
        "44, Tidak, REFUSED, Saldo tidak cukup",
        "45, Tidak, CONFIG_ERROR, IP Anda tidak kami kenali",
        "47, Tidak, REFUSED, Transaksi sudah terjadi di buyer lain",
        "49, Tidak, REFUSED, Ref ID tidak unik",
        "50, Ya, FAILED, Transaksi Tidak Ditemukan",
        "51, Ya, FAILED, Nomor Tujuan Diblokir",
        "52, Ya, FAILED, Prefix Tidak Sesuai Dengan Operator",
        "53, Ya, FAILED, Produk Seller Sedang Tidak Tersedia",
        "54, Ya, FAILED, Nomor Tujuan Salah",
        "55, Ya, FAILED, Produk Sedang Gangguan",
        "56, Tidak, REFUSED, Limit saldo seller",
        "57, Ya, FAILED, Jumlah Digit Kurang Atau Lebih",
        "58, Ya, FAILED, Sedang Cut Off",
        "59, Ya, FAILED, Tujuan di Luar Wilayah/Cluster",
        "60, Ya, FAILED, Tagihan belum tersedia",
        "61, Tidak, REFUSED, Belum pernah melakukan deposit",
        "62, Tidak, REFUSED, Seller sedang mengalami gangguan",
        "63, Tidak, REFUSED, Tidak support transaksi multi",
        "64, Tidak, REFUSED, 'Tarik tiket gagal, coba nominal lain atau hubungi admin.'",
        "65, Tidak, REFUSED, Limit transaksi multi",
        "66, Tidak, REFUSED, Cut Off (Perbaikan Sistem Seller)",
        "67, Tidak, REFUSED, Seller belum ter-verfikasi",
        "68, Tidak, REFUSED, Stok habis",
        "69, Tidak, REFUSED, Harga seller lebih besar dari ketentuan harga Buyer",
        "70, Ya, FAILED, Timeout Dari Biller",
        "71, Ya, FAILED, Produk Sedang Tidak Stabil",
        "72, Ya, FAILED, Lakukan Unreg Paket Dahulu",
        "73, Ya, FAILED, Kwh Melebihi Batas",
        "74, Ya, FAILED, Transaksi Refund",
        "80, Tidak, REFUSED, Akun Anda telah diblokir oleh Seller",
        "81, Tidak, REFUSED, Seller ini telah diblokir oleh Anda",
        "82, Tidak, REFUSED, Akun Anda belum ter-verfikasi",
        "83, Tidak, RATE_LIMITED, "
                + "'Anda telah mencapai limitasi pengecekan pricelist, silahkan coba beberapa saat lagi'",
        "84, Ya, FAILED, Nominal tidak valid",
        "85, Ya, FAILED, 'Anda telah mencapai limitasi transaksi, silahkan coba 1 menit lagi'",
        "86, Ya, RATE_LIMITED, "
                + "'Anda telah mencapai limitasi pengecekan nomor PLN, silahkan coba beberapa saat lagi'",
        "87, Tidak, REFUSED, Transaksi E-money wajib kelipatan Rp 1.000",
        "88, Tidak, REFUSED, Akun Anda tidak dapat melakukan aksi ini",
        "99, Ya, PENDING, DF Router Issue",
    })
    void everyOfficialCode(String rc, String txn, RcClass rcClass, String message) {
        ResponseCode code = ResponseCode.of(rc).orElseThrow();

        assertThat(code.code()).isEqualTo(rc);
        assertThat(code.rcClass()).isEqualTo(rcClass);
        assertThat(code.transactionCreated()).isEqualTo(txn.equals("Ya"));
        assertThat(code.message()).isEqualTo(message);
        assertThat(code.officialStatus()).isEqualTo(switch (rcClass) {
            case SUCCESS -> "Sukses";
            case PENDING -> "Pending";
            default -> "Gagal";
        });
        if (rcClass == RcClass.REFUSED || rcClass == RcClass.CONFIG_ERROR || rcClass == RcClass.RATE_LIMITED) {
            assertThat(code.hint()).as("what the owner or clerk should do").isPresent();
        }
    }

    @Test
    void theTableHasExactlyTheOfficialCodes() {
        assertThat(ResponseCode.values()).hasSize(47);
        assertThat(Arrays.stream(ResponseCode.values()).map(ResponseCode::code).distinct()).hasSize(47);
    }

    @ParameterizedTest
    @ValueSource(strings = {"46", "48", "75", "79", "89", "98", "100", "0", "3", "", " 00", "OK"})
    void aCodeOutsideTheTableIsUnknown(String rc) {
        assertThat(ResponseCode.of(rc)).isEmpty();
    }

    @Test
    void nullIsUnknown() {
        assertThat(ResponseCode.of(null)).isEmpty();
    }

    @Test
    void theHintsSayWhatToDo() {
        assertThat(hint("41")).contains("API key is wrong or does not match development/production mode");
        assertThat(hint("42")).contains("username is wrong");
        assertThat(hint("45")).contains("IP address is not whitelisted at Digiflazz (Atur Koneksi > API)");
        assertThat(hint("44")).contains("deposit is too low: top it up");
        assertThat(hint("43")).contains("product is not found or inactive");
        assertThat(hint("83")).startsWith("rate limited: wait");
        assertThat(hint("86")).startsWith("rate limited: wait");
        assertThat(hint("49")).startsWith("ref_id not unique");
        assertThat(ResponseCode.of("00").orElseThrow().hint()).isEmpty();
    }

    private static String hint(String rc) {
        return ResponseCode.of(rc).orElseThrow().hint().orElseThrow();
    }
}
