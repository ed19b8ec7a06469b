package id.loket.upstream.midtrans.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** One Core API transaction in the simulator; guarded by the engine's lock. */
final class SimTransaction {

    static final ZoneOffset WIB = ZoneOffset.ofHours(7);
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    final String orderId;
    final String transactionId;
    final String paymentType;
    final String bank;
    final long grossAmount;
    final Instant transactionTime;
    final Instant expiryTime;
    final String linkOrderId;
    String vaNumber;
    String permataVaNumber;
    String billKey;
    String billerCode;
    String qrString;
    String status = "pending";
    String fraudStatus = "accept";
    Instant settlementTime;
    boolean current = true;

    SimTransaction(String orderId, String transactionId, String paymentType, String bank, long grossAmount,
            Instant transactionTime, Instant expiryTime, String linkOrderId) {
        this.orderId = orderId;
        this.transactionId = transactionId;
        this.paymentType = paymentType;
        this.bank = bank;
        this.grossAmount = grossAmount;
        this.transactionTime = transactionTime;
        this.expiryTime = expiryTime;
        this.linkOrderId = linkOrderId;
    }

    /** Expires a pending transaction whose time is up (the clock-driven scheduler of Midtrans). */
    void refresh(Instant now) {
        if (status.equals("pending") && !now.isBefore(expiryTime)) {
            status = "expire";
        }
    }

    /** Reusable order id: after cancel or expire [S4][S17]. */
    boolean releasesOrderId() {
        return status.equals("cancel") || status.equals("expire");
    }

    /** The status_code of a status answer by state (research §1.4 samples). */
    String statusCode() {
        return switch (status) {
            case "settlement", "capture", "refund", "partial_refund", "chargeback", "partial_chargeback" -> "200";
            case "pending" -> "201";
            case "expire" -> "407";
            default -> "202"; // deny, cancel, failure
        };
    }

    String grossAmountText() {
        return String.format(Locale.ROOT, "%d.00", grossAmount);
    }

    static String wib(Instant instant) {
        return LocalDateTime.ofInstant(instant, WIB).format(TIMESTAMP);
    }

    /** The fields common to charge, status and cancel answers. */
    ObjectNode common(String statusCode, String statusMessage, String merchantId) {
        ObjectNode node = SimJson.object();
        node.put("status_code", statusCode);
        node.put("status_message", statusMessage);
        node.put("transaction_id", transactionId);
        node.put("order_id", orderId);
        node.put("merchant_id", merchantId);
        node.put("gross_amount", grossAmountText());
        node.put("currency", "IDR");
        node.put("payment_type", paymentType);
        node.put("transaction_time", wib(transactionTime));
        node.put("transaction_status", status);
        node.put("fraud_status", fraudStatus);
        return node;
    }

    /** What the status and the charge answers say of a VA, a bill or a QRIS acquirer. */
    void methodFields(ObjectNode node) {
        switch (paymentType) {
            case "bank_transfer" -> {
                ObjectNode va = node.putArray("va_numbers").addObject();
                va.put("bank", bank);
                va.put("va_number", vaNumber);
                node.putArray("payment_amounts");
            }
            case "permata" -> node.put("permata_va_number", permataVaNumber);
            case "echannel" -> {
                node.put("bill_key", billKey);
                node.put("biller_code", billerCode);
            }
            case "qris" -> node.put("acquirer", "gopay");
            default -> {
                // gopay: nothing more
            }
        }
    }

    SimulatedCharge snapshot() {
        return new SimulatedCharge(orderId, transactionId, paymentType, grossAmount, status, transactionTime,
                expiryTime, Optional.ofNullable(settlementTime), current, Optional.ofNullable(linkOrderId));
    }
}
