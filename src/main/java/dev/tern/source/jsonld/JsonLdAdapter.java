package dev.tern.source.jsonld;

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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * schema.org {@code JobPosting} JSON-LD, from the page at {@code url} or from the pages its links matching
 * {@code follow} point to (at most {@code maxFollow}, {@value #CONCURRENCY} at a time). Obeys robots.txt unless
 * {@code robots: ignore}.
 */
public final class JsonLdAdapter implements SourceAdapter {

    public static final String TYPE = "jsonld";
    static final String FOLLOW = "follow";
    static final String MAX_FOLLOW = "maxFollow";
    static final int DEFAULT_MAX_FOLLOW = 50;
    static final int MOST_FOLLOW = 200;
    static final int CONCURRENCY = 4;
    private static final Logger log = LoggerFactory.getLogger(JsonLdAdapter.class);

    private final Robots robots;
    private final PageFollower follower = new PageFollower(CONCURRENCY);

    /** With robots.txt rules kept for {@link Robots#DEFAULT_TTL}. */
    public JsonLdAdapter() {
        this(new Robots(Clock.systemUTC(), Robots.DEFAULT_TTL));
    }

    public JsonLdAdapter(Robots robots) {
        this.robots = robots;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Set<String> requiredKeys() {
        return Set.of(SourceUrls.URL);
    }

    @Override
    public Set<String> optionalKeys() {
        return Set.of(FOLLOW, MAX_FOLLOW, Robots.KEY);
    }

    @Override
    public List<Problem> check(SourceConfig source) {
        List<Problem> problems = new ArrayList<>();
        source.setting(SourceUrls.URL)
                .flatMap(SourceUrls::problem)
                .ifPresent(problem -> problems.add(new Problem(SourceUrls.URL, problem)));
        source.setting(FOLLOW).ifPresent(follow -> {
            try {
                QueryParser.parse(follow);
            } catch (Selector.SelectorParseException | IllegalArgumentException e) {
                problems.add(new Problem(FOLLOW, "is not a valid CSS selector: " + e.getMessage()));
            }
        });
        problems.addAll(Settings.checkInteger(source, MAX_FOLLOW, 1, MOST_FOLLOW));
        problems.addAll(Robots.check(source));
        return problems;
    }

    @Override
    public FetchResult fetch(SourceConfig source, Http http, CacheTags previous)
            throws FetchException, InterruptedException {
        URI uri = SourceUrls.resolve(source);
        robots.require(source, uri, http);
        Http.Response response = http.get(uri, CacheTags.NONE);
        String pageUrl = response.uri().toString();
        Document page = JsonLdParser.document(response.body(), pageUrl);
        Map<String, RawPosting> postings = new LinkedHashMap<>();
        JsonLdParser.postings(page, pageUrl).forEach(p -> postings.putIfAbsent(p.externalId(), p));
        String follow = source.setting(FOLLOW).orElse(null);
        boolean complete = true;
        if (follow != null) {
            Links pages = linksToFollow(source, http, page, follow);
            complete = !pages.cutShort();
            follower.fetchAll(pages.uris(), http).forEach(p -> postings.putIfAbsent(p.externalId(), p));
        } else if (postings.isEmpty()) {
            throw new FetchException("no schema.org JobPosting with a title in the JSON-LD of " + Urls.redact(uri)
                    + " (" + JsonLdParser.blockCount(page) + " application/ld+json blocks); if this is a listing"
                    + " page, set 'follow' to the CSS selector of its links to the postings");
        }
        return new FetchResult.Fetched(List.copyOf(postings.values()), CacheTags.NONE, complete);
    }

    /** The posting pages to read; {@code cutShort} when some listed ones are not read (maxFollow, robots.txt). */
    private record Links(List<URI> uris, boolean cutShort) {}

    private Links linksToFollow(SourceConfig source, Http http, Document page, String follow)
            throws FetchException, InterruptedException {
        Set<URI> links = new LinkedHashSet<>();
        for (Element link : page.select(follow)) {
            String href = link.absUrl("href");
            if (href.startsWith("http://") || href.startsWith("https://")) {
                try {
                    links.add(URI.create(href.replaceFirst("#.*$", "")));
                } catch (IllegalArgumentException e) {
                    log.debug("source {}: skipping the link '{}', not a valid URL", source.id(), href);
                }
            }
        }
        if (links.isEmpty()) {
            throw new FetchException(
                    "no link on " + Urls.redact(page.location()) + " matches follow '" + follow + "': the page"
                            + " may have changed, or it builds its list with JavaScript; check the selector against the page's"
                            + " HTML source (it must pick <a href> elements)");
        }
        int max = Settings.integer(source, MAX_FOLLOW, DEFAULT_MAX_FOLLOW, 1, MOST_FOLLOW);
        if (links.size() > max) {
            log.warn("source {}: {} posting links, following the first maxFollow ({})", source.id(), links.size(), max);
        }
        List<URI> allowed = new ArrayList<>();
        for (URI link : links.stream().limit(max).toList()) {
            if (robots.allows(source, link, http)) {
                allowed.add(link);
            } else {
                log.debug("source {}: robots.txt disallows {}; not following it", source.id(), Urls.redact(link));
            }
        }
        return new Links(allowed, allowed.size() < links.size());
    }
}
