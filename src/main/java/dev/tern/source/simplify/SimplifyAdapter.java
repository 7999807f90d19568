package dev.tern.source.simplify;

import dev.tern.config.SourceConfig;
import dev.tern.posting.RawPosting;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.SourceAdapter;
import dev.tern.source.Urls;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * A SimplifyJobs-style {@code listings.json} at {@code url}, fetched with a conditional GET. The list is curated, so
 * every entry counts as an internship. A {@code baseUrl} replaces the scheme, host and port of {@code url}.
 */
public final class SimplifyAdapter implements SourceAdapter {

    public static final String TYPE = "simplify";
    private static final String URL = "url";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> requiredKeys() {
        return Set.of(URL);
    }

    @Override
    public Set<String> optionalKeys() {
        return Set.of();
    }

    @Override
    public boolean curated() {
        return true;
    }

    @Override
    public List<Problem> check(SourceConfig source) {
        return source.setting(URL).filter(url -> !isHttpUrl(url)).stream()
                .map(url -> new Problem(
                        URL,
                        "must be an http(s) URL of a listings.json, like"
                                + " https://raw.githubusercontent.com/OWNER/REPO/BRANCH/.github/scripts/listings.json"))
                .toList();
    }

    @Override
    public FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        URI uri = listingsUri(source);
        Http.Response response = http.get(uri, previous == null ? CacheTags.NONE : previous);
        if (response.notModified()) {
            return new FetchResult.NotModified();
        }
        List<RawPosting> postings = SimplifyParser.parse(response.body(), Urls.redact(uri));
        return new FetchResult.Fetched(postings, response.tags());
    }

    /** The URL to fetch: {@code url}, moved onto {@code baseUrl} when one is set. */
    static URI listingsUri(SourceConfig source) throws FetchException {
        try {
            URI url = URI.create(source.requiredSetting(URL));
            if (source.baseUrl() == null || source.baseUrl().isBlank()) {
                return url;
            }
            String base = source.baseUrl().strip().replaceAll("/+$", "");
            String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
            return URI.create(base + url.getRawPath() + query);
        } catch (IllegalArgumentException e) {
            throw new FetchException("source " + source.id() + ": url or baseUrl is not a valid URL ("
                    + e.getMessage().replaceAll(":.*", "") + ")");
        }
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = URI.create(text.strip());
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
