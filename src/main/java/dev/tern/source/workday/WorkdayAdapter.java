package dev.tern.source.workday;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tern.config.SourceConfig;
import dev.tern.posting.RawPosting;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.HttpStatusException;
import dev.tern.source.SourceAdapter;
import dev.tern.source.Urls;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Workday careers site, configured by its address ({@code url}) and searched through the CXS API
 * ({@code POST /wday/cxs/{tenant}/{site}/jobs}) 20 postings at a time. Only the first page's {@code total} is
 * trusted. With {@code details: true}, postings listed as "N Locations" get their locations from their detail.
 */
public final class WorkdayAdapter implements SourceAdapter {

    public static final String TYPE = "workday";
    static final int PAGE_SIZE = 20;
    private static final int MAX_PAGES = 100;
    private static final String URL = "url";
    private static final String SEARCH_TEXT = "searchText";
    private static final String DETAILS = "details";
    private static final int NOT_FOUND = 404;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Clock clock;

    /** @param clock turns "Posted 3 Days Ago" into a day */
    public WorkdayAdapter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

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
        return Set.of(SEARCH_TEXT, DETAILS);
    }

    @Override
    public List<Problem> check(SourceConfig source) {
        List<Problem> problems = new ArrayList<>();
        source.setting(URL).ifPresent(url -> {
            try {
                WorkdaySite.parse(url);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(URL, e.getMessage()));
            }
        });
        source.setting(DETAILS)
                .filter(details -> !details.equals("true") && !details.equals("false"))
                .ifPresent(details -> problems.add(new Problem(DETAILS, "must be true or false")));
        return problems;
    }

    @Override
    public FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        WorkdaySite site = site(source);
        String apiBase = site.apiBase(source.baseUrl());
        URI uri = jobsUri(site, apiBase);
        String searchText = source.setting(SEARCH_TEXT).orElse("");
        String company = source.company() != null ? source.company() : site.tenant();
        Instant now = clock.instant();
        List<WorkdayParser.Listed> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int total = -1;
        for (int page = 0; page < MAX_PAGES; page++) {
            int offset = page * PAGE_SIZE;
            byte[] body = search(http, uri, site, searchText, offset);
            WorkdayParser.Page found = WorkdayParser.parsePage(body, Urls.redact(uri), site, company, now);
            total = page == 0 ? found.total() : total;
            int added = 0;
            for (WorkdayParser.Listed listed : found.postings()) {
                if (seen.add(listed.posting().externalId())) {
                    all.add(listed);
                    added++;
                }
            }
            boolean last =
                    total > 0 ? offset + PAGE_SIZE >= total : found.postings().size() < PAGE_SIZE;
            if (found.postings().isEmpty() || last) {
                return new FetchResult.Fetched(withDetails(source, http, site, apiBase, all), CacheTags.NONE);
            }
            if (added == 0) {
                throw new FetchException("Workday at " + Urls.redact(uri) + " repeats the same postings on every"
                        + " page (it ignores 'offset'); not trusting a partial list");
            }
        }
        throw new FetchException("Workday site '" + site.site() + "' lists more than " + MAX_PAGES * PAGE_SIZE
                + " postings; set 'searchText' (for example: intern) to narrow the search");
    }

    private static List<RawPosting> withDetails(
            SourceConfig source, Http http, WorkdaySite site, String apiBase, List<WorkdayParser.Listed> listed)
            throws InterruptedException {
        if (!source.setting(DETAILS).filter("true"::equals).isPresent()) {
            return listed.stream().map(WorkdayParser.Listed::posting).toList();
        }
        return new WorkdayDetails(http, site, apiBase).complete(listed);
    }

    private static byte[] search(Http http, URI uri, WorkdaySite site, String searchText, int offset)
            throws FetchException, InterruptedException {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("appliedFacets");
        body.put("limit", PAGE_SIZE).put("offset", offset).put("searchText", searchText);
        try {
            return http.post(uri, "application/json", body.toString().getBytes(StandardCharsets.UTF_8))
                    .body();
        } catch (HttpStatusException e) {
            if (e.status() == NOT_FOUND) {
                throw new HttpStatusException(
                        NOT_FOUND,
                        e.url(),
                        "Workday has no site '" + site.site() + "' for tenant '" + site.tenant() + "' (HTTP 404 from "
                                + e.url() + "): check the source's 'url', the address of the job list, like"
                                + " https://acme.wd5.myworkdayjobs.com/en-US/External");
            }
            throw e;
        }
    }

    private static WorkdaySite site(SourceConfig source) throws FetchException {
        try {
            return WorkdaySite.parse(source.requiredSetting(URL));
        } catch (IllegalArgumentException e) {
            throw new FetchException("source " + source.id() + ": " + e.getMessage());
        }
    }

    private static URI jobsUri(WorkdaySite site, String apiBase) throws FetchException {
        try {
            return site.jobsUri(apiBase);
        } catch (IllegalArgumentException e) {
            throw new FetchException("baseUrl '" + Urls.redact(apiBase) + "' is not a valid URL");
        }
    }
}
