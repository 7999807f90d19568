package dev.tern.source.amazon;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * amazon.jobs, searched through {@code /en/search.json} {@value #PAGE_SIZE} postings at a time, most recent first,
 * paged by {@code offset} until the stated {@code hits}. {@code country} narrows the search: it is sent as a plain
 * {@code country} parameter, because the site ignores the {@code country[]} its own page uses.
 */
public final class AmazonAdapter implements SourceAdapter {

    public static final String TYPE = "amazon";
    public static final String DEFAULT_BASE_URL = "https://www.amazon.jobs";
    static final int PAGE_SIZE = 100;
    static final String COUNTRY = "country";
    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Za-z]{2,3}");

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
        return Set.of(SearchKeyword.KEY, COUNTRY);
    }

    @Override
    public List<Problem> check(SourceConfig source) {
        List<Problem> problems = new ArrayList<>(SearchKeyword.problems(source));
        source.setting(COUNTRY)
                .filter(country -> !COUNTRY_CODE.matcher(country.strip()).matches())
                .ifPresent(country -> problems.add(new Problem(
                        COUNTRY, "must be the country code amazon.jobs uses, three letters such as USA, CAN or IND")));
        return problems;
    }

    @Override
    public FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        String where = "amazon.jobs at " + Urls.redact(searchUri(source, 0));
        return PagedListing.read(source.id(), where, new PagedListing.Plan(0, PAGE_SIZE, false, "offset"), offset -> {
            URI page = searchUri(source, offset);
            return AmazonParser.parse(http.get(page, CacheTags.NONE).body(), Urls.redact(page));
        });
    }

    /** The search from {@code offset}: the keyword, the country when set, most recent first. */
    static URI searchUri(SourceConfig source, int offset) throws FetchException {
        String country = source.setting(COUNTRY)
                .map(c -> "&country=" + encode(c.strip()))
                .orElse("");
        return BoardFetch.uri(
                source.baseUrl(),
                DEFAULT_BASE_URL,
                "/en/search.json?base_query=" + encode(SearchKeyword.of(source)) + "&offset=" + offset
                        + "&result_limit=" + PAGE_SIZE + "&sort=recent" + country);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
