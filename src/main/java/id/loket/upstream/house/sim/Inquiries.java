package id.loket.upstream.house.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.billing.GatewayError;
import id.loket.core.Biller;
import id.loket.core.BillerKind;
import id.loket.core.BusinessCalendar;
import id.loket.core.Product;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/billers} and {@code POST /v1/inquiries}: checks the reference the way a biller would, applies
 * the reference scenarios, refuses a bill already paid, and remembers the inquiry so a payment can only be made
 * against a bill the gateway has actually shown (and only for its total, only while it is fresh).
 */
final class Inquiries {

    private static final Logger LOG = LoggerFactory.getLogger(Inquiries.class);

    private final SandboxState state;
    private final Clock clock;
    private final Duration ttl;

    Inquiries(SandboxState state, Clock clock, Duration ttl) {
        this.state = state;
        this.clock = clock;
        this.ttl = ttl;
    }

    static ObjectNode billers() {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("billers");
        for (Biller b : Catalog.BILLERS) {
            ObjectNode node = list.addObject();
            node.put("code", b.code());
            node.put("category", b.category().name());
            node.put("name", b.name());
            node.put("kind", b.kind().name());
            ObjectNode reference = node.putObject("reference");
            reference.put("label", b.referenceLabel());
            reference.put("pattern", b.referencePattern());
            node.put("admin_fee", b.adminFee().rupiah());
            ArrayNode products = node.putArray("products");
            for (Product p : b.products()) {
                ObjectNode product = products.addObject();
                product.put("code", p.code());
                product.put("name", p.name());
                product.put("price", p.price().rupiah());
            }
        }
        return body;
    }

    ObjectNode inquire(ObjectNode body) {
        String billerCode = Json.text(body, "biller");
        String reference = Json.text(body, "reference");
        Optional<String> productCode = Json.optionalText(body, "product");
        Biller biller = Catalog.find(billerCode).orElseThrow(() -> SandboxError.notFound(
                GatewayError.UNKNOWN_BILLER, "No biller '" + billerCode + "' in the catalog (GET /v1/billers)"));
        if (!biller.acceptsReference(reference)) {
            throw SandboxError.unprocessable(GatewayError.INVALID_REFERENCE, biller.referenceLabel() + " '"
                    + reference + "' does not match " + biller.referencePattern() + " for " + biller.name());
        }
        if (biller.code().equals("PULSA") && BillFactory.operator(reference).isEmpty()) {
            throw SandboxError.unprocessable(GatewayError.INVALID_REFERENCE, "No mobile operator uses the prefix "
                    + reference.substring(0, 4));
        }
        Optional<Product> product = Optional.empty();
        if (biller.kind() == BillerKind.PREPAID) {
            String code = productCode.orElseThrow(() -> SandboxError.unprocessable(GatewayError.UNKNOWN_PRODUCT,
                    biller.name() + " is prepaid: choose a product (" + productCodes(biller) + ")"));
            product = Optional.of(biller.product(code).orElseThrow(() -> SandboxError.unprocessable(
                    GatewayError.UNKNOWN_PRODUCT, "No product '" + code + "' at " + biller.name() + " ("
                            + productCodes(biller) + ")")));
        }
        if (reference.endsWith("0000")) {
            throw SandboxError.notFound(GatewayError.REFERENCE_NOT_FOUND, "Nomor " + reference
                    + " tidak terdaftar di " + biller.name() + " (rc 14, reference not found)");
        }
        if (reference.endsWith("9999")) {
            throw SandboxError.conflict(GatewayError.BILL_ALREADY_PAID, "Tagihan " + reference
                    + " sudah lunas (rc 34, bill already paid)");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        BillFactory.Bill bill = BillFactory.bill(biller, reference, product, new BusinessCalendar(clock).dayOf(now));
        if (bill.billKey().flatMap(state::livePaymentOfBill).isPresent()) {
            throw SandboxError.conflict(GatewayError.BILL_ALREADY_PAID, "Tagihan " + reference + " periode ini"
                    + " sudah dibayar (rc 34, bill already paid)");
        }
        SandboxState.InquiryRow row = new SandboxState.InquiryRow(Ids.next("inq"), biller.code(), reference,
                product.map(Product::code), bill.customerName(), bill.amount(), bill.adminFee(), bill.billKey(),
                bill.details(), now, now.plus(ttl));
        state.insertInquiry(row);
        LOG.debug("Inquiry {} for {} {}", row.inquiryId(), biller.code(), reference);
        return render(row);
    }

    static ObjectNode render(SandboxState.InquiryRow row) {
        ObjectNode body = Json.object();
        body.put("inquiry_id", row.inquiryId());
        body.put("biller", row.biller());
        body.put("reference", row.reference());
        body.put("customer_name", row.customerName());
        body.put("amount", row.amount());
        body.put("admin_fee", row.adminFee());
        body.put("total", row.total());
        body.set("details", Json.objectOf(row.details()));
        body.put("expires_at", Json.time(row.expiresAt()));
        return body;
    }

    private static String productCodes(Biller biller) {
        return String.join(", ", biller.products().stream().map(Product::code).toList());
    }
}
