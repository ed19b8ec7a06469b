package id.loket.cli;

import id.loket.customers.Customer;
import id.loket.customers.CustomerException;
import id.loket.customers.CustomerService;
import id.loket.customers.OtpSent;
import id.loket.customers.SavedReference;
import id.loket.users.Operator;
import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code loket customers add|verify|otp|list|refs}: the shop's regular customers, registered with NIK and phone and
 * verified by an SMS code. Every one acts as a signed-in operator ({@code --user} with {@code --password-stdin}); the
 * NIK is shown in full to the owner only, masked ({@code 3273********0001}) to a clerk.
 */
@Command(name = "customers", mixinStandardHelpOptions = true,
        description = "Register, verify and find regular customers (needed for payments above the amount the owner set).",
        subcommands = {CustomersCommand.Add.class, CustomersCommand.Verify.class, CustomersCommand.Otp.class,
            CustomersCommand.ListCustomers.class, CustomersCommand.Refs.class})
final class CustomersCommand implements Runnable {

    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Say 'customers add', 'verify', 'otp', 'list' or 'refs'.");
    }

    /** {@code loket customers add --name N --nik NIK --phone P [--email E] [--address A]}: registers, sends the code. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Register a customer (UNVERIFIED) and send the 6-digit code to their phone by SMS.",
                "Exit 0 registered and code sent, 1 refused (nothing written), 3 registered but no code sent ('customers otp')."})
    static final class Add extends ServiceCommand {

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "As on the KTP.")
        private String name;

        @Option(names = "--nik", required = true, paramLabel = "NIK", description = "The 16-digit NIK from the KTP.")
        private String nik;

        @Option(names = "--phone", required = true, paramLabel = "PHONE",
                description = "Indonesian mobile number: 0812…, 62812… or +62 812-….")
        private String phone;

        @Option(names = "--email", paramLabel = "EMAIL", description = "Optional.")
        private String email;

        @Option(names = "--address", paramLabel = "ADDRESS", description = "Optional.")
        private String address;

        @Option(names = "--json", description = "Machine-readable output.")
        private boolean json;

        @Override
        public Integer call() {
            try (OperatorSession session = openSession()) {
                CliServices services = session.services();
                CustomerService customers = services.customers();
                Customer customer = customers.register(name, nik, phone, Optional.ofNullable(email),
                        Optional.ofNullable(address));
                Optional<OtpSent> sent = Optional.empty();
                Optional<String> problem = Optional.empty();
                try {
                    sent = Optional.of(customers.requestOtp(customer.id()));
                } catch (CustomerException e) {
                    problem = Optional.of(e.getMessage());
                }
                if (json) {
                    Map<String, Object> doc = document(customer, session.operator());
                    doc.put("otp_sent", sent.isPresent());
                    doc.put("otp_expires_at", sent.map(s -> s.expiresAt().toString()).orElse(null));
                    doc.put("sandbox_code", sent.flatMap(OtpSent::sandboxCode).orElse(null));
                    doc.put("otp_problem", problem.orElse(null));
                    out().println(new Json().write(doc));
                } else {
                    out().println("Customer " + customer.id() + " registered (" + customer.status() + "): "
                            + customer.name() + ", NIK " + CustomerService.nikShownTo(session.operator(), customer)
                            + ", phone "
                            + customer.phone().local() + ".");
                    sent.ifPresent(s -> printSent(s, out()));
                }
                out().flush();
                if (problem.isPresent()) {
                    err().println("loket: The customer is registered, but no code was sent: " + problem.get()
                            + " Send one with 'loket customers otp --id " + customer.id() + "'.");
                    err().flush();
                    return LoketCommand.PENDING;
                }
                return LoketCommand.OK;
            }
        }
    }

    /** {@code loket customers otp --id ID}: a new code, e.g. after the first expired or locked. */
    @Command(name = "otp", mixinStandardHelpOptions = true,
            description = "Send a new 6-digit code to the customer's phone (the earlier one no longer counts).")
    static final class Otp extends ServiceCommand {

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The customer's id (see 'customers list').")
        private long id;

        @Override
        public Integer call() {
            try (OperatorSession session = openSession()) {
                CliServices services = session.services();
                printSent(services.customers().requestOtp(id), out());
                out().flush();
                return LoketCommand.OK;
            }
        }
    }

    /** {@code loket customers verify --id ID --code C}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the code the customer read from the SMS; the right one makes them VERIFIED.",
                "Exit 0 verified, 1 not a code or no such customer, 2 code wrong, locked or expired."})
    static final class Verify extends ServiceCommand {

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The customer's id.")
        private long id;

        @Option(names = "--code", required = true, paramLabel = "CODE", description = "The 6 digits of the SMS.")
        private String code;

        @Override
        public Integer call() {
            try (OperatorSession session = openSession()) {
                CliServices services = session.services();
                Customer customer;
                try {
                    customer = services.customers().verify(id, code);
                } catch (CustomerException e) {
                    switch (e.reason()) {
                        case OTP_WRONG, OTP_LOCKED, OTP_EXPIRED -> {
                            err().println("loket: " + e.getMessage() + (e.reason() == CustomerException.Reason.OTP_WRONG
                                    ? "" : " ('loket customers otp --id " + id + "')"));
                            err().flush();
                            return LoketCommand.FAILED;
                        }
                        default -> throw e;
                    }
                }
                out().println("Customer " + customer.id() + " (" + customer.name() + ") is " + customer.status()
                        + ".");
                out().flush();
                return LoketCommand.OK;
            }
        }
    }

    /** {@code loket customers list [--search TEXT] [--json]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List customers, or find them by part of the name, phone or NIK.")
    static final class ListCustomers extends ServiceCommand {

        @Option(names = "--search", paramLabel = "TEXT", description = "Part of the name, phone (0812…) or NIK.")
        private String search;

        @Option(names = "--json", description = "Machine-readable output.")
        private boolean json;

        @Override
        public Integer call() {
            try (OperatorSession session = openSession()) {
                CliServices services = session.services();
                List<Customer> found = services.customers().search(search);
                PrintWriter out = out();
                if (json) {
                    List<Map<String, Object>> docs = new ArrayList<>();
                    found.forEach(c -> docs.add(document(c, session.operator())));
                    out.println(new Json().write(Map.of("customers", docs)));
                } else if (found.isEmpty()) {
                    out.println(search == null || search.isBlank() ? "No customers yet: register one with"
                            + " 'loket customers add'." : "No customer matches '" + search + "'.");
                } else {
                    out.printf("%-5s %-28s %-16s %-16s %s%n", "ID", "NAME", "PHONE", "NIK", "STATUS");
                    for (Customer c : found) {
                        out.printf("%-5d %-28s %-16s %-16s %s%n", c.id(), c.name(), c.phone().local(),
                                CustomerService.nikShownTo(session.operator(), c), c.status());
                    }
                    if (found.size() == CustomerService.SEARCH_LIMIT) {
                        out.println("(the first " + CustomerService.SEARCH_LIMIT + " only: narrow the search with"
                                + " --search)");
                    }
                }
                out.flush();
                return LoketCommand.OK;
            }
        }
    }

    /** {@code loket customers refs --id ID [--add BILLER:REF[:LABEL]]}. */
    @Command(name = "refs", mixinStandardHelpOptions = true,
            description = "Show a customer's saved references, or save one (BILLER:REFERENCE[:LABEL]).")
    static final class Refs extends ServiceCommand {

        @Option(names = "--id", required = true, paramLabel = "ID", description = "The customer's id.")
        private long id;

        @Option(names = "--add", paramLabel = "BILLER:REF[:LABEL]",
                description = "Save a reference, e.g. PLN_POSTPAID:512345678901:Rumah.")
        private String add;

        @Option(names = "--json", description = "Machine-readable output.")
        private boolean json;

        @Override
        public Integer call() {
            Optional<String[]> parts = Optional.ofNullable(add).map(a -> a.split(":", 3));
            if (parts.isPresent() && parts.get().length < 2) {
                throw new IllegalArgumentException("--add takes BILLER:REFERENCE[:LABEL], e.g."
                        + " PLN_POSTPAID:512345678901:Rumah; '" + add + "' has no reference.");
            }
            try (OperatorSession session = openSession()) {
                CliServices services = session.services();
                CustomerService customers = services.customers();
                if (parts.isPresent()) {
                    String[] p = parts.get();
                    customers.saveReference(id, p[0], p[1], p.length > 2 ? Optional.of(p[2]) : Optional.empty());
                }
                List<SavedReference> refs = customers.references(id);
                PrintWriter out = out();
                if (json) {
                    List<Map<String, Object>> docs = new ArrayList<>();
                    for (SavedReference r : refs) {
                        Map<String, Object> doc = new LinkedHashMap<>();
                        doc.put("biller", r.billerCode());
                        doc.put("reference", r.reference());
                        doc.put("label", r.label().orElse(null));
                        doc.put("saved_at", r.savedAt().toString());
                        docs.add(doc);
                    }
                    out.println(new Json().write(Map.of("customer", id, "references", docs)));
                } else if (refs.isEmpty()) {
                    out.println("Customer " + id + " has no saved references: save one with --add BILLER:REF[:LABEL].");
                } else {
                    out.println("Saved references of customer " + id + ":");
                    for (SavedReference r : refs) {
                        out.printf("  %-16s %-20s %s%n", r.billerCode(), r.reference(), r.label().orElse(""));
                    }
                }
                out.flush();
                return LoketCommand.OK;
            }
        }
    }

    private static void printSent(OtpSent sent, PrintWriter out) {
        Customer c = sent.customer();
        out.println("A 6-digit code was sent by SMS to " + c.phone().masked() + ", valid until "
                + LocalTime.ofInstant(sent.expiresAt(), WIB).truncatedTo(ChronoUnit.MINUTES) + " WIB: type it with"
                + " 'loket customers verify --id " + c.id() + " --code CODE'.");
        sent.sandboxCode().ifPresent(code -> out.println("SANDBOX: no SMS leaves the sandbox gateway; the code it"
                + " sent is " + code + "."));
    }

    private static Map<String, Object> document(Customer c, Operator viewer) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", c.id());
        doc.put("name", c.name());
        doc.put("nik", CustomerService.nikShownTo(viewer, c));
        doc.put("phone", c.phone().e164());
        doc.put("email", c.email().orElse(null));
        doc.put("address", c.address().orElse(null));
        doc.put("status", c.status().name());
        doc.put("created_at", c.createdAt().toString());
        doc.put("verified_at", c.verifiedAt().map(Object::toString).orElse(null));
        return doc;
    }
}
