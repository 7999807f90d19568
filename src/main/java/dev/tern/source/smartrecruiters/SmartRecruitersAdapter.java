package dev.tern.source.smartrecruiters;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SmartRecruiters company, read page by page ({@code limit=100&offset=N}) until {@code totalFound}. Paged answers
 * have no single validator, so there is no conditional GET.
 */
public final class SmartRecruitersAdapter implements SourceAdapter {

    private static final Logger log = LoggerFactory.getLogger(SmartRecruitersAdapter.class);

    public static final String TYPE = "smartrecruiters";
    public static final String DEFAULT_BASE_URL = "https://api.smartrecruiters.com";
    static final int PAGE_SIZE = 100;
    private static final int MAX_PAGES = 100;
    private static final String COMPANY_ID = "companyId";
    private static final Pattern COMPANY_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> requiredKeys() {
        return Set.of(COMPANY_ID);
    }

    @Override
    public Set<String> optionalKeys() {
        return Set.of();
    }

    @Override
    public List<Problem> check(SourceConfig source) {
        return source.setting(COMPANY_ID).filter(id -> !COMPANY_NAME.matcher(id).matches()).stream()
                .map(id -> new Problem(
                        COMPANY_ID,
                        "must be the company identifier from jobs.smartrecruiters.com/<companyId>: letters, digits,"
                                + " '.', '_' or '-'"))
                .toList();
    }

    @Override
    public FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        String companyId = source.requiredSetting(COMPANY_ID);
        String base = baseUrl(source.baseUrl());
        String company = source.company() != null ? source.company() : companyId;
        List<RawPosting> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            int offset = page * PAGE_SIZE;
            URI uri = pageUri(base, companyId, offset);
            SmartRecruitersParser.Page postings =
                    SmartRecruitersParser.parse(getPage(http, uri, companyId), Urls.redact(uri), companyId, company);
            int added = 0;
            for (RawPosting posting : postings.postings()) {
                if (seen.add(posting.externalId())) {
                    all.add(posting);
                    added++;
                }
            }
            if (offset + PAGE_SIZE >= postings.totalFound() && all.size() >= postings.totalFound()) {
                return new FetchResult.Fetched(all, CacheTags.NONE);
            }
            if (postings.postings().isEmpty() || offset + PAGE_SIZE >= postings.totalFound()) {
                // an empty page before totalFound: what was read is true, but the rest is unknown
                log.warn(
                        "source {}: SmartRecruiters listed {} of {} postings (the page at offset {} came short);"
                                + " missing postings are not counted as closed this time",
                        source.id(),
                        all.size(),
                        postings.totalFound(),
                        offset);
                return new FetchResult.Fetched(all, CacheTags.NONE, false);
            }
            if (added == 0) {
                throw new FetchException("SmartRecruiters at " + Urls.redact(uri) + " repeats the same postings on"
                        + " every page (it ignores 'offset'); not trusting a partial list");
            }
        }
        throw new FetchException("SmartRecruiters company '" + companyId + "' lists more than " + MAX_PAGES * PAGE_SIZE
                + " postings; stopped paging");
    }

    private static byte[] getPage(Http http, URI uri, String companyId) throws FetchException, InterruptedException {
        return BoardFetch.get(
                        http,
                        uri,
                        CacheTags.NONE,
                        url -> "SmartRecruiters has no company '" + companyId + "' (HTTP 404 from " + url + "): check"
                                + " the source's 'companyId', the name in jobs.smartrecruiters.com/<companyId>")
                .body();
    }

    static String baseUrl(String baseUrl) {
        return baseUrl == null || baseUrl.isBlank()
                ? DEFAULT_BASE_URL
                : baseUrl.strip().replaceAll("/+$", "");
    }

    static URI pageUri(String base, String companyId, int offset) throws FetchException {
        if (!COMPANY_NAME.matcher(companyId).matches()) {
            throw new FetchException("SmartRecruiters companyId '" + companyId + "' is not a valid identifier");
        }
        try {
            return URI.create(
                    base + "/v1/companies/" + companyId + "/postings?limit=" + PAGE_SIZE + "&offset=" + offset);
        } catch (IllegalArgumentException e) {
            throw new FetchException("baseUrl '" + Urls.redact(base) + "' is not a valid URL");
        }
    }
}
