package dev.tern.source.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tern.config.SourceConfig;
import dev.tern.posting.RawPosting;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.JsonFields;
import dev.tern.source.PagedListing;
import dev.tern.source.SourceAdapter;
import dev.tern.source.Urls;
import dev.tern.source.web.SourceUrls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Any other JSON API, mapped by JSON pointers ({@code items}, {@code fields}), by GET or by POST of a {@code body},
 * with request {@code headers}, and with optional {@link JsonPaging} read by {@link PagedListing}. Unpaged GETs are
 * conditional.
 */
public final class JsonApiAdapter implements SourceAdapter {

    public static final String TYPE = "json";

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
        return Set.of(JsonRequest.METHOD, JsonRequest.BODY, JsonHeaders.KEY, JsonMapping.ITEMS, JsonPaging.KEY);
    }

    @Override
    public List<Problem> check(SourceConfig source) {
        List<Problem> problems = new ArrayList<>();
        source.setting(SourceUrls.URL)
                .flatMap(SourceUrls::problem)
                .ifPresent(problem -> problems.add(new Problem(SourceUrls.URL, problem)));
        problems.addAll(JsonRequest.problems(source));
        problems.addAll(JsonMapping.problems(source));
        problems.addAll(JsonPagingCheck.problems(source));
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
        JsonRequest request = JsonRequest.of(source);
        if (paging == null) {
            Http.Response response = request.send(http, uri, previous == null ? CacheTags.NONE : previous);
            if (response.notModified()) {
                return new FetchResult.NotModified();
            }
            List<RawPosting> postings = JsonApiParser.parse(response.body(), Urls.redact(uri), mapping);
            return new FetchResult.Fetched(postings, response.tags());
        }
        return PagedListing.read(source.id(), "the API at " + Urls.redact(uri), paging.plan(), position -> {
            Http.Response response = request.send(http, uri, paging, position);
            String url = Urls.redact(response.uri());
            JsonNode root = JsonFields.read(response.body(), url);
            return new PagedListing.Page(JsonApiParser.postings(root, url, mapping), paging.total(root, url));
        });
    }
}
