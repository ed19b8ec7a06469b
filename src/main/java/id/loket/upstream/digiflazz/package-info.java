/**
 * The wire client of the Digiflazz Buyer API ({@code https://api.digiflazz.com/v1}), after the provider's pages
 * (developer.digiflazz.com/api/buyer/...) and, where they are silent, the shared research notes on aggregators (§1).
 *
 * <p>{@link id.loket.upstream.digiflazz.DigiflazzClient} sends one signed JSON POST per call and turns whatever
 * comes back into a {@link id.loket.upstream.digiflazz.DigiflazzResult}: an {@code Answer} when Digiflazz said
 * something this client understands completely, a {@code NoAnswer} otherwise. For a transaction "no answer" means
 * "unknown", never "failed": the caller re-checks with the same {@code ref_id}. The client never retries on its own,
 * and it knows nothing of the counter's books or of the gateway port an adapter builds on top of it.
 *
 * <p>This package depends only on {@code id.loket.core}, the JDK, Jackson and slf4j.
 */
package id.loket.upstream.digiflazz;
