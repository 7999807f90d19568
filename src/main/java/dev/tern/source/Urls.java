package dev.tern.source;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Makes URLs safe to show in messages and logs: no user info, no values of query parameters that look secret. */
public final class Urls {

    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(token|key|secret|password|passwd|auth|sig|signature|credential|session).*");
    private static final String HIDDEN = "***";

    private Urls() {}

    /** The URL as text with user info dropped and secret-looking query values replaced by {@code ***}. */
    public static String redact(URI uri) {
        if (uri == null) {
            return "(no URL)";
        }
        if (uri.isOpaque() || uri.getHost() == null) {
            return uri.getRawUserInfo() == null && uri.getRawQuery() == null ? uri.toString() : HIDDEN;
        }
        StringBuilder text =
                new StringBuilder().append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            text.append(':').append(uri.getPort());
        }
        text.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            text.append('?').append(redactQuery(uri.getRawQuery()));
        }
        return text.toString();
    }

    /** Like {@link #redact(URI)} for URL text; text that is not a URL is hidden whole. */
    public static String redact(String url) {
        try {
            return redact(URI.create(url));
        } catch (IllegalArgumentException e) {
            return HIDDEN;
        }
    }

    private static String redactQuery(String query) {
        StringBuilder out = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            boolean secret = SECRET_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches();
            out.append(secret && eq >= 0 ? name + "=" + HIDDEN : pair);
        }
        return out.toString();
    }
}
