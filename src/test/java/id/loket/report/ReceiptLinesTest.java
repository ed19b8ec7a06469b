package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.core.PaymentMethod;
import id.loket.report.ReceiptLine.Kind;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptLinesTest {

    private static final Set<Kind> LABELLED = EnumSet.of(Kind.FIELD, Kind.AMOUNT, Kind.TOTAL, Kind.TOKEN);

    @Test
    void plnPostpaidCarriesPlnsLinesInPlnsOrder() {
        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.plnPostpaid().build());

        assertThat(labelled(lines)).containsExactly(
                "IDPEL : 512345678901",
                "NAMA : BUDI SANTOSO",
                "TARIF/DAYA : R1/1300VA",
                "BL/TH : OKT26",
                "STAND METER : 00012345-00012449",
                "RP TAG PLN : Rp 150.000",
                "ADMIN : Rp 2.500",
                "TOTAL BAYAR : Rp 152.500",
                "NO REF : SBX1A2B3C4D5E6F7A8B",
                "CARA BAYAR : TUNAI",
                "TUNAI : Rp 200.000",
                "KEMBALI : Rp 47.500",
                "KASIR : siti",
                "WAKTU : 22-11-2026 14:05 WIB",
                "NO TRANSAKSI : LKT-20261122-000042");
        assertThat(lines.get(0)).isEqualTo(new ReceiptLine(Kind.TITLE, "", "LOKET BERKAH JAYA"));
        assertThat(lines.get(1)).isEqualTo(ReceiptLine.centered("JL. MERDEKA NO. 10, BANDUNG"));
        assertThat(texts(lines)).contains("STRUK PEMBAYARAN TAGIHAN LISTRIK", "PLN PASCABAYAR",
                ReceiptLines.PLN_VALID_PROOF, ReceiptLines.THANKS);
        assertThat(kinds(lines, "TOTAL BAYAR")).containsExactly(Kind.TOTAL);
        assertThat(kinds(lines, "RP TAG PLN")).containsExactly(Kind.AMOUNT);
    }

    @Test
    void plnPrepaidEndsWithTheTokenInGroupsOfFour() {
        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.plnPrepaid().build());

        assertThat(labelled(lines)).startsWith(
                "NO METER : 14234567890",
                "IDPEL : 523456789012",
                "NAMA : BUDI SANTOSO",
                "TARIF/DAYA : R1/1300VA",
                "NO REF : SBX1A2B3C4D5E6F7A8B",
                "RP BAYAR : Rp 100.000",
                "ADMIN : Rp 2.500",
                "TOTAL BAYAR : Rp 102.500",
                "JML KWH : 69,2",
                "TOKEN : 1234 5678 9012 3456 7890",
                "CARA BAYAR : TUNAI");
        assertThat(lines).filteredOn(l -> l.kind() == Kind.TOKEN)
                .containsExactly(new ReceiptLine(Kind.TOKEN, "TOKEN", "1234 5678 9012 3456 7890"));
        assertThat(texts(lines)).contains("STRUK PEMBELIAN LISTRIK PRABAYAR", ReceiptLines.PLN_VALID_PROOF);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "12345678901234567890", "1234 5678 9012 3456 7890", "1234-5678-9012-3456-7890",
        " 1234  56789012 3456-7890 ", "12345678\t90123456 7890", "1234.5678.9012.3456.7890"})
    void theTokenIsRegroupedWhateverSpacingItArrivesWith(String token) {
        assertThat(ReceiptLines.groupToken(token)).isEqualTo("1234 5678 9012 3456 7890");

        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.plnPrepaid().token(token).build());
        assertThat(labelled(lines)).contains("TOKEN : 1234 5678 9012 3456 7890");
    }

    @Test
    void aTokenThatIsNotDigitsIsPrintedAsItCame() {
        assertThat(ReceiptLines.groupToken(" TOKEN-BELUM-TERSEDIA ")).isEqualTo("TOKEN-BELUM-TERSEDIA");
    }

    @Test
    void pdamShowsAddressUsageInCubicMetresAndTheBill() {
        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.pdam().build());

        assertThat(labelled(lines)).containsSubsequence(
                "NO PELANGGAN : 1234567",
                "NAMA : BUDI SANTOSO",
                "ALAMAT : JL. CEMPAKA NO. 17, RT 03/RW 05, BANDUNG",
                "PERIODE : OKT26",
                "STAND METER : 001234-001257",
                "PEMAKAIAN : 23 m\u00b3",
                "TAGIHAN : Rp 141.500",
                "ADMIN : Rp 2.500",
                "TOTAL BAYAR : Rp 144.000",
                "NO REF : SBX1A2B3C4D5E6F7A8B",
                "CARA BAYAR : QRIS");
        assertThat(labels(lines)).doesNotContain("TUNAI", "KEMBALI");
        assertThat(texts(lines)).contains("STRUK PEMBAYARAN TAGIHAN AIR", "PDAM TIRTAWENING KOTA BANDUNG",
                ReceiptLines.VALID_PROOF).doesNotContain(ReceiptLines.PLN_VALID_PROOF);
    }

    @Test
    void telkomShowsTheLineAndTheService() {
        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.telkom().build());

        assertThat(labelled(lines)).containsSubsequence(
                "NO TELEPON : 122123456789",
                "NAMA : BUDI SANTOSO",
                "PERIODE : OKT26",
                "LAYANAN : INDIHOME 50 MBPS",
                "TAGIHAN : Rp 385.000",
                "ADMIN : Rp 2.500",
                "TOTAL BAYAR : Rp 387.500",
                "NO REF : SBX1A2B3C4D5E6F7A8B",
                "CARA BAYAR : KARTU DEBIT");
    }

    @Test
    void haloShowsTheMobileNumberAndThePlan() {
        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.halo().build());

        assertThat(labelled(lines)).containsSubsequence(
                "NO HP : 081234567890",
                "NAMA : BUDI SANTOSO",
                "PERIODE : OKT26",
                "PAKET : HALO+ 150",
                "TAGIHAN : Rp 163.400",
                "ADMIN : Rp 2.500",
                "TOTAL BAYAR : Rp 165.900",
                "NO REF : SBX1A2B3C4D5E6F7A8B",
                "CARA BAYAR : E-WALLET");
        assertThat(labels(lines)).doesNotContain("NO TELEPON", "LAYANAN");
    }

    @Test
    void pulsaShowsOperatorProductAndTheSerialNumber() {
        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.pulsa().build());

        assertThat(labelled(lines)).startsWith(
                "NO HP : 085712345678",
                "OPERATOR : INDOSAT OOREDOO",
                "PRODUK : Pulsa 25.000",
                "HARGA : Rp 25.000",
                "ADMIN : Rp 1.500",
                "TOTAL BAYAR : Rp 26.500",
                "NO REF/SN : SN 0412 2026 1122 9981",
                "CARA BAYAR : TUNAI",
                "TUNAI : Rp 30.000",
                "KEMBALI : Rp 3.500");
        assertThat(labels(lines)).doesNotContain("NAMA");
    }

    @Test
    void kaiShowsTrainClassRouteSeatsAndPassengers() {
        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.kai().build());

        assertThat(labelled(lines)).startsWith(
                "KODE BOOKING : K7XQ2M",
                "NAMA : BUDI SANTOSO",
                "KERETA : ARGO BROMO ANGGREK (1)",
                "KELAS : EKSEKUTIF",
                "RUTE : GAMBIR (GMR) - SURABAYA PASARTURI (SBI)",
                "BERANGKAT : 05 DES 2026 08:20",
                "KURSI : EKS-3 / 7A, 7B",
                "PENUMPANG : 2 ORANG: BUDI SANTOSO, SITI RAHAYU",
                "HARGA : Rp 1.240.000",
                "ADMIN : Rp 7.500",
                "TOTAL BAYAR : Rp 1.247.500",
                "NO REF : SBX1A2B3C4D5E6F7A8B",
                "CARA BAYAR : VIRTUAL ACCOUNT");
        assertThat(texts(lines)).contains("STRUK PEMBAYARAN TIKET KERETA API");
    }

    @Test
    void anyOtherBillerPrintsItsDetailsGenerically() {
        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.generic().build());

        assertThat(labelled(lines)).startsWith(
                "NO PELANGGAN : 8888801234567890",
                "NAMA : BUDI SANTOSO",
                "JUMLAH PESERTA : 3",
                "PERIODE BULAN : 2",
                "TAGIHAN : Rp 210.000",
                "ADMIN : Rp 2.500",
                "TOTAL BAYAR : Rp 212.500",
                "NO REF : SBX1A2B3C4D5E6F7A8B",
                "CARA BAYAR : LINK PEMBAYARAN");
        assertThat(texts(lines)).contains("STRUK PEMBAYARAN", "BPJS KESEHATAN", ReceiptLines.VALID_PROOF);
    }

    @Test
    void aValueTheGatewayDidNotSendLeavesNoEmptyLine() {
        List<String> labelled = labelled(ReceiptLines.of(ReceiptBuilder.plnPostpaid()
                .detail("tarif_daya", " ").detail("stand_meter", "").detail("idpel", "").build()));

        assertThat(labelled).noneMatch(l -> l.startsWith("TARIF/DAYA") || l.startsWith("STAND METER"))
                // Without its own idpel the bill is known by the reference the clerk typed.
                .contains("IDPEL : 512345678901", "BL/TH : OKT26");
    }

    @Test
    void aReprintSaysCetakUlangAtTheTop() {
        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.plnPostpaid().reprint().build());

        assertThat(lines.subList(0, lines.indexOf(ReceiptLine.separator())))
                .contains(ReceiptLine.notice(ReceiptLines.REPRINT));
        assertThat(ReceiptLines.of(ReceiptBuilder.plnPostpaid().build()))
                .doesNotContain(ReceiptLine.notice(ReceiptLines.REPRINT));
    }

    @Test
    void aProvisionalSlipSaysToWaitAndHasNoReferenceOrToken() {
        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.plnPrepaid().provisional()
                .billerRef("SHOULD-NOT-PRINT").token("12345678901234567890").build());

        assertThat(lines).contains(ReceiptLine.notice(ReceiptLines.PROVISIONAL));
        assertThat(ReceiptLines.PROVISIONAL).isEqualTo(
                "STRUK SEMENTARA \u2014 PEMBAYARAN SEDANG DIPROSES. JANGAN BAYAR ULANG. Simpan struk ini.");
        assertThat(labels(lines)).doesNotContain("NO REF", "TOKEN").contains("TOTAL BAYAR", "NO TRANSAKSI");
        assertThat(lines).noneMatch(l -> l.kind() == Kind.TOKEN);
        // It is not yet proof that the biller was paid.
        assertThat(texts(lines)).doesNotContain(ReceiptLines.PLN_VALID_PROOF, ReceiptLines.VALID_PROOF)
                .contains(ReceiptLines.THANKS);
    }

    @Test
    void aProvisionalPostpaidSlipHasNoReferenceEither() {
        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.pulsa().provisional().build());

        assertThat(labels(lines)).doesNotContain("NO REF/SN");
        assertThat(lines).contains(ReceiptLine.notice(ReceiptLines.PROVISIONAL));
    }

    @Test
    void aSandboxReceiptSaysItIsNotRealAtTopAndFoot() {
        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.telkom().sandbox().build());

        assertThat(lines).filteredOn(l -> l.equals(ReceiptLine.notice(ReceiptLines.SANDBOX))).hasSize(2);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(ReceiptLine.notice(ReceiptLines.SANDBOX));
        assertThat(ReceiptLines.SANDBOX).isEqualTo("SANDBOX \u2014 BUKAN TRANSAKSI NYATA");
        assertThat(ReceiptLines.of(ReceiptBuilder.telkom().build()))
                .doesNotContain(ReceiptLine.notice(ReceiptLines.SANDBOX));
    }

    @Test
    void aReceiptOfAProvidersTestModeSaysTestingAtTopAndFoot() {
        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.telkom().testing().build());

        assertThat(lines).filteredOn(l -> l.equals(ReceiptLine.notice(ReceiptLines.TESTING))).hasSize(2);
        assertThat(lines).doesNotContain(ReceiptLine.notice(ReceiptLines.SANDBOX));
        assertThat(ReceiptLines.TESTING).isEqualTo("TESTING \u2014 BUKAN TRANSAKSI NYATA");
    }

    @Test
    void theTimeIsWesternIndonesianTimeWhateverTheComputersZone() {
        // 17:30 UTC is 00:30 the next day in Jakarta.
        List<String> labelled = labelled(ReceiptLines.of(
                ReceiptBuilder.halo().paidAt(Instant.parse("2026-11-22T17:30:00Z")).build()));

        assertThat(labelled).contains("WAKTU : 23-11-2026 00:30 WIB");
    }

    @ParameterizedTest
    @EnumSource(PaymentMethod.class)
    void everyMethodHasItsIndonesianName(PaymentMethod method) {
        assertThat(ReceiptLines.methodName(method)).isIn(
                "TUNAI", "KARTU DEBIT", "QRIS", "VIRTUAL ACCOUNT", "E-WALLET", "LINK PEMBAYARAN", "QRIS TOKO");
    }

    @Test
    void nonCashPaymentsShowNoTenderedOrChange() {
        List<ReceiptLine> lines = ReceiptLines.of(ReceiptBuilder.plnPostpaid().method(PaymentMethod.QRIS).build());

        assertThat(labels(lines)).doesNotContain("TUNAI", "KEMBALI");
        assertThat(labelled(lines)).contains("CARA BAYAR : QRIS");
    }

    /** "LABEL : value" of every labelled line, in order. */
    private static List<String> labelled(List<ReceiptLine> lines) {
        return lines.stream().filter(l -> LABELLED.contains(l.kind())).map(l -> l.label() + " : " + l.value())
                .toList();
    }

    private static List<String> labels(List<ReceiptLine> lines) {
        return lines.stream().filter(l -> LABELLED.contains(l.kind())).map(ReceiptLine::label).toList();
    }

    private static List<String> texts(List<ReceiptLine> lines) {
        return lines.stream().filter(l -> l.kind() == Kind.CENTER || l.kind() == Kind.NOTICE)
                .map(ReceiptLine::value).toList();
    }

    private static List<Kind> kinds(List<ReceiptLine> lines, String label) {
        return lines.stream().filter(l -> l.label().equals(label)).map(ReceiptLine::kind).toList();
    }
}
