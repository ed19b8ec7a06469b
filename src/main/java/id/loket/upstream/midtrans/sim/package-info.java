/**
 * A local Midtrans (Core API and Payment Link API) for tests, drills and training without the internet, written
 * from the public docs (shared research payments-messaging.md §1), not from the adapter: see
 * {@link id.loket.upstream.midtrans.sim.MidtransSimulator}.
 */
package id.loket.upstream.midtrans.sim;
