package dev.tern.source.tiktok;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.config.SourceConfig;
import dev.tern.source.BoardFetch;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.PagedListing;
import dev.tern.source.SearchKeyword;
import dev.tern.source.SourceAdapter;
import dev.tern.source.Urls;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TikTok's career site (lifeattiktok.com), searched through the JSON API its search page uses: a POST whose body
 * carries the keyword and the paging position, with the header {@code website-path: tiktok} the site requires.
 * The position advances by the postings received until the stated {@code count} is reached.
 */
public final class TikTokAdapter implements SourceAdapter {

    public static final String TYPE = "tiktok";
    public static final String DEFAULT_BASE_URL = "https://api.lifeattiktok.com";
    static final String SEARCH_PATH = "/api/v1/public/supplier/search/job/posts";
    static final int PAGE_SIZE = 50;
    private static final Map<String, String> HEADERS = Map.of("website-path", "tiktok", "Accept", "application/json");
    private static final List<String> EMPTY_FILTERS =
            List.of("recruitment_id_list", "job_category_id_list", "subject_id_list", "location_code_list");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> requiredKeys() {
        return Set.of();
    }

    @Override
    public Set<String> optionalKeys() {
        return Set.of(SearchKeyword.KEY);
    }

    @Override
    public List<Problem> check(SourceConfig source) {
        return SearchKeyword.problems(source);
    }

    @Override
    public FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        URI uri = searchUri(source);
        String url = Urls.redact(uri);
        String keyword = SearchKeyword.of(source);
        return PagedListing.read(
                source.id(),
                "TikTok's careers API at " + url,
                new PagedListing.Plan(0, PAGE_SIZE, false, "offset"),
                offset -> TikTokParser.parse(
                        http.post(uri, "application/json", body(keyword, offset), HEADERS)
                                .body(),
                        url));
    }

    /** The search API, under {@code baseUrl} when set. */
    static URI searchUri(SourceConfig source) throws FetchException {
        return BoardFetch.uri(source.baseUrl(), DEFAULT_BASE_URL, SEARCH_PATH);
    }

    /** The search the site's own page sends: no filters, the keyword, one page from {@code offset}. */
    static byte[] body(String keyword, int offset) {
        ObjectNode body = MAPPER.createObjectNode();
        EMPTY_FILTERS.forEach(body::putArray);
        body.put("keyword", keyword).put("limit", PAGE_SIZE).put("offset", offset);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
