package dev.tern.source.html;

import dev.tern.config.SourceConfig;
import dev.tern.posting.RawPosting;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.SourceAdapter;
import dev.tern.source.Urls;
import dev.tern.source.web.Robots;
import dev.tern.source.web.Settings;
import dev.tern.source.web.SourceUrls;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any careers page, read through CSS {@code selectors}, following a {@code next} link for at most {@code maxPages}
 * pages. Obeys robots.txt unless {@code robots: ignore}.
 */
public final class HtmlAdapter implements SourceAdapter {

    public static final String TYPE = "html";
    static final String NEXT = "next";
    static final String MAX_PAGES = "maxPages";
    static final int DEFAULT_MAX_PAGES = 5;
    static final int MOST_PAGES = 50;
    private static final Logger log = LoggerFactory.getLogger(HtmlAdapter.class);

    private final Robots robots;

    /** With robots.txt rules kept for {@link Robots#DEFAULT_TTL}. */
    public HtmlAdapter() {
        this(new Robots(Clock.systemUTC(), Robots.DEFAULT_TTL));
    }

    public HtmlAdapter(Robots robots) {
        this.robots = robots;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> requiredKeys() {
        return Set.of(SourceUrls.URL, HtmlSelectors.KEY);
    }

    @Override
    public Set<String> optionalKeys() {
        return Set.of(NEXT, MAX_PAGES, Robots.KEY);
    }

    @Override
    public List<Problem> check(SourceConfig source) {
        List<Problem> problems = new ArrayList<>();
        source.setting(SourceUrls.URL)
                .flatMap(SourceUrls::problem)
                .ifPresent(problem -> problems.add(new Problem(SourceUrls.URL, problem)));
        try {
            problems.addAll(HtmlSelectors.problems(Settings.map(source, HtmlSelectors.KEY)));
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(
                    HtmlSelectors.KEY, "must be a map such as {item: 'div.job', title: 'h2', link: 'a@href'}"));
        }
        source.setting(NEXT)
                .flatMap(FieldSelector::problem)
                .ifPresent(problem -> problems.add(new Problem(NEXT, problem)));
        problems.addAll(Settings.checkInteger(source, MAX_PAGES, 1, MOST_PAGES));
        problems.addAll(Robots.check(source));
        return problems;
    }

    @Override
    public FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        HtmlSelectors selectors = selectors(source);
        FieldSelector next = source.setting(NEXT).map(FieldSelector::parse).orElse(null);
        int maxPages = Settings.integer(source, MAX_PAGES, DEFAULT_MAX_PAGES, 1, MOST_PAGES);
        URI page = SourceUrls.resolve(source);
        robots.require(source, page, http);
        Map<String, RawPosting> postings = new LinkedHashMap<>();
        Set<URI> visited = new HashSet<>();
        boolean complete = true;
        for (int number = 1; page != null; number++) {
            visited.add(page);
            Http.Response response = http.get(page, CacheTags.NONE);
            HtmlParser.HtmlPage parsed =
                    HtmlParser.parse(response.body(), response.uri().toString(), selectors, next);
            parsed.postings().forEach(posting -> postings.putIfAbsent(posting.externalId(), posting));
            Next following = nextPage(source, http, parsed.next(), visited, number, maxPages);
            page = following.uri();
            complete &= !following.cutShort();
        }
        return new FetchResult.Fetched(List.copyOf(postings.values()), CacheTags.NONE, complete);
    }

    /** The page after this one, or none; {@code cutShort} when there is one that will not be read. */
    private record Next(URI uri, boolean cutShort) {
        static final Next END = new Next(null, false);
        static final Next CUT_SHORT = new Next(null, true);
    }

    private Next nextPage(SourceConfig source, Http http, String next, Set<URI> visited, int number, int maxPages)
            throws FetchException, InterruptedException {
        if (next == null) {
            return Next.END;
        }
        URI uri;
        try {
            uri = URI.create(next);
        } catch (IllegalArgumentException e) {
            log.warn("source {}: the next-page link '{}' is not a URL; stopped paging", source.id(), next);
            return Next.CUT_SHORT;
        }
        if (visited.contains(uri) || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            return Next.END;
        }
        if (number >= maxPages) {
            log.warn(
                    "source {}: stopped after maxPages ({}) pages though there are more; raise maxPages (at most {})",
                    source.id(),
                    maxPages,
                    MOST_PAGES);
            return Next.CUT_SHORT;
        }
        if (!robots.allows(source, uri, http)) {
            log.warn("source {}: robots.txt disallows the next page {}; stopped paging", source.id(), Urls.redact(uri));
            return Next.CUT_SHORT;
        }
        return new Next(uri, false);
    }

    private static HtmlSelectors selectors(SourceConfig source) throws FetchException {
        Map<String, String> map;
        try {
            map = Settings.map(source, HtmlSelectors.KEY);
        } catch (IllegalArgumentException e) {
            throw new FetchException(e.getMessage());
        }
        List<Problem> problems = HtmlSelectors.problems(map);
        if (!problems.isEmpty()) {
            throw new FetchException(
                    problems.get(0).key() + " " + problems.get(0).message());
        }
        return HtmlSelectors.of(map);
    }
}
