package id.loket.upstream.digiflazz;

/** A field Digiflazz sent that this client cannot read without guessing; the message names the field. */
final class Malformed extends IllegalArgumentException {

    Malformed(String message) {
        super(message);
    }
}
