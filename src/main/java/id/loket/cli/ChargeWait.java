package id.loket.cli;

import id.loket.billing.Inquiry;
import id.loket.core.Biller;
import id.loket.core.ChargeChannel;
import id.loket.payment.ChargeDetails;
import id.loket.payment.ChargePoll;
import id.loket.payment.Payment;
import id.loket.payment.PaymentService;
import id.loket.payment.PaymentStateException;
import id.loket.qris.QrImages;
import id.loket.report.ReceiptMessages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code loket pay} by a gateway channel: creates the charge, prints what the customer needs (the QR payload and its
 * PNG, the VA number, the link), polls the gateway until the money is in (then the bill is paid), the charge ends
 * unpaid, or the wait runs out (then the charge is cancelled at the gateway; should the customer have paid in the
 * meantime, the bill is paid all the same).
 */
final class ChargeWait {

    /** Polls every 3 s for the first minute, then every 10 s (Midtrans asks for no more than about one per 10 s). */
    private static final Duration FIRST_MINUTE_POLL = Duration.ofSeconds(3);
    private static final Duration LATER_POLL = Duration.ofSeconds(10);

    private final PaymentService payments;
    private final PrintWriter out;
    private final boolean json;
    private final Optional<Path> qrPng;
    private final Duration wait;

    private final Optional<ReceiptMessages> messages;

    ChargeWait(PaymentService payments, Optional<ReceiptMessages> messages, PrintWriter out, boolean json, Path qrPng,
            Duration wait) {
        this.payments = payments;
        this.messages = messages;
        this.out = out;
        this.json = json;
        this.qrPng = Optional.ofNullable(qrPng);
        this.wait = wait;
    }

    /** The payment once it has gone on to the biller, or empty when the money did not come (nothing was paid). */
    Optional<Payment> take(String clerk, Biller biller, Inquiry inquiry, ChargeChannel channel,
            Optional<Long> customerId, Optional<String> phone) {
        Payment charged = payments.startCharge(clerk, biller, inquiry, channel, customerId, phone);
        show(charged, channel);
        if (channel == ChargeChannel.LINK && phone.isPresent() && messages.isPresent()) {
            ReceiptMessages.Outcome sent = messages.get().sendPaymentLink(charged.clientRef(), phone.get());
            say(charged, "link", sent instanceof ReceiptMessages.Outcome.Sent ? "The payment link was sent to " + phone.get()
                    + "." : "The payment link was NOT sent (" + ((ReceiptMessages.Outcome.NotSent) sent).reason()
                    + "): give the customer the link above.");
        }
        Instant started = Instant.now();
        Instant deadline = started.plus(wait);
        Payment current = charged;
        while (true) {
            ChargePoll poll = payments.pollCharge(current.clientRef());
            current = poll.payment();
            switch (poll.progress()) {
                case PAID -> {
                    return Optional.of(current);
                }
                case EXPIRED, CANCELLED -> {
                    say(current, "The charge ended unpaid (" + current.state() + "): nothing was paid.");
                    return Optional.empty();
                }
                case WAITING -> { }
            }
            Instant now = Instant.now();
            if (!now.isBefore(deadline)) {
                return giveUp(current);
            }
            Duration pause = Duration.between(started, now).compareTo(Duration.ofMinutes(1)) < 0 ? FIRST_MINUTE_POLL
                    : LATER_POLL;
            Duration left = Duration.between(now, deadline);
            pause(pause.compareTo(left) < 0 ? pause : left);
        }
    }

    private Optional<Payment> giveUp(Payment waiting) {
        Payment after;
        try {
            after = payments.cancelCharge(waiting.clientRef());
        } catch (PaymentStateException e) {
            after = payments.find(waiting.clientRef()).orElse(waiting);
        }
        if (after.state() == id.loket.core.PaymentState.CANCELLED
                || after.state() == id.loket.core.PaymentState.CHARGE_EXPIRED) {
            say(after, "The money did not come within " + wait.toSeconds() + " s: the charge was cancelled and"
                    + " nothing was paid.");
            return Optional.empty();
        }
        if (after.state() == id.loket.core.PaymentState.CHARGE_PENDING) {
            say(after, "The money did not come within " + wait.toSeconds() + " s and the charge could not be"
                    + " cancelled yet: nothing was paid; 'loket recover' settles it (a late payment pays the bill).");
            return Optional.empty();
        }
        return Optional.of(after);
    }

    private void show(Payment p, ChargeChannel channel) {
        ChargeDetails c = p.charge().orElseThrow();
        Optional<Path> png = c.qrString().map(this::writeQr);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("event", "charge");
            doc.put("client_ref", p.clientRef());
            doc.put("channel", channel.name());
            doc.put("charge_id", c.chargeId());
            doc.put("amount", p.amounts().gatewayTotal().rupiah());
            doc.put("qr_string", c.qrString().orElse(null));
            doc.put("qr_png", png.map(Path::toString).orElse(null));
            doc.put("va_number", c.vaNumber().orElse(null));
            doc.put("biller_code", c.billerCode().orElse(null));
            doc.put("payment_url", c.paymentUrl().orElse(null));
            doc.put("expires_at", c.expiresAt().toString());
            out.println(new Json().write(doc));
        } else {
            out.printf("%s: waiting for %s %s by %s (charge %s, until %s)%n", p.clientRef(),
                    p.amounts().gatewayTotal().format(java.util.Locale.ENGLISH), p.bill().billerName(), channel,
                    c.chargeId(), c.expiresAt());
            c.qrString().ifPresent(q -> out.printf("  %-12s %s%n", "QR payload", q));
            png.ifPresent(f -> out.printf("  %-12s %s%n", "QR image", f));
            c.billerCode().ifPresent(b -> out.printf("  %-12s %s%n", "Biller code", b));
            c.vaNumber().ifPresent(v -> out.printf("  %-12s %s%n", c.billerCode().isPresent() ? "Bill key"
                    : "VA number", v));
            c.paymentUrl().ifPresent(u -> out.printf("  %-12s %s%n", "Link", u));
        }
        out.flush();
    }

    private Path writeQr(String payload) {
        try {
            Path file = qrPng.isPresent() ? qrPng.get() : Files.createTempFile("loket-qris-", ".png");
            return QrImages.writePng(payload, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the QR image: " + e.getMessage(), e);
        }
    }

    private void say(Payment p, String message) {
        say(p, "ended", message);
    }

    private void say(Payment p, String event, String message) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("event", event);
            doc.put("client_ref", p.clientRef());
            doc.put("state", p.state().name());
            doc.put("message", message);
            out.println(new Json().write(doc));
        } else {
            out.println(p.clientRef() + ": " + message);
        }
        out.flush();
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the customer's money", e);
        }
    }
}
