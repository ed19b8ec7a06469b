package id.loket.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Indonesian mobile numbers as a counter hears them, normalised to +62…; everything else refused precisely. */
class PhoneNumberTest {

    @ParameterizedTest(name = "''{0}'' → {1}")
    @CsvSource(delimiter = '|', value = {
        "0812-3456-7890          | +6281234567890",
        "081234567890            | +6281234567890",
        "62812 3456 7890         | +6281234567890",
        "+62 812-3456-7890       | +6281234567890",
        "+6281234567890          | +6281234567890",
        "+62 (0)812 3456 7890    | +6281234567890",
        "0062 812 3456 7890      | +6281234567890",
        "  0812.3456.7890        | +6281234567890",
        "0811234567              | +62811234567",
        "0895123456789           | +62895123456789",
        "0857 1234 5678          | +6285712345678",
        "0881-2345-6789          | +6288123456789",
    })
    void mobileNumbersAreNormalisedToE164(String typed, String e164) {
        PhoneNumber phone = PhoneNumber.parse(typed);
        assertThat(phone.e164()).isEqualTo(e164);
        assertThat(PhoneNumber.parse(phone.e164())).isEqualTo(phone);
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
        "+60 12-345 6789         | is not an Indonesian number",
        "+1 415 555 0100         | is not an Indonesian number",
        "0060 12 345 6789        | is not an Indonesian number",
        "021-5551234             | is a landline or not a mobile number",
        "+62 22 1234567          | is a landline or not a mobile number",
        "(022) 420 1234          | is a landline or not a mobile number",
        "0812345                 | has 7 digits written from the 0, but an Indonesian mobile number has 10 to 13",
        "08123456789012          | has 14 digits written from the 0",
        "0841234567              | starts with 084, which no Indonesian mobile operator uses",
        "0812-ABCD-789           | has only digits",
        "812345678               | should start with 0 (0812…), 62 or +62",
    })
    void otherNumbersAreRefusedSayingWhy(String typed, String message) {
        assertThatThrownBy(() -> PhoneNumber.parse(typed))
                .isInstanceOfSatisfying(CustomerException.class,
                        e -> assertThat(e.reason()).isEqualTo(CustomerException.Reason.INVALID_PHONE))
                .hasMessageContaining(message.strip());
    }

    @Test
    void aMissingNumberIsRefused() {
        assertThatThrownBy(() -> PhoneNumber.parse(" ")).hasMessageContaining("The phone number is missing");
    }

    @Test
    void shownLocallyOrMasked() {
        PhoneNumber phone = PhoneNumber.parse("+6281234567890");
        assertThat(phone.local()).isEqualTo("0812-3456-7890");
        assertThat(phone.masked()).isEqualTo("+62812*****890");
        assertThat(phone).hasToString("+62812*****890");
    }
}
