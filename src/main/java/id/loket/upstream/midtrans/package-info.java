/**
 * The Midtrans adapter of the payment-acceptance port: Core API charges (QRIS, GoPay, bank-transfer virtual
 * accounts, Permata, Mandiri bill), their signed status, cancel, and Payment Link API links, after the shared research
 * notes (payments-messaging.md §1) and docs.midtrans.com.
 *
 * <p>{@link id.loket.upstream.midtrans.MidtransClient} moves the bytes (Basic auth with the server key, https only
 * except loopback, capped bodies); {@link id.loket.upstream.midtrans.ResponseCode} is the one code table;
 * {@link id.loket.upstream.midtrans.MidtransAcceptance} implements {@link id.loket.billing.PaymentAcceptance}.
 *
 * <p>This package depends only on {@code id.loket.billing} ports, {@code id.loket.core}, the JDK, Jackson and
 * slf4j; never on its simulator.
 */
package id.loket.upstream.midtrans;
