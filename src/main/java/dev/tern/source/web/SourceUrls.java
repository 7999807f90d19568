package dev.tern.source.web;

import dev.tern.config.SourceConfig;
import dev.tern.source.FetchException;
import dev.tern.source.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The {@code url} of a web source, checked, with {@code baseUrl} (when set) replacing its scheme, host and port. */
public final class SourceUrls {

    public static final String URL = "url";

    private SourceUrls() {}

    /** What is wrong with an http(s) URL, or empty when it is fine. */
    public static Optional<String> problem(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return Optional.of("must be an absolute http(s) URL such as https://example.com/careers");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
    }

    /** The source's {@code url}, with the scheme, host and port of {@code baseUrl} when that is set. */
    public static URI resolve(SourceConfig source) throws FetchException {
        String url = source.requiredSetting(URL).strip();
        Optional<String> problem = problem(url);
        if (problem.isPresent()) {
            throw new FetchException("url '" + Urls.redact(url) + "' " + problem.get());
        }
        URI uri = URI.create(url);
        if (source.baseUrl() == null || source.baseUrl().isBlank()) {
            return uri;
        }
        try {
            URI base = URI.create(source.baseUrl().strip());
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + query);
        } catch (IllegalArgumentException e) {
            throw new FetchException("baseUrl '" + Urls.redact(source.baseUrl()) + "' is not a valid URL");
        }
    }
}
