package id.loket.upstream.fonnte.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two body forms the docs show for {@code /send}: {@code multipart/form-data} (the PHP and curl examples) and
 * {@code application/x-www-form-urlencoded}. File parts are kept by name like any field; their bytes are not
 * needed here.
 */
final class Forms {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    /** A body that is not a form of either kind. */
    static final class NotAForm extends Exception {
        private static final long serialVersionUID = 1L;

        NotAForm(String message) {
            super(message);
        }
    }

    private Forms() {}

    /** The fields, the first of each name winning; a missing content type is read as urlencoded. */
    static Map<String, String> parse(String contentType, byte[] body) throws NotAForm {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            Matcher m = BOUNDARY.matcher(contentType);
            if (!m.find()) {
                throw new NotAForm("multipart without a boundary");
            }
            return multipart(m.group(1), body);
        }
        if (type.isEmpty() || type.startsWith("application/x-www-form-urlencoded")) {
            return urlencoded(new String(body, StandardCharsets.UTF_8));
        }
        throw new NotAForm("the body is " + contentType + ", not a form");
    }

    static Map<String, String> urlencoded(String text) throws NotAForm {
        Map<String, String> fields = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return fields;
        }
        try {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw new NotAForm("the form is not valid percent-encoding");
        }
        return fields;
    }

    private static Map<String, String> multipart(String boundary, byte[] body) throws NotAForm {
        // ISO-8859-1 maps bytes one to one, so the split cannot corrupt UTF-8 values; they are decoded after.
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        Map<String, String> fields = new LinkedHashMap<>();
        String[] parts = raw.split(Pattern.quote(delimiter), -1);
        if (parts.length < 2) {
            throw new NotAForm("multipart body without its boundary");
        }
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("--")) {
                break;
            }
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                throw new NotAForm("a multipart part without headers");
            }
            String headers = part.substring(0, headersEnd);
            String content = part.substring(headersEnd + 4);
            if (content.endsWith("\r\n")) {
                content = content.substring(0, content.length() - 2);
            }
            Optional<String> name = headers.lines()
                    .filter(h -> h.toLowerCase(Locale.ROOT).startsWith("content-disposition:"))
                    .map(NAME::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
            if (name.isEmpty()) {
                throw new NotAForm("a multipart part without a name");
            }
            fields.putIfAbsent(name.get(), new String(content.getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8));
        }
        return fields;
    }
}
