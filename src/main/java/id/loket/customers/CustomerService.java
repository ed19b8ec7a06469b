package id.loket.customers;

import id.loket.billing.Messenger;
import id.loket.billing.GatewayError;
import id.loket.billing.GatewayResult;
import id.loket.billing.OtpChallenge;
import id.loket.billing.OtpVerification;
import id.loket.payment.CustomerDirectory;
import id.loket.payment.PayingCustomer;
import id.loket.users.Operator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's regular customers (DESIGN.md, "Users"): registration with a structurally checked NIK and a normalised
 * mobile number, phone verification by an SMS code sent through the gateway, search, and saved references.
 *
 * <p><b>Nothing half-created.</b> Every input is checked before anything is written; a refused registration writes
 * nothing. Registering and sending the code are two steps: a customer whose code could not be sent stays registered
 * and UNVERIFIED, and a new code can be sent at any time.
 *
 * <p><b>Verification.</b> The gateway holds the code and counts wrong tries (five lock it for good); the store keeps
 * only the code's id and expiry, so a code sent from one command or screen can be typed in another. Asking the
 * gateway again after a lost answer is safe: it answers a verified code as verified again.
 *
 * <p><b>Privacy.</b> Logs name a customer by id only; a NIK never reaches a log, and {@link Nik#toString()} is masked
 * should one slip into a message.
 */
public final class CustomerService implements CustomerDirectory {

    /** The most customers a search returns; narrow the search to find others. */
    public static final int SEARCH_LIMIT = 50;

    private static final Logger LOG = LoggerFactory.getLogger(CustomerService.class);
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .,'`-]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern BILLER = Pattern.compile("[A-Z0-9_]{2,40}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9-]{4,40}");
    private static final int MAX_NAME = 100;
    private static final int MAX_ADDRESS = 300;
    private static final int MAX_LABEL = 40;

    private final CustomerStore store;
    private final Messenger gateway;
    private final SentCodes sentCodes;
    private final Clock clock;

    /**
     * @param sentCodes how the sandbox shows the code it "sent"; {@link SentCodes#NONE} for a real gateway
     */
    public CustomerService(CustomerStore store, Messenger gateway, SentCodes sentCodes, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.sentCodes = Objects.requireNonNull(sentCodes, "sentCodes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- registering -----------------------------------------------------------------------------------------

    /**
     * Registers a customer, UNVERIFIED; send the code with {@link #requestOtp} next.
     *
     * @throws CustomerException before anything is written: a NIK that is not one, a phone that is not an Indonesian
     *     mobile number, a missing or odd name, an email that is not one, an address too long, or a NIK another
     *     customer has ({@code DUPLICATE_NIK})
     */
    public Customer register(String name, String nik, String phone, Optional<String> email,
            Optional<String> address) {
        String cleanName = name(name);
        Nik checkedNik = Nik.parse(nik, clock);
        PhoneNumber checkedPhone = PhoneNumber.parse(phone);
        Optional<String> cleanEmail = email(email);
        Optional<String> cleanAddress = address(address);
        Optional<Customer> holder = store.findByNik(checkedNik);
        if (holder.isPresent()) {
            throw duplicate(holder.get());
        }
        Customer customer = store.insert(new NewCustomer(cleanName, checkedNik, checkedPhone, cleanEmail,
                cleanAddress, clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        LOG.info("Customer {} registered, UNVERIFIED (phone {})", customer.id(), customer.phone().masked());
        return customer;
    }

    /** The refusal of a second customer with the same NIK, naming the first (but not the NIK). */
    public static CustomerException duplicate(Customer holder) {
        return new CustomerException(CustomerException.Reason.DUPLICATE_NIK, "This NIK is already registered, as"
                + " customer " + holder.id() + " (" + holder.name() + "): use that customer; nothing was written.");
    }

    // ---- the SMS code ----------------------------------------------------------------------------------------

    /**
     * Sends a new 6-digit code by SMS to the customer's phone, through the gateway; an earlier code is forgotten.
     *
     * @throws CustomerException when there is no such customer, the customer is verified already, or the gateway
     *     refused or did not answer ({@code GATEWAY_UNAVAILABLE}; nothing changed here: try again)
     */
    public OtpSent requestOtp(long customerId) {
        Customer customer = require(customerId);
        if (customer.isVerified()) {
            throw new CustomerException(CustomerException.Reason.ALREADY_VERIFIED, "Customer " + customerId + " ("
                    + customer.name() + ") is verified already: no code is needed.");
        }
        GatewayResult<OtpChallenge> result = gateway.requestOtp(customer.phone().e164());
        if (result instanceof GatewayResult.Refused<OtpChallenge> refused) {
            GatewayError error = refused.error();
            if (error.is(GatewayError.INVALID_PHONE)) {
                throw new CustomerException(CustomerException.Reason.INVALID_PHONE, "The gateway cannot send a code"
                        + " to " + customer.phone().local() + " (" + error.message() + "): check the number with the"
                        + " customer.");
            }
            throw new CustomerException(CustomerException.Reason.GATEWAY_UNAVAILABLE, "The gateway refused to send"
                    + " a code (" + error + "): no code was sent; try again later.");
        }
        if (result instanceof GatewayResult.NoAnswer<OtpChallenge> none) {
            throw new CustomerException(CustomerException.Reason.GATEWAY_UNAVAILABLE, "The gateway did not answer ("
                    + none.reason() + "): no code is known to be sent; send a new one in a moment.");
        }
        OtpChallenge challenge = result.orThrow();
        store.saveOtp(new PendingOtp(customerId, challenge.otpId(), clock.instant(), challenge.expiresAt()));
        LOG.info("Code {} sent to customer {} (phone {}), valid until {}", challenge.otpId(), customerId,
                customer.phone().masked(), challenge.expiresAt());
        return new OtpSent(customer, challenge.expiresAt(), sentCodes.codeOf(challenge.otpId()));
    }

    /**
     * Checks the code the customer read from the SMS; the right one makes the customer VERIFIED. A customer verified
     * already is returned as is.
     *
     * @throws CustomerException saying what to do: the code is not 6 digits (no try used), wrong ({@code OTP_WRONG},
     *     with the tries left), locked after five wrong ones ({@code OTP_LOCKED}), expired ({@code OTP_EXPIRED}), none
     *     was sent ({@code OTP_NOT_REQUESTED}), or the gateway did not answer ({@code GATEWAY_UNAVAILABLE})
     */
    public Customer verify(long customerId, String code) {
        String typed = Objects.requireNonNullElse(code, "").replaceAll("\\s+", "");
        if (!CODE.matcher(typed).matches()) {
            throw new CustomerException(CustomerException.Reason.INVALID_INPUT, "The code is the 6 digits of the SMS;"
                    + " '" + code + "' is not: type it again (no try was used).");
        }
        Customer customer = require(customerId);
        if (customer.isVerified()) {
            return customer;
        }
        PendingOtp otp = store.pendingOtp(customerId).orElseThrow(() -> new CustomerException(
                CustomerException.Reason.OTP_NOT_REQUESTED, "No code has been sent to customer " + customerId
                + " yet: send one first."));
        Instant now = clock.instant();
        if (!now.isBefore(otp.expiresAt())) {
            throw expired(customerId, otp);
        }
        GatewayResult<OtpVerification> result = gateway.verifyOtp(otp.otpId(), typed);
        if (result instanceof GatewayResult.Answer<OtpVerification> answer) {
            OtpVerification v = answer.value();
            if (v.verified()) {
                Customer verified = store.markVerified(customerId, now.truncatedTo(ChronoUnit.SECONDS));
                LOG.info("Customer {} VERIFIED by code {}", customerId, otp.otpId());
                return verified;
            }
            LOG.info("Customer {}: wrong code for {} ({} tries left)", customerId, otp.otpId(), v.attemptsLeft());
            if (v.attemptsLeft() > 0) {
                throw new CustomerException(CustomerException.Reason.OTP_WRONG, "The code is wrong: "
                        + v.attemptsLeft() + (v.attemptsLeft() == 1 ? " try" : " tries") + " left before it locks."
                        + " Check the SMS and type the code again.");
            }
            throw locked(customerId, "The code is wrong, and that was the last try: the code is locked now.");
        }
        if (result instanceof GatewayResult.Refused<OtpVerification> refused) {
            GatewayError error = refused.error();
            if (error.is(GatewayError.OTP_EXPIRED)) {
                throw expired(customerId, otp);
            }
            if (error.is(GatewayError.OTP_LOCKED)) {
                throw locked(customerId, "This code is locked after too many wrong tries.");
            }
            if (error.is(GatewayError.OTP_NOT_FOUND)) {
                throw new CustomerException(CustomerException.Reason.OTP_NOT_REQUESTED, "The gateway does not know the"
                        + " code sent to customer " + customerId + ": send a new code.");
            }
            throw new CustomerException(CustomerException.Reason.GATEWAY_UNAVAILABLE, "The gateway refused to check"
                    + " the code (" + error + "): nothing changed; try again later.");
        }
        throw new CustomerException(CustomerException.Reason.GATEWAY_UNAVAILABLE, "The gateway did not answer ("
                + ((GatewayResult.NoAnswer<OtpVerification>) result).reason() + "): nothing changed; type the code"
                + " again.");
    }

    private static CustomerException expired(long customerId, PendingOtp otp) {
        return new CustomerException(CustomerException.Reason.OTP_EXPIRED, "The code sent to customer " + customerId
                + " at " + clockTime(otp.requestedAt()) + " expired at " + clockTime(otp.expiresAt())
                + " (WIB): send a new code and type that one.");
    }

    private static CustomerException locked(long customerId, String what) {
        return new CustomerException(CustomerException.Reason.OTP_LOCKED, what + " Send a new code to customer "
                + customerId + " and type that one.");
    }

    private static String clockTime(Instant at) {
        return LocalTime.ofInstant(at, Nik.INDONESIA).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // ---- finding ---------------------------------------------------------------------------------------------

    public Optional<Customer> find(long customerId) {
        return store.find(customerId);
    }

    /**
     * Customers whose name contains {@code text} (any case), or, when it is a number, whose phone or NIK contains
     * it ({@code 0812…} finds {@code +62812…}); blank finds everyone. At most {@link #SEARCH_LIMIT}, by name.
     */
    public List<Customer> search(String text) {
        String t = Objects.requireNonNullElse(text, "").strip().replaceAll("\\s+", " ");
        if (t.isEmpty()) {
            return store.search(CustomerQuery.everyone(SEARCH_LIMIT));
        }
        String digits = t.replaceAll("[\\s\\-.()+]", "");
        if (!digits.isEmpty() && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String phone = digits.startsWith("0") ? "62" + digits.substring(1) : digits;
            return store.search(new CustomerQuery(Optional.empty(), Optional.of(phone), Optional.of(digits),
                    SEARCH_LIMIT));
        }
        return store.search(new CustomerQuery(Optional.of(t), Optional.empty(), Optional.empty(), SEARCH_LIMIT));
    }

    /**
     * The NIK as {@code viewer} may see it: in full for the owner, masked ({@code 3273********0001}) for a clerk
     * (issue 5: "shown masked except to the owner").
     */
    public static String nikShownTo(Operator viewer, Customer customer) {
        return viewer.isOwner() ? customer.nik().value() : customer.nik().masked();
    }

    /** For payments: see {@link CustomerDirectory}. */
    @Override
    public Optional<PayingCustomer> payingCustomer(long customerId) {
        return store.find(customerId).map(c -> new PayingCustomer(c.id(), c.name(), c.isVerified()));
    }

    // ---- saved references ------------------------------------------------------------------------------------

    /**
     * Saves a bill the customer pays again ({@code PLN_POSTPAID}, {@code 512345678901}, "Rumah"); saving the same
     * biller and reference again only changes the label. The reference is checked for form here and against the
     * biller when it is looked up at the counter.
     *
     * @throws CustomerException when there is no such customer, or the biller code, reference or label cannot be one
     */
    public SavedReference saveReference(long customerId, String billerCode, String reference,
            Optional<String> label) {
        String biller = Objects.requireNonNullElse(billerCode, "").strip().toUpperCase(Locale.ROOT);
        if (!BILLER.matcher(biller).matches()) {
            throw input("'" + billerCode + "' is not a biller code (letters, digits and _, e.g. PLN_POSTPAID): see"
                    + " the list of billers.");
        }
        String ref = Objects.requireNonNullElse(reference, "").replaceAll("\\s+", "");
        if (!REFERENCE.matcher(ref).matches()) {
            throw input("'" + reference + "' is not a reference (4 to 40 letters, digits or dashes: the customer"
                    + " number, meter or phone number of the bill).");
        }
        Optional<String> cleanLabel = Objects.requireNonNull(label, "label").map(l -> l.strip().replaceAll("\\s+", " "))
                .filter(l -> !l.isEmpty());
        if (cleanLabel.isPresent() && cleanLabel.get().length() > MAX_LABEL) {
            throw input("A label has at most " + MAX_LABEL + " characters; shorten '" + cleanLabel.get() + "'.");
        }
        require(customerId);
        SavedReference saved = store.saveReference(new SavedReference(customerId, biller, ref, cleanLabel,
                clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        LOG.info("Customer {}: reference saved for {}", customerId, biller);
        return saved;
    }

    /**
     * The customer's saved references, oldest first.
     *
     * @throws CustomerException when there is no such customer
     */
    public List<SavedReference> references(long customerId) {
        require(customerId);
        return store.references(customerId);
    }

    // ---- checks ----------------------------------------------------------------------------------------------

    private Customer require(long customerId) {
        return store.find(customerId).orElseThrow(() -> new CustomerException(
                CustomerException.Reason.UNKNOWN_CUSTOMER, "There is no customer " + customerId + ": search for the"
                + " customer by name, phone or NIK."));
    }

    private static String name(String name) {
        String clean = Objects.requireNonNullElse(name, "").strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw input("The customer's name is missing: type it as on the KTP.");
        }
        if (clean.length() > MAX_NAME) {
            throw input("A name has at most " + MAX_NAME + " characters; this one has " + clean.length()
                    + ": shorten it as on the KTP.");
        }
        if (!NAME.matcher(clean).matches()) {
            throw input("'" + clean + "' is not a name (letters, spaces and . , ' - only): type it as on the KTP.");
        }
        return clean;
    }

    private static Optional<String> email(Optional<String> email) {
        Optional<String> clean = Objects.requireNonNull(email, "email").map(String::strip).filter(e -> !e.isEmpty());
        if (clean.isPresent() && (clean.get().length() > 254 || !EMAIL.matcher(clean.get()).matches())) {
            throw input("'" + clean.get() + "' is not an email address (name@example.com): type it again, or leave"
                    + " it out.");
        }
        return clean;
    }

    private static Optional<String> address(Optional<String> address) {
        Optional<String> clean = Objects.requireNonNull(address, "address").map(a -> a.strip().replaceAll("\\s+", " "))
                .filter(a -> !a.isEmpty());
        if (clean.isPresent() && clean.get().length() > MAX_ADDRESS) {
            throw input("An address has at most " + MAX_ADDRESS + " characters; this one has "
                    + clean.get().length() + ": shorten it.");
        }
        return clean;
    }

    private static CustomerException input(String message) {
        return new CustomerException(CustomerException.Reason.INVALID_INPUT, message);
    }
}
