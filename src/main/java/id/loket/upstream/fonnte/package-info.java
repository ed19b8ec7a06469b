/**
 * The Fonnte WhatsApp gateway ({@code https://api.fonnte.com}), after its public docs (docs.fonnte.com/api-send-message)
 * as summarised in the shared research notes (payments-messaging.md §4.1): the shop's own WhatsApp device sends
 * the texts.
 *
 * <p>{@link id.loket.upstream.fonnte.FonnteClient} sends one form POST to {@code /send} per text and turns the
 * answer into the port's {@link id.loket.billing.GatewayResult} through one table
 * ({@link id.loket.upstream.fonnte.FonnteAnswers}); {@link id.loket.upstream.fonnte.FonnteMessenger} is the
 * {@link id.loket.billing.Messenger}: it normalises the Indonesian number before anything leaves the machine, and
 * makes and checks one-time codes itself ({@link id.loket.billing.TextOtp}), since Fonnte only sends texts.
 *
 * <p>Never tried against the real service: the adapter is proven against
 * {@code id.loket.upstream.fonnte.sim.FonnteSimulator}, written from the same docs. The success sample, the
 * failure reasons and the key casing variant are quoted by third-party clients and unverified (§4.1, UNV).
 *
 * <p>This package depends only on {@code id.loket.billing}, {@code id.loket.core}, {@code id.loket.upstream.CappedBody},
 * the JDK, Jackson and slf4j.
 */
package id.loket.upstream.fonnte;
