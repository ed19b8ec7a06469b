package id.loket.cli;

import id.loket.billing.Inquiry;
import id.loket.core.Biller;
import id.loket.core.PaymentMethod;
import id.loket.payment.Payment;
import id.loket.qris.DynamicQris;
import id.loket.qris.QrImages;
import id.loket.qris.QrisPayload;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code loket pay --method STATIC_QRIS}: shows the shop's own QRIS made dynamic with the total, then pays the bill
 * once the clerk confirms the money arrived on the shop's phone ({@code ya} on standard input, or {@code --confirm}).
 * No gateway confirms this method; anything but a yes pays nothing.
 */
final class StaticQrisConfirmation {

    private final CliServices services;
    private final PrintWriter out;
    private final boolean json;
    private final Optional<Path> qrPng;
    private final boolean confirmed;
    private final Supplier<Optional<String>> stdin;

    StaticQrisConfirmation(CliServices services, PrintWriter out, boolean json, Path qrPng, boolean confirmed,
            Supplier<Optional<String>> stdin) {
        this.services = services;
        this.out = out;
        this.json = json;
        this.qrPng = Optional.ofNullable(qrPng);
        this.confirmed = confirmed;
        this.stdin = stdin;
    }

    Optional<Payment> take(String clerk, Biller biller, Inquiry inquiry, Optional<Long> customerId) {
        String stored = services.settings().staticQris().orElseThrow(() -> new IllegalArgumentException("The shop has"
                + " no static QRIS: the owner enters it in Settings, or set LOKET_STATIC_QRIS."));
        long total = services.payments().quote(biller, inquiry, PaymentMethod.STATIC_QRIS).total().rupiah();
        QrisPayload dynamic = DynamicQris.of(QrisPayload.parse(stored), total);
        Path png = writeQr(dynamic.text());
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("event", "static_qris");
            doc.put("amount", total);
            doc.put("qr_string", dynamic.text());
            doc.put("qr_png", png.toString());
            doc.put("merchant", dynamic.merchantName());
            doc.put("nmid_last4", dynamic.nmidLast4().orElse(null));
            doc.put("confirmation", confirmed ? "given (--confirm)" : "type 'ya' on standard input once the money"
                    + " has arrived; anything else pays nothing");
            out.println(new Json().write(doc));
        } else {
            out.printf("Shop QRIS for %s (%s, NMID …%s)%n", id.loket.core.Money.of(total).format(Locale.ENGLISH),
                    dynamic.merchantName(), dynamic.nmidLast4().orElse("?"));
            out.printf("  %-12s %s%n", "QR payload", dynamic.text());
            out.printf("  %-12s %s%n", "QR image", png);
            out.println("  No automatic confirmation: check the money arrived on the shop's phone.");
        }
        if (!confirmed && !json) {
            out.println("Type 'ya' (yes) and Enter once the money has arrived; anything else pays nothing:");
        }
        out.flush();
        boolean yes = confirmed || stdin.get().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> s.equals("ya") || s.equals("y") || s.equals("yes")).isPresent();
        if (!yes) {
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("event", "ended");
                doc.put("state", "NOT_CONFIRMED");
                doc.put("message", "Not confirmed: nothing was paid.");
                out.println(new Json().write(doc));
            } else {
                out.println("Not confirmed: nothing was paid.");
            }
            out.flush();
            return Optional.empty();
        }
        return Optional.of(services.payments().payByStaticQris(clerk, biller, inquiry, customerId));
    }

    private Path writeQr(String payload) {
        try {
            Path file = qrPng.isPresent() ? qrPng.get() : Files.createTempFile("loket-qris-", ".png");
            return QrImages.writePng(payload, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the QR image: " + e.getMessage(), e);
        }
    }
}
