package dev.tern.source.json;

import dev.tern.config.SourceConfig;
import dev.tern.posting.RawPosting;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.SourceAdapter;
import dev.tern.source.Urls;
import dev.tern.source.web.Settings;
import dev.tern.source.web.SourceUrls;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Any other JSON API, mapped by JSON pointers ({@code items}, {@code fields}), by GET or by POST of a fixed
 * {@code body}, with optional {@link JsonPaging} for at most {@value #MAX_PAGES} pages. Unpaged GETs are conditional.
 */
public final class JsonApiAdapter implements SourceAdapter {

    public static final String TYPE = "json";
    static final String METHOD = "method";
    static final String BODY = "body";
    static final int MAX_PAGES = 50;

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> requiredKeys() {
        return Set.of(SourceUrls.URL, JsonMapping.FIELDS);
    }

    @Override
    public Set<String> optionalKeys() {
        return Set.of(METHOD, BODY, JsonMapping.ITEMS, JsonPaging.KEY);
    }

    @Override
    public List<Problem> check(SourceConfig source) {
        List<Problem> problems = new ArrayList<>();
        source.setting(SourceUrls.URL)
                .flatMap(SourceUrls::problem)
                .ifPresent(problem -> problems.add(new Problem(SourceUrls.URL, problem)));
        problems.addAll(Settings.checkOneOf(source, METHOD, List.of("GET", "POST")));
        if (source.setting(BODY).isPresent() && !isPost(source)) {
            problems.add(new Problem(BODY, "is only sent with method: POST"));
        }
        problems.addAll(JsonMapping.problems(source));
        problems.addAll(JsonPaging.problems(source));
        return problems;
    }

    @Override
    public FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        List<Problem> problems = check(source);
        if (!problems.isEmpty()) {
            throw new FetchException(
                    problems.get(0).key() + " " + problems.get(0).message());
        }
        URI uri = SourceUrls.resolve(source);
        JsonMapping mapping = JsonMapping.of(source);
        JsonPaging paging = JsonPaging.of(source);
        if (paging == null) {
            Http.Response response = request(source, http, uri, previous);
            if (response.notModified()) {
                return new FetchResult.NotModified();
            }
            List<RawPosting> postings = JsonApiParser.parse(response.body(), Urls.redact(uri), mapping);
            return new FetchResult.Fetched(postings, response.tags());
        }
        return new FetchResult.Fetched(allPages(source, http, uri, mapping, paging), CacheTags.NONE);
    }

    private List<RawPosting> allPages(SourceConfig source, Http http, URI uri, JsonMapping mapping, JsonPaging paging)
            throws FetchException, InterruptedException {
        Map<String, RawPosting> all = new LinkedHashMap<>();
        int position = paging.start();
        for (int page = 0; page < MAX_PAGES; page++) {
            URI pageUri = paging.page(uri, position);
            Http.Response response = request(source, http, pageUri, CacheTags.NONE);
            List<RawPosting> postings = JsonApiParser.parse(response.body(), Urls.redact(pageUri), mapping);
            int before = all.size();
            postings.forEach(posting -> all.putIfAbsent(posting.externalId(), posting));
            if (postings.size() < paging.size()) {
                return List.copyOf(all.values());
            }
            if (all.size() == before) {
                throw new FetchException("the API at " + Urls.redact(pageUri) + " repeats the same items on every"
                        + " page (it ignores '" + paging.param() + "'); check paging.param, not trusting a partial"
                        + " list");
            }
            position = paging.next(position, postings.size());
        }
        throw new FetchException("the API at " + Urls.redact(uri) + " has more than " + MAX_PAGES + " pages of "
                + paging.size() + "; stopped paging (raise paging.size if the API allows larger pages)");
    }

    private static Http.Response request(SourceConfig source, Http http, URI uri, CacheTags tags)
            throws FetchException, InterruptedException {
        if (isPost(source)) {
            byte[] body = source.setting(BODY).orElse("").getBytes(StandardCharsets.UTF_8);
            return http.post(uri, "application/json", body);
        }
        return http.get(uri, tags == null ? CacheTags.NONE : tags);
    }

    private static boolean isPost(SourceConfig source) {
        return source.setting(METHOD).filter("POST"::equals).isPresent();
    }
}
