package id.loket.upstream.house.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The customer-facing page of a PAYMENT_LINK (or e-wallet) charge, {@code GET/POST /pay/{charge_id}}: who is
 * being paid, how much, how long is left, a choice of method and one "Bayar" button; then a plain confirmation.
 * Indonesian first with English underneath, as the counter's customers read it. One self-contained HTML document
 * (inline CSS and a few lines of script for the countdown), so it works offline and behind any proxy.
 *
 * <p>Everything interpolated is HTML-escaped, even values the sandbox made itself: the merchant id comes from the
 * command line, and the page is the one place the sandbox renders for a browser. Elements the browser test drives
 * have stable ids: {@code merchant}, {@code amount}, {@code time-left}, {@code method-qris},
 * {@code method-ewallet}, {@code method-virtual-account}, {@code method-debit-card}, {@code pay-button},
 * {@code result}.
 */
final class HostedPaymentPage {

    /** A rendered page and the HTTP status to serve it with. */
    record Page(int status, String html) {}

    /** The methods a customer can pick, in page order: form value → (element id suffix, label HTML, plain name). */
    private static final Map<String, String[]> METHODS = methods();

    private final Charges charges;

    HostedPaymentPage(Charges charges) {
        this.charges = charges;
    }

    Page show(String chargeId) {
        Optional<SandboxState.ChargeRow> found = charges.lookup(chargeId);
        if (found.isEmpty()) {
            return notFound(chargeId);
        }
        SandboxState.ChargeRow charge = found.get();
        Instant now = charges.clock().instant();
        return switch (Charges.status(charge, now)) {
            case PAID -> new Page(200, result(charge, "Sudah dibayar", "Already paid",
                    "Tagihan ini sudah lunas. Tidak perlu membayar lagi.", "This charge is already paid.", "ok"));
            case EXPIRED -> new Page(410, result(charge, "Kedaluwarsa", "Expired",
                    "Batas waktu pembayaran sudah lewat. Minta tautan baru di loket.",
                    "The time to pay has passed. Ask the counter for a new link.", "bad"));
            case PENDING -> new Page(200, form(charge, Duration.between(now, charge.expiresAt())));
        };
    }

    /** The form post: {@code method=QRIS|EWALLET|VIRTUAL_ACCOUNT|DEBIT_CARD}. */
    Page submit(String chargeId, byte[] formBody) {
        Optional<SandboxState.ChargeRow> found = charges.lookup(chargeId);
        if (found.isEmpty()) {
            return notFound(chargeId);
        }
        if (Charges.status(found.get(), charges.clock().instant()) != Charges.Status.PENDING) {
            return show(chargeId);
        }
        Optional<String> method = parseForm(new String(formBody, StandardCharsets.UTF_8)).map(f -> f.get("method"))
                .filter(METHODS::containsKey);
        if (method.isEmpty()) {
            return new Page(400, shell("Pilih metode", header(found.get())
                    + "<p id=\"result\" class=\"bad\">Pilih metode pembayaran dahulu."
                    + "<span class=\"en\">Choose a payment method first.</span></p>"
                    + "<p><a href=\"/pay/" + esc(chargeId) + "\">Kembali / Back</a></p>\n"));
        }
        charges.pay(chargeId, method);
        return new Page(200, result(charges.find(chargeId), "Pembayaran berhasil", "Payment successful",
                "Terima kasih. Pembayaran dengan " + METHODS.get(method.get())[2] + " sudah diterima; silakan"
                        + " kembali ke loket.", "Thank you. Your payment was received; please return to the counter.",
                "ok"));
    }

    private Page notFound(String chargeId) {
        return new Page(404, shell("Tidak ditemukan", "<p id=\"result\" class=\"bad\">Tagihan "
                + esc(chargeId) + " tidak ditemukan.<span class=\"en\">No such payment.</span></p>"));
    }

