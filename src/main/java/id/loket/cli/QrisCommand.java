package id.loket.cli;

import id.loket.core.Money;
import id.loket.qris.DynamicQris;
import id.loket.qris.QrImages;
import id.loket.qris.QrisException;
import id.loket.qris.QrisField;
import id.loket.qris.QrisPayload;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loket qris}: the shop's static QRIS (its sticker, settings key {@code qris.static} or env
 * {@code LOKET_STATIC_QRIS}) made dynamic for one amount, as text and as a PNG image; or {@code --check} of a payload
 * before the owner sets it.
 */
@Command(name = "qris", mixinStandardHelpOptions = true,
        description = {"Make the shop's static QRIS dynamic for an amount: prints the payload, the merchant and the"
                + " last 4 digits of the NMID, and writes the QR code as PNG.",
            "The static QRIS comes from the settings (Settings, or env LOKET_STATIC_QRIS). The payer's app shows the"
                + " amount; the bank tells Loket nothing, so the clerk confirms the payment on the bank's app.",
            "--check PAYLOAD validates a payload and shows its fields (exit 1 when it cannot be the shop's static"
                + " QRIS)."})
final class QrisCommand extends ServiceCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Mode mode;

    static final class Mode {
        @Option(names = "--amount", required = true, paramLabel = "RUPIAH",
                description = "Whole rupiah (150000 or 150.000), 1 to 9.999.999.999.999.")
        String amount;

        @Option(names = "--check", required = true, paramLabel = "PAYLOAD",
                description = "A QRIS payload to validate (quote it: it holds spaces).")
        String check;
    }

    @Option(names = "--png", paramLabel = "FILE",
            description = "Where to write the QR code (replaced if it exists). Default: a new temporary file.")
    private Path png;

    @Option(names = "--json", description = "Machine-readable output.")
    private boolean json;

    @Override
    public Integer call() {
        return mode.check != null ? check(mode.check) : dynamic(mode.amount);
    }

    private int dynamic(String amountText) {
        Money amount = CliMoney.parse(amountText, "--amount");
        if (amount.rupiah() < 1 || amount.rupiah() > DynamicQris.MAX_AMOUNT) {
            throw new IllegalArgumentException("--amount must be from 1 to " + DynamicQris.MAX_AMOUNT
                    + " rupiah, not " + amountText + ".");
        }
        String configured;
        try (CliServices services = openServices()) {
            configured = staticQris(services).orElseThrow(() -> new IllegalStateException("No static QRIS is set:"
                    + " the owner enters the shop's QRIS (the text of its sticker's QR code) in Settings, or set"
                    + " LOKET_STATIC_QRIS. Check it first with: loket qris --check PAYLOAD"));
        }
        QrisPayload staticCode;
        try {
            staticCode = QrisPayload.parse(configured).requireStatic();
        } catch (QrisException e) {
            throw new IllegalStateException("The static QRIS in the settings (or LOKET_STATIC_QRIS) is not usable ("
                    + e.reason() + "): " + e.getMessage(), e);
        }
        QrisPayload code = DynamicQris.of(staticCode, amount.rupiah());
        Path file = QrImages.writePng(code.text(), png != null ? png : newTempFile());
        PrintWriter out = out();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("payload", code.text());
            doc.put("amount", amount.rupiah());
            doc.put("merchant_name", code.merchantName());
            doc.put("merchant_city", code.merchantCity());
            doc.put("nmid", code.nmid().orElse(null));
            doc.put("nmid_last4", code.nmidLast4().orElse(null));
            doc.put("crc", code.crc());
            doc.put("png", file.toAbsolutePath().toString());
            out.println(new Json().write(doc));
        } else {
            out.println(code.text());
            out.println("Amount:    " + amount.format(Locale.ENGLISH));
            out.println("Merchant:  " + code.merchantName() + ", " + code.merchantCity());
            out.println("NMID:      " + code.nmidLast4().map(l -> "..." + l).orElse("(none)"));
            out.println("QR image:  " + file.toAbsolutePath());
        }
        out.flush();
        return LoketCommand.OK;
    }

    private int check(String payload) {
        QrisPayload code;
        try {
            code = QrisPayload.parse(payload);
        } catch (QrisException e) {
            return refused(e);
        }
        PrintWriter out = out();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("valid", true);
            doc.put("static", code.isStatic());
            doc.put("usable_as_static_qris", code.isStatic());
            doc.put("merchant_name", code.merchantName());
            doc.put("merchant_city", code.merchantCity());
            doc.put("nmid", code.nmid().orElse(null));
            doc.put("nmid_last4", code.nmidLast4().orElse(null));
            doc.put("amount", code.amount().map(a -> (Object) a.toPlainString()).orElse(null));
            doc.put("crc", code.crc());
            doc.put("fields", jsonFields(code.fields(), null));
            out.println(new Json().write(doc));
        } else {
            out.println("Valid QRIS payload (" + code.text().length() + " characters, CRC " + code.crc() + " correct),"
                    + (code.isStatic() ? " static." : " dynamic."));
            out.println("Merchant:  " + code.merchantName() + ", " + code.merchantCity());
            out.println("NMID:      " + code.nmid().orElse("(none)"));
            code.amount().ifPresent(a -> out.println("Amount:    " + a.toPlainString()));
            for (QrisField f : code.fields()) {
                out.printf("  %s %-45s %s%n", f.tag(), QrisPayload.tagName(f.tag()), f.children().isEmpty()
                        ? f.value() : "");
                for (QrisField c : f.children()) {
                    out.printf("     %s %-42s %s%n", c.tag(), QrisPayload.subTagName(f.tag(), c.tag()), c.value());
                }
            }
        }
        out.flush();
        if (!code.isStatic()) {
            err().println("loket: not usable as the shop's static QRIS: " + notStaticMessage(code));
            err().flush();
            return LoketCommand.ERROR;
        }
        return LoketCommand.OK;
    }

    private int refused(QrisException e) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("valid", false);
            doc.put("reason", e.reason().name());
            doc.put("message", e.getMessage());
            out().println(new Json().write(doc));
            out().flush();
        }
        err().println("loket: not a valid QRIS payload (" + e.reason() + "): " + e.getMessage());
        err().flush();
        return LoketCommand.ERROR;
    }

    private static String notStaticMessage(QrisPayload code) {
        try {
            code.requireStatic();
            return "";
        } catch (QrisException e) {
            return e.getMessage();
        }
    }

    private static List<Map<String, Object>> jsonFields(List<QrisField> fields, String parent) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (QrisField f : fields) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tag", f.tag());
            m.put("name", parent == null ? QrisPayload.tagName(f.tag()) : QrisPayload.subTagName(parent, f.tag()));
            m.put("value", f.value());
            if (!f.children().isEmpty()) {
                m.put("fields", jsonFields(f.children(), f.tag()));
            }
            out.add(m);
        }
        return out;
    }

    private static Path newTempFile() {
        try {
            return Files.createTempFile("loket-qris-", ".png");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary file for the QR image: " + e.getMessage(), e);
        }
    }

    /** The configured static payload (the settings, or env {@code LOKET_STATIC_QRIS} for this run). */
    private static Optional<String> staticQris(CliServices services) {
        return services.settings().staticQris();
    }
}
