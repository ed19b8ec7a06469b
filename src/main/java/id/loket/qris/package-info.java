/**
 * The shop's static QRIS made dynamic for one amount (research notes §3): {@link id.loket.qris.QrisPayload} parses
 * and validates an EMVCo merchant-presented payload (TLV, CRC-16/CCITT-FALSE in {@link id.loket.qris.Crc16}),
 * {@link id.loket.qris.DynamicQris} writes the amount in, {@link id.loket.qris.QrImages} draws and reads QR codes.
 * Plain values and ZXing: no settings, no I/O beyond the image file asked for.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>TLV, never string search.</b> The string method of the first converters (replace {@code 010211}, split at
 *       {@code 5802ID}) corrupts a code where those appear inside a name or an id; every field here is found by its
 *       tag, in any order.</li>
 *   <li><b>Only a static code is made dynamic</b> ({@link id.loket.qris.QrisException.Reason#NOT_STATIC}). A dynamic
 *       code belongs to one payment a provider created (its reference is in tag 62); re-amounting it would make a
 *       code for a payment nobody created. A preset amount (54) and tip or fee fields (55-57) on a static code are
 *       dropped.</li>
 *   <li><b>A lower-case CRC that is right is accepted</b> on input: the same checksum; the owner's sticker is never
 *       shown as is, and every code Loket writes has an upper-case CRC.</li>
 *   <li><b>Refusals carry a stable reason</b> ({@link id.loket.qris.QrisException.Reason}) for the screens to
 *       translate; the English message is for the command line and the log.</li>
 *   <li><b>The amount is a whole number of rupiah</b> (1 to 13 digits, {@code 10000}), as the converters write it;
 *       payloads with decimals ({@code 789000.00}, as Midtrans writes) are read.</li>
 * </ul>
 */
package id.loket.qris;
