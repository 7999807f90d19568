package dev.tern.posting;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Canonical posting URLs, so the same job reached through two sources compares equal: scheme and host lower-cased,
 * default port, fragment, trailing slash and tracking parameters dropped; parameters that identify the job (such
 * as Greenhouse's {@code gh_jid}) stay, in their order. Lever's and Ashby's apply pages and Greenhouse's old board
 * host map to the posting page, since aggregators link one and the boards' APIs the other.
 */
public final class Urls {

    private static final Set<String> TRACKING =
            Set.of("ref", "referrer", "source", "src", "gh_src", "lever-source", "lever-origin", "fbclid", "gclid");
    private static final String UTM_PREFIX = "utm_";
    private static final String GREENHOUSE_OLD_HOST = "boards.greenhouse.io";
    private static final String GREENHOUSE_HOST = "job-boards.greenhouse.io";
    private static final int HTTP_PORT = 80;
    private static final int HTTPS_PORT = 443;

    private Urls() {}

    /** The canonical form of an http(s) URL; anything that is not one comes back trimmed, unchanged. */
    public static String canonical(String url) {
        String trimmed = url == null ? "" : url.strip();
        if (trimmed.isEmpty()) {
            return trimmed;
        }
        try {
            URI uri = new URI(trimmed.replace(" ", "%20"));
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return trimmed;
            }
            StringBuilder out = new StringBuilder(trimmed.length());
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            out.append(scheme).append("://").append(host.equals(GREENHOUSE_OLD_HOST) ? GREENHOUSE_HOST : host);
            if (uri.getPort() >= 0 && uri.getPort() != defaultPort(scheme)) {
                out.append(':').append(uri.getPort());
            }
            out.append(withoutApplySuffix(host, path(uri.getRawPath())));
            String query = query(uri.getRawQuery());
            return query.isEmpty()
                    ? out.toString()
                    : out.append('?').append(query).toString();
        } catch (URISyntaxException e) {
            return trimmed;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? HTTPS_PORT : HTTP_PORT;
    }

    private static String path(String rawPath) {
        String path = rawPath == null ? "" : rawPath;
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    /** Lever and Ashby serve the same job at ".../ID" and ".../ID/apply" (or "/application"). */
    private static String withoutApplySuffix(String host, String path) {
        if (host.endsWith("lever.co") && path.endsWith("/apply")) {
            return path.substring(0, path.length() - "/apply".length());
        }
        if (host.endsWith("ashbyhq.com") && path.endsWith("/application")) {
            return path.substring(0, path.length() - "/application".length());
        }
        return path;
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = (equals < 0 ? pair : pair.substring(0, equals)).toLowerCase(Locale.ROOT);
            if (!pair.isEmpty() && !name.startsWith(UTM_PREFIX) && !TRACKING.contains(name)) {
                kept.add(pair);
            }
        }
        return kept.toString();
    }
}
