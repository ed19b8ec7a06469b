package id.loket.upstream;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check every provider adapter makes of the base URL it is given: absolute with a host, no user name or
 * password, no query or fragment, and {@code https://} unless the host is this computer (a simulator on loopback,
 * judged from the URL alone). The messages name the provider, so each still says whose URL is wrong.
 *
 * <p>Shared by the providers' adapters (it knows nothing of any provider), which is why it sits above their packages.
 */
public final class ProviderUrls {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private ProviderUrls() {}

    /**
     * The base URL without a trailing slash, or why it is refused.
     *
     * @param provider the provider's name as the messages say it ("Midtrans": "The Midtrans URL must ...")
     * @param example a URL the messages show as the right form
     * @param exposure what anyone on the way could do over plain http, after "anyone on the way could", e.g.
     *     "read the server key and change the answers"
     * @throws IllegalArgumentException saying why the URL is refused
     */
    public static String checkBaseUrl(URI baseUrl, String provider, URI example, String exposure) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String the = "The " + provider + " URL";
        // Checked first, so that no message below repeats a password written into the URL.
        if (baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException(the + " must not carry a user name or password");
        }
        if (!baseUrl.isAbsolute() || baseUrl.getHost() == null) {
            throw new IllegalArgumentException(the + " must be absolute with a host, like " + example + ": " + baseUrl);
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException(the + " must not have a query or fragment: " + baseUrl);
        }
        String scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http")) {
            if (!isLoopback(baseUrl.getHost())) {
                throw new IllegalArgumentException(the + " must use https:// (" + baseUrl + "): over plain http:// "
                        + "anyone on the way could " + exposure + "; http:// is allowed only for a simulator on this "
                        + "computer (127.0.0.1, ::1, localhost)");
            }
        } else if (!scheme.equals("https")) {
            throw new IllegalArgumentException(the + " must use https://, not " + scheme + ": " + baseUrl);
        }
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Whether a URL's host is this computer: {@code localhost}, 127.0.0.0/8 or {@code [::1]}. From the URL alone: a
     * DNS answer could say anything.
     */
    public static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            try {
                // A bracketed literal is parsed, never looked up.
                return InetAddress.getByName(h.substring(1, h.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        Matcher ipv4 = IPV4.matcher(h);
        if (!ipv4.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(ipv4.group(i)) > 255) {
                return false;
            }
        }
        return ipv4.group(1).equals("127");
    }
}
