package dev.tern.source.web;

import dev.tern.config.SourceConfig;
import dev.tern.config.SourceTypeSpec.Problem;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.Http;
import dev.tern.source.HttpStatusException;
import dev.tern.source.Urls;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Honours robots.txt for the page-reading sources ({@code html}, {@code jsonld}): each host's robots.txt is read once
 * and kept for {@link #DEFAULT_TTL}, and paths it disallows for {@code Tern} (or {@code *}) are not fetched. A source
 * opts out with {@code robots: ignore}.
 */
public final class Robots {

    public static final String KEY = "robots";
    public static final String OBEY = "obey";
    public static final String IGNORE = "ignore";
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    static final String AGENT = "Tern";

    private static final Logger log = LoggerFactory.getLogger(Robots.class);
    private static final int FIRST_CLIENT_ERROR = 400;
    private static final int FIRST_SERVER_ERROR = 500;

    private final Clock clock;
    private final Duration ttl;
    private final ConcurrentMap<String, Cached> byOrigin = new ConcurrentHashMap<>();

    public Robots(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Whether the source obeys robots.txt (the default) rather than {@code robots: ignore}. */
    public static boolean obeys(SourceConfig source) {
        return !source.setting(KEY).filter(IGNORE::equals).isPresent();
    }

    /** A problem when {@code robots} is set to something other than obey or ignore. */
    public static List<Problem> check(SourceConfig source) {
        return Settings.checkOneOf(source, KEY, List.of(OBEY, IGNORE));
    }

    /** Fails naming robots.txt when it disallows {@code uri} and the source obeys it. */
    public void require(SourceConfig source, URI uri, Http http) throws FetchException, InterruptedException {
        if (!allows(source, uri, http)) {
            throw new FetchException("robots.txt of " + origin(uri) + " disallows " + Urls.redact(uri)
                    + " for crawlers; Tern does not fetch it (set 'robots: ignore' on the source to override, if"
                    + " the site allows you to)");
        }
    }

    /** Whether {@code uri} may be fetched: always when the source ignores robots.txt. */
    public boolean allows(SourceConfig source, URI uri, Http http) throws FetchException, InterruptedException {
        if (!obeys(source)) {
            return true;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return rules(uri, http).allows(path + query);
    }

    private RobotsRules rules(URI uri, Http http) throws FetchException, InterruptedException {
        String origin = origin(uri);
        Instant now = clock.instant();
        Cached cached = byOrigin.get(origin);
        if (cached != null && now.isBefore(cached.fetchedAt().plus(ttl))) {
            return cached.rules();
        }
        RobotsRules rules = fetch(origin, http);
        byOrigin.put(origin, new Cached(rules, now));
        return rules;
    }

    private static RobotsRules fetch(String origin, Http http) throws FetchException, InterruptedException {
        URI robotsUri = URI.create(origin + "/robots.txt");
        try {
            byte[] body = http.get(robotsUri, CacheTags.NONE).body();
            return RobotsRules.parse(new String(body, StandardCharsets.UTF_8), AGENT);
        } catch (HttpStatusException e) {
            if (e.status() >= FIRST_CLIENT_ERROR && e.status() < FIRST_SERVER_ERROR) {
                log.debug("no robots.txt at {} (HTTP {}): everything is allowed", origin, e.status());
                return RobotsRules.ALLOW_ALL;
            }
            throw unreadable(origin, e);
        } catch (FetchException e) {
            throw unreadable(origin, e);
        }
    }

    private static FetchException unreadable(String origin, FetchException cause) {
        return new FetchException(
                "cannot read robots.txt of " + origin + " (" + cause.getMessage() + "); an"
                        + " unreachable robots.txt means 'disallow everything', so nothing was fetched; the next poll tries"
                        + " again",
                cause);
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** Rules read at a time. */
    private record Cached(RobotsRules rules, Instant fetchedAt) {}
}
