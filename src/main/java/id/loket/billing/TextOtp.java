package id.loket.billing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-time codes for a messenger that can only send plain texts (a WhatsApp gateway such as Fonnte): the counter
 * makes the code, sends it as an ordinary message and checks it itself (research: payments-messaging.md §4.5).
 *
 * <ul>
 *   <li>A code is 6 digits from {@link SecureRandom}. Only a salted SHA-256 of it is kept, bound to the phone and
 *       to its purpose (verifying the phone), so the code cannot be read back, not even by this class.</li>
 *   <li>A code lives {@link #TTL} (5 minutes); {@link #MAX_ATTEMPTS} (5) wrong codes lock it for good, the right
 *       one included ({@link GatewayError#OTP_LOCKED}). A code verified once answers "verified" again, so a
 *       counter that lost the answer may safely ask again.</li>
 *   <li>At most one code per {@link #RESEND_INTERVAL} (60 s) to one number ({@link GatewayError#RATE_LIMITED});
 *       a new code replaces the number's earlier one, which is then unknown ({@link GatewayError#OTP_NOT_FOUND}).
 *       </li>
 *   <li>A send the messenger refused or did not answer creates no code and does not count against the resend
 *       limit: the refusal (or the missing answer) is passed on unchanged, and the clerk may send again at once.
 *       (A send without an answer may still reach the phone; that code simply cannot be verified.)</li>
 *   <li>The code is never logged, and the phone only masked; logs name a code by its random id.</li>
 * </ul>
 *
 * <p><b>In memory only.</b> The hashes live in this object: a code lives 5 minutes anyway, and a restart of the
 * application forgets every code sent before it (the customer asks for a new one). Nothing is written to disk.
 *
 * <p>Thread-safe. The send runs on the caller's thread and blocks it for as long as the messenger takes.
 */
public final class TextOtp {

    public static final Duration TTL = Duration.ofMinutes(5);
    public static final Duration RESEND_INTERVAL = Duration.ofSeconds(60);
    public static final int MAX_ATTEMPTS = 5;
    public static final int DIGITS = 6;

    private static final Logger LOG = LoggerFactory.getLogger(TextOtp.class);
    /** What the code proves; part of the hash, so a code made for one purpose never verifies another. */
    private static final String PURPOSE = "loket-verify-phone";
    private static final int SALT_BYTES = 16;
    private static final int ID_BYTES = 12;

    private final BiFunction<String, String, GatewayResult<MessageReceipt>> sender;
    private final Clock clock;
    private final SecureRandom random;
    /** Challenges by id. */
    private final Map<String, Challenge> challenges = new ConcurrentHashMap<>();
    /** The latest send (or send under way) per phone key: the resend limit, and which challenge is current. */
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /**
     * @param sender sends a text to a phone (as typed) and says what became of it, e.g. {@code messenger::sendText}
     * @param clock judges expiry and the resend limit
     * @param random makes the codes, salts and ids
     */
    public TextOtp(BiFunction<String, String, GatewayResult<MessageReceipt>> sender, Clock clock,
            SecureRandom random) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The text the customer receives, in Indonesian (the code is the only variable part). */
    public static String message(String code) {
        return "Kode verifikasi Loket Anda: " + code + ". Berlaku 5 menit. Jangan berikan kode ini kepada siapa pun.";
    }

    /**
     * Makes a code and sends it to {@code phone}.
     *
     * @return the challenge (its id and expiry); refused with {@link GatewayError#RATE_LIMITED} when a code went to
     *     this number less than {@link #RESEND_INTERVAL} ago (nothing sent), {@link GatewayError#INVALID_PHONE} for a
     *     number without digits, or whatever the messenger answered when the send did not succeed
     */
    public GatewayResult<OtpChallenge> request(String phone) {
        String key = phoneKey(phone);
        if (key.isEmpty()) {
            return refused(GatewayError.INVALID_PHONE, "There is no phone number to send the code to.");
        }
        Instant now = clock.instant();
        purge(now);
        Slot reserved = new Slot(now, null);
        Slot previous = slots.compute(key, (k, old) ->
                old != null && now.isBefore(old.sentAt().plus(RESEND_INTERVAL)) ? old : reserved);
        if (previous != reserved) {
            long wait = Math.max(1, Duration.between(now, previous.sentAt().plus(RESEND_INTERVAL)).toSeconds());
            LOG.info("OTP to {} not sent: one was sent less than {} s ago", mask(key), RESEND_INTERVAL.toSeconds());
            return refused(GatewayError.RATE_LIMITED, "A code was sent to this number less than "
                    + RESEND_INTERVAL.toSeconds() + " seconds ago: wait " + wait + " s and send again.");
        }
        String code = newCode();
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        String otpId = newId();
        Instant expiresAt = now.plus(TTL).truncatedTo(ChronoUnit.SECONDS);
        GatewayResult<MessageReceipt> sent;
        try {
            sent = Objects.requireNonNull(sender.apply(phone, message(code)), "the sender's result");
        } catch (RuntimeException e) {
            slots.remove(key, reserved);
            throw e;
        }
        if (sent instanceof GatewayResult.Refused<MessageReceipt> r) {
            slots.remove(key, reserved);
            LOG.info("OTP to {} not sent: the messenger refused ({})", mask(key), r.error().code());
            return new GatewayResult.Refused<>(r.error());
        }
        if (sent instanceof GatewayResult.NoAnswer<MessageReceipt> n) {
            slots.remove(key, reserved);
            LOG.info("OTP to {} not known to be sent: {}", mask(key), n.reason());
            return new GatewayResult.NoAnswer<>(n.reason());
        }
        MessageReceipt receipt = sent.orThrow();
        challenges.put(otpId, new Challenge(key, salt, hash(salt, key, code), expiresAt));
        Slot current = new Slot(now, otpId);
        if (slots.replace(key, reserved, current)) {
            // A new code replaces the number's earlier ones: only the latest message is the one to type.
            challenges.entrySet().removeIf(e -> e.getValue().phoneKey.equals(key) && !e.getKey().equals(otpId));
        }
        LOG.info("OTP {} sent to {} (message {}, {}), valid until {}", otpId, mask(key), receipt.messageId(),
                receipt.status(), expiresAt);
        return new GatewayResult.Answer<>(new OtpChallenge(otpId, expiresAt));
    }

    /** Checks a typed code against challenge {@code otpId}; see {@link #verify(String, String, String)}. */
    public GatewayResult<OtpVerification> verify(String otpId, String code) {
        return check(otpId, null, code);
    }

    /**
     * Checks a typed code against challenge {@code otpId} and that the challenge was sent to {@code phone} (any
     * common form). A challenge of another number is {@link GatewayError#OTP_NOT_FOUND}, and uses no try.
     *
     * @return verified, or not with the tries left (0: that was the last one); refused with
     *     {@link GatewayError#OTP_NOT_FOUND}, {@link GatewayError#OTP_EXPIRED} or {@link GatewayError#OTP_LOCKED}
     */
    public GatewayResult<OtpVerification> verify(String otpId, String phone, String code) {
        return check(otpId, phoneKey(phone), code);
    }

    private GatewayResult<OtpVerification> check(String otpId, String phoneKey, String code) {
        Challenge c = otpId == null ? null : challenges.get(otpId);
        if (c == null || (phoneKey != null && !phoneKey.equals(c.phoneKey))) {
            return refused(GatewayError.OTP_NOT_FOUND, "No code " + otpId + " is known here (never sent, replaced by"
                    + " a newer code, or sent before a restart): send a new code.");
        }
        String typed = Objects.requireNonNullElse(code, "").strip();
        synchronized (c) {
            if (c.wrong >= MAX_ATTEMPTS) {
                return refused(GatewayError.OTP_LOCKED, "Code " + otpId + " is locked after " + MAX_ATTEMPTS
                        + " wrong tries: send a new code.");
            }
            if (c.verified) {
                return new GatewayResult.Answer<>(new OtpVerification(true, MAX_ATTEMPTS - c.wrong));
            }
            if (!clock.instant().isBefore(c.expiresAt)) {
                return refused(GatewayError.OTP_EXPIRED, "Code " + otpId + " expired at " + c.expiresAt
                        + ": send a new code.");
            }
            boolean right = MessageDigest.isEqual(c.hash, hash(c.salt, c.phoneKey, typed));
            if (right) {
                c.verified = true;
            } else {
                c.wrong++;
            }
            LOG.info("OTP {}: {}", otpId, right ? "right code" : "wrong code (" + c.wrong + " of " + MAX_ATTEMPTS
                    + ")");
            return new GatewayResult.Answer<>(new OtpVerification(right, MAX_ATTEMPTS - c.wrong));
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private String newCode() {
        return String.format(Locale.ROOT, "%0" + DIGITS + "d", random.nextInt(1_000_000));
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return "otp_" + HexFormat.of().formatHex(bytes);
    }

    /**
     * Forgets challenges well past their expiry (a verified one is still answered a while) and sends older than the
     * resend limit; a send under way is kept.
     */
    private void purge(Instant now) {
        challenges.values().removeIf(c -> now.isAfter(c.expiresAt.plus(TTL)));
        slots.values().removeIf(s -> s.otpId() != null && !now.isBefore(s.sentAt().plus(RESEND_INTERVAL)));
    }

    /**
     * The number as a key: digits only, with the country code ({@code 0812…}, {@code +62 812-…}, {@code 62812…}
     * and {@code 812…} are one number). Whether it is a number the messenger can reach is the messenger's call.
     */
    static String phoneKey(String phone) {
        String digits = Objects.requireNonNullElse(phone, "").replaceAll("[^0-9]", "");
        if (digits.startsWith("00")) {
            return digits.substring(2);
        }
        if (digits.startsWith("0")) {
            return "62" + digits.substring(1);
        }
        if (digits.startsWith("8")) {
            return "62" + digits;
        }
        return digits;
    }

    /** {@code 62812*****890}. */
    static String mask(String key) {
        if (key.length() <= 8) {
            return "*".repeat(key.length());
        }
        return key.substring(0, 5) + "*".repeat(key.length() - 8) + key.substring(key.length() - 3);
    }

    private static byte[] hash(byte[] salt, String phoneKey, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update((PURPOSE + "\n" + phoneKey + "\n" + code).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static <T> GatewayResult<T> refused(String code, String message) {
        return new GatewayResult.Refused<>(new GatewayError(0, code, message));
    }

    /** A send to one number: when, and the challenge it made ({@code null} while the send is under way). */
    private record Slot(Instant sentAt, String otpId) {}

    /** What is kept of one code: never the code itself. */
    private static final class Challenge {
        final String phoneKey;
        final byte[] salt;
        final byte[] hash;
        final Instant expiresAt;
        int wrong;
        boolean verified;

        Challenge(String phoneKey, byte[] salt, byte[] hash, Instant expiresAt) {
            this.phoneKey = phoneKey;
            this.salt = salt;
            this.hash = hash;
            this.expiresAt = expiresAt;
        }
    }
}
