package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Receipts as WhatsApp text: the printed slip's content, one line each, the key lines bold. */
class ReceiptTextTest {

    private static final String RULE = ReceiptText.RULE;

    @Test
    void aPostpaidPlnBill() {
        String text = ReceiptText.of(ReceiptBuilder.plnPostpaid().build());

        assertThat(text).isEqualTo(String.join("\n",
                "*LOKET BERKAH JAYA*",
                "JL. MERDEKA NO. 10, BANDUNG",
                RULE,
                "STRUK PEMBAYARAN TAGIHAN LISTRIK",
                "PLN PASCABAYAR",
                RULE,
                "IDPEL: 512345678901",
                "NAMA: BUDI SANTOSO",
                "TARIF/DAYA: R1/1300VA",
                "BL/TH: OKT26",
                "STAND METER: 00012345-00012449",
                "RP TAG PLN: Rp 150.000",
                "ADMIN: Rp 2.500",
                "*TOTAL BAYAR: Rp 152.500*",
                "NO REF: SBX1A2B3C4D5E6F7A8B",
                RULE,
                "CARA BAYAR: TUNAI",
                "TUNAI: Rp 200.000",
                "KEMBALI: Rp 47.500",
                RULE,
                "PLN menyatakan struk ini sebagai bukti pembayaran yang sah.",
                "Terima kasih.",
                RULE,
                "KASIR: siti",
                "WAKTU: 22-11-2026 14:05 WIB",
                "NO TRANSAKSI: LKT-20261122-000042"));
    }

    @Test
    void aPlnTokenInSandboxCarriesTheTokenBoldAndTheNoticeTopAndBottom() {
        String text = ReceiptText.of(ReceiptBuilder.plnPrepaid().sandbox().build());

        assertThat(text).startsWith("*LOKET BERKAH JAYA*\nJL. MERDEKA NO. 10, BANDUNG\n*"
                + ReceiptLines.SANDBOX + "*\n");
        assertThat(text).endsWith("\n*" + ReceiptLines.SANDBOX + "*");
        assertThat(text.lines()).contains(
                "STRUK PEMBELIAN LISTRIK PRABAYAR",
                "NO METER: 14234567890",
                "RP BAYAR: Rp 100.000",
                "*TOTAL BAYAR: Rp 102.500*",
                "JML KWH: 69,2",
                "TOKEN: *1234 5678 9012 3456 7890*");
        assertThat(text).doesNotContain("\n\n").doesNotContain(RULE + "\n" + RULE);
    }

    @Test
    void aProviderTestModeSaysTesting() {
        String text = ReceiptText.of(ReceiptBuilder.plnPrepaid().testing().build());

        assertThat(text.lines()).contains("*" + ReceiptLines.TESTING + "*");
        assertThat(text).doesNotContain(ReceiptLines.SANDBOX);
    }

    @Test
    void aProvisionalSlipSaysSoAndHasNoToken() {
        String text = ReceiptText.of(ReceiptBuilder.plnPrepaid().provisional().build());

        assertThat(text.lines()).contains("*" + ReceiptLines.PROVISIONAL + "*");
        assertThat(text).doesNotContain("TOKEN:");
    }
}