    private String form(SandboxState.ChargeRow charge, Duration left) {
        long seconds = Math.max(0, left.getSeconds());
        StringBuilder methods = new StringBuilder();
        boolean first = true;
        for (Map.Entry<String, String[]> m : METHODS.entrySet()) {
            String id = "method-" + m.getValue()[0];
            methods.append("<label class=\"method\" for=\"").append(id).append("\"><input type=\"radio\" name=\"method\"")
                    .append(" id=\"").append(id).append("\" value=\"").append(esc(m.getKey())).append('"')
                    .append(first ? " checked" : "").append("> <span>").append(m.getValue()[1])
                    .append("</span></label>\n");
            first = false;
        }
        return shell("Pembayaran", header(charge)
                + "<p id=\"time-left\" class=\"time\" data-seconds=\"" + seconds + "\">Sisa waktu <b>"
                + String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60)
                + "</b><span class=\"en\">Time left</span></p>\n"
                + "<form method=\"post\" action=\"/pay/" + esc(charge.chargeId()) + "\">\n"
                + "<fieldset><legend>Pilih metode pembayaran<span class=\"en\">Choose how to pay</span></legend>\n"
                + methods
                + "</fieldset>\n"
                + "<button id=\"pay-button\" type=\"submit\">Bayar " + esc(BillFactory.formatRupiah(charge.amount()))
                + "<span class=\"en\">Pay</span></button>\n</form>\n"
                + "<script>(function(){var e=document.getElementById('time-left');var s=+e.dataset.seconds;"
                + "var t=setInterval(function(){s--;if(s<=0){clearInterval(t);"
                + "e.textContent='Waktu habis / Time is up';return;}"
                + "e.querySelector('b').textContent=Math.floor(s/60)+':'+String(s%60).padStart(2,'0');},1000);"
                + "})();</script>\n");
    }

    private String result(SandboxState.ChargeRow charge, String title, String titleEn, String text, String textEn,
            String tone) {
        return shell(title, header(charge) + "<p id=\"result\" class=\"" + tone + "\"><strong>" + esc(title)
                + "</strong><span class=\"en\">" + esc(titleEn) + "</span>" + esc(text) + "<span class=\"en\">"
                + esc(textEn) + "</span></p>\n");
    }

    private String header(SandboxState.ChargeRow charge) {
        return "<p class=\"label\">Anda membayar kepada<span class=\"en\">You are paying</span></p>\n"
                + "<p id=\"merchant\" class=\"merchant\">" + esc(charges.merchant()) + "</p>\n"
                + "<p class=\"label\">Jumlah<span class=\"en\">Amount</span></p>\n"
                + "<p id=\"amount\" class=\"amount\">" + esc(BillFactory.formatRupiah(charge.amount())) + "</p>\n"
                + "<p class=\"ref\">Ref. " + esc(charge.clientRef()) + "</p>\n";
    }

    private static String shell(String title, String content) {
        return "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + " — Loket</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n"
                + "<main class=\"card\">\n<p class=\"sandbox\">SANDBOX — bukan uang sungguhan"
                + "<span class=\"en\">no real money moves</span></p>\n" + content + "</main>\n</body>\n</html>\n";
    }

    private static final String CSS = """
            *{box-sizing:border-box}
            body{margin:0;font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#eef2f6;color:#1c2733}
            .card{max-width:420px;margin:24px auto;background:#fff;border-radius:14px;padding:20px 22px;box-shadow:0 2px 12px rgba(0,0,0,.08)}
            .sandbox{margin:0 0 14px;padding:6px 10px;border-radius:8px;background:#fff4d6;color:#7a5600;font-size:13px;font-weight:600}
            .en{display:block;font-size:12px;font-weight:400;color:#6b7785}
            .label{margin:12px 0 2px;font-size:13px;color:#4a5663}
            .merchant{margin:0;font-size:18px;font-weight:600}
            .amount{margin:0;font-size:32px;font-weight:700;color:#0b5cad}
            .ref{margin:6px 0 0;font-size:12px;color:#6b7785;word-break:break-all}
            .time{margin:14px 0;padding:8px 10px;border-radius:8px;background:#f3f6f9}
            fieldset{border:1px solid #d5dde5;border-radius:10px;padding:8px 12px;margin:0 0 16px}
            legend{padding:0 4px;font-weight:600}
            .method{display:flex;align-items:center;gap:10px;padding:10px 4px;border-bottom:1px solid #eef2f6;cursor:pointer}
            .method:last-child{border-bottom:0}
            .method input{width:20px;height:20px}
            button{width:100%;padding:14px;border:0;border-radius:10px;background:#0b5cad;color:#fff;font-size:18px;font-weight:700;cursor:pointer}
            button .en{color:#d6e6f7}
            #result{margin:16px 0 0;padding:12px;border-radius:10px}
            #result.ok{background:#e3f6e8;color:#14632b}
            #result.bad{background:#fde8e8;color:#8a1c1c}
            """;

    /** Minimal HTML escaping for text and attribute values. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The urlencoded form; empty when it is not one (a malformed escape), so the page asks again. */
    private static Optional<Map<String, String>> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            try {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.of(form);
    }

    private static Map<String, String[]> methods() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("QRIS", new String[] {"qris", "QRIS", "QRIS"});
        m.put("EWALLET", new String[] {"ewallet", "Dompet digital <span class=\"en\">E-wallet</span>",
            "dompet digital"});
        m.put("VIRTUAL_ACCOUNT", new String[] {"virtual-account", "Virtual account <span class=\"en\">Bank"
                + " transfer</span>", "virtual account"});
        m.put("DEBIT_CARD", new String[] {"debit-card", "Kartu debit <span class=\"en\">Debit card</span>",
            "kartu debit"});
        return java.util.Collections.unmodifiableMap(m);
    }
}
