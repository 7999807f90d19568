package dev.tern.source.lever;

import dev.tern.config.SourceConfig;
import dev.tern.posting.RawPosting;
import dev.tern.source.BoardFetch;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.SourceAdapter;
import dev.tern.source.Urls;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Lever site, read page by page ({@code skip}/{@code limit} 100) until a short page. Paged answers have no single
 * validator, so there is no conditional GET. {@code region: eu} reads from Lever's EU API.
 */
public final class LeverAdapter implements SourceAdapter {

    public static final String TYPE = "lever";
    public static final String DEFAULT_BASE_URL = "https://api.lever.co";
    public static final String EU_BASE_URL = "https://api.eu.lever.co";
    static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 200;
    private static final String SITE = "site";
    private static final String REGION = "region";
    private static final Set<String> REGIONS = Set.of("eu", "global");
    private static final Pattern SITE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> requiredKeys() {
        return Set.of(SITE);
    }

    @Override
    public Set<String> optionalKeys() {
        return Set.of(REGION);
    }

    @Override
    public List<Problem> check(SourceConfig source) {
        List<Problem> problems = new ArrayList<>();
        source.setting(SITE)
                .filter(site -> !SITE_NAME.matcher(site).matches())
                .ifPresent(site -> problems.add(new Problem(
                        SITE, "must be the site name from jobs.lever.co/<site>: letters, digits, '.', '_' or '-'")));
        source.setting(REGION)
                .filter(region -> !REGIONS.contains(region))
                .ifPresent(region -> problems.add(
                        new Problem(REGION, "must be 'eu' (for jobs.eu.lever.co) or 'global' (the default)")));
        return problems;
    }

    @Override
    public FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        String site = source.requiredSetting(SITE);
        String base = baseUrl(source);
        String company = source.company() != null ? source.company() : site;
        List<RawPosting> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            URI uri = pageUri(base, site, page * PAGE_SIZE);
            List<RawPosting> postings = LeverParser.parse(getPage(http, uri, site), Urls.redact(uri), company);
            boolean anyNew = false;
            for (RawPosting posting : postings) {
                if (seen.add(posting.externalId())) {
                    all.add(posting);
                    anyNew = true;
                }
            }
            if (postings.size() < PAGE_SIZE) {
                return new FetchResult.Fetched(all, CacheTags.NONE);
            }
            if (!anyNew) {
                throw new FetchException("Lever at " + Urls.redact(uri) + " repeats the same postings on every page"
                        + " (it ignores 'skip'); not trusting a partial list");
            }
        }
        throw new FetchException(
                "Lever site '" + site + "' lists more than " + MAX_PAGES * PAGE_SIZE + " postings; stopped paging");
    }

    private static byte[] getPage(Http http, URI uri, String site) throws FetchException, InterruptedException {
        return BoardFetch.get(
                        http,
                        uri,
                        CacheTags.NONE,
                        url -> "Lever has no site '" + site + "' (HTTP 404 from " + url
                                + "): check the source's 'site',"
                                + " the name in jobs.lever.co/<site> (or set region: eu for jobs.eu.lever.co)")
                .body();
    }

    static String baseUrl(SourceConfig source) {
        if (source.baseUrl() != null && !source.baseUrl().isBlank()) {
            return source.baseUrl().strip().replaceAll("/+$", "");
        }
        return source.setting(REGION).filter("eu"::equals).isPresent() ? EU_BASE_URL : DEFAULT_BASE_URL;
    }

    static URI pageUri(String base, String site, int skip) throws FetchException {
        if (!SITE_NAME.matcher(site).matches()) {
            throw new FetchException("Lever site '" + site + "' is not a valid site name");
        }
        try {
            return URI.create(base + "/v0/postings/" + site + "?mode=json&skip=" + skip + "&limit=" + PAGE_SIZE);
        } catch (IllegalArgumentException e) {
            throw new FetchException("baseUrl '" + Urls.redact(base) + "' is not a valid URL");
        }
    }
}
