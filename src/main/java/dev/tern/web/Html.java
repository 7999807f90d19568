package dev.tern.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Makes text from sources safe inside HTML: every character that could open markup is escaped. */
final class Html {

    private Html() {}

    /** Text for an element's content or a quoted attribute; null is empty. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A link target only when it is an absolute http(s) URL: a {@code javascript:} URL from a source is no link. */
    static Optional<String> safeHref(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return Optional.of(escape(uri.toString()));
            }
        } catch (URISyntaxException e) {
            // not a URL: shown as text only
        }
        return Optional.empty();
    }
}
