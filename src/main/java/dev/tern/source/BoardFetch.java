package dev.tern.source;

import dev.tern.posting.RawPosting;
import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What the boards read with one request have in common (Greenhouse, Ashby, Recruitee, Workable): a conditional
 * GET, 304 as "not modified", a 404 explained in the admin's terms, and the body handed to the type's parser.
 */
public final class BoardFetch {

    private static final int NOT_FOUND = 404;

    private BoardFetch() {}

    /** Reads one response body into postings; {@code url} is the redacted address, for messages. */
    @FunctionalInterface
    public interface Parser {
        List<RawPosting> parse(byte[] body, String url) throws FetchException;
    }

    /**
     * Fetches {@code uri} once.
     *
     * @param notFound makes the 404 message from the redacted URL: it should say which key to check
     */
    public static FetchResult fetch(
            Http http, URI uri, CacheTags previous, UnaryOperator<String> notFound, Parser parser)
            throws FetchException, InterruptedException {
        String url = Urls.redact(uri);
        Http.Response response = get(http, uri, previous == null ? CacheTags.NONE : previous, notFound);
        if (response.notModified()) {
            return new FetchResult.NotModified();
        }
        return new FetchResult.Fetched(parser.parse(response.body(), url), response.tags());
    }

    /**
     * One GET whose 404 means "no such board": the status exception then carries {@code notFound}'s message (made
     * from the redacted URL), which tells the admin which key to check. Paged boards use it for every page.
     */
    public static Http.Response get(Http http, URI uri, CacheTags tags, UnaryOperator<String> notFound)
            throws FetchException, InterruptedException {
        try {
            return http.get(uri, tags);
        } catch (HttpStatusException e) {
            if (e.status() == NOT_FOUND) {
                throw new HttpStatusException(NOT_FOUND, e.url(), notFound.apply(Urls.redact(uri)));
            }
            throw e;
        }
    }

    /** {@code baseUrl} (or {@code defaultBase} when unset) with trailing slashes dropped, then {@code path}. */
    public static URI uri(String baseUrl, String defaultBase, String path) throws FetchException {
        String base = baseUrl == null || baseUrl.isBlank() ? defaultBase : baseUrl.strip();
        try {
            return URI.create(base.replaceAll("/+$", "") + path);
        } catch (IllegalArgumentException e) {
            throw new FetchException("baseUrl '" + Urls.redact(base) + "' is not a valid URL");
        }
    }
}
