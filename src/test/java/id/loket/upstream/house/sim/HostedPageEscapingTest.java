package id.loket.upstream.house.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page puts the merchant (from the command line) and the client_ref (from the counter) into HTML. */
class HostedPageEscapingTest extends SandboxTestBase {

    private static final String MERCHANT = "Toko <b>\"Maju\"</b> & 'Jaya'";

    @Override
    SandboxOptions options() {
        return super.options().withMerchant(MERCHANT, "s3cret");
    }

    @Test
    void everythingInterpolatedIsEscaped() {
        String ref = "<img src=x onerror=alert(1)>";
        String id = charge(ref.replace("\"", ""), "PAYMENT_LINK", 152_500).get("charge_id").asText();
        String html = sandbox("GET", "/pay/" + id, null).text();
        assertThat(html).contains("Toko &lt;b&gt;&quot;Maju&quot;&lt;/b&gt; &amp; &#39;Jaya&#39;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<b>\"Maju\"").doesNotContain("<img");
    }
}
