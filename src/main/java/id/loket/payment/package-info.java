/**
 * Paying bills at the counter: {@link id.loket.payment.PaymentService} (the payment state machine of DESIGN.md over
 * the gateway port), its store port {@link id.loket.payment.PaymentStore}, and
 * {@link id.loket.payment.RecoveryScheduler}.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>{@code payment_not_found} during recovery: send again once.</b> The gateway answers it for a request it
 *       never received (a timeout before it arrived, a 5xx before it was processed, a crash before it left). The
 *       customer has paid and left with a provisional slip, so the bill they paid for is paid if it still can be:
 *       the payment is sent again, once, with the <em>same</em> {@code client_ref} and the same body (the
 *       gateway's idempotency makes this the same payment if the first request does arrive after all). A refusal
 *       of that resend ({@code inquiry_expired} …) fails it; should a later status check still say
 *       {@code payment_not_found}, it fails as "never received". Either way the customer's money is owed back
 *       ({@code refunds_due}). A new {@code client_ref} is never used.</li>
 *   <li><b>Refunds.</b> A payment that fails while the customer waits gets its cash handed back (the reservation is
 *       voided, nothing else). Money that was kept — non-cash, or cash of a payment recovery finds failed after the
 *       customer left — is moved to {@code refunds_due} by a POSTED entry, so the books show what is owed.</li>
 *   <li><b>The double-payment guard</b> holds a postpaid bill (biller + reference + {@code periode}) while a payment
 *       of it is SENT, SUSPECT or SUCCESS (DESIGN.md), and also while a charge for it waits for the customer or is
 *       paid (CHARGE_PENDING, PAID): otherwise two QR codes for one bill could both be paid. Prepaid products have no
 *       guard. The store checks it inside the write transaction, and a partial unique index backs it.</li>
 *   <li><b>The shop fee is not charged on gateway charges</b> (QRIS, VA, e-wallet, payment link): the protocol pays
 *       a bill only with a charge of exactly the payment's amount, which is the inquiry's total, so the shop fee
 *       cannot ride on it. Cash and debit card through the counter's EDC carry it.</li>
 *   <li><b>SENT payments are left alone for a grace period</b> (one minute) by recovery, since another process (the
 *       command line beside the app) may be waiting for their answer; payments being worked on in this process are
 *       always left alone.</li>
 *   <li><b>A cancelled charge</b> cannot be withdrawn at the gateway (the protocol has no call for it): the clerk's
 *       cancel first asks whether the customer has paid, and if so pays the bill instead.</li>
 * </ul>
 */
package id.loket.payment;
