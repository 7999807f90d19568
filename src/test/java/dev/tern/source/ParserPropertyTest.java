package dev.tern.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.tern.config.SourceConfig;
import dev.tern.posting.Normalizer;
import dev.tern.posting.RawPosting;
import dev.tern.source.amazon.AmazonParsing;
import dev.tern.source.ashby.AshbyParser;
import dev.tern.source.feed.FeedParser;
import dev.tern.source.greenhouse.GreenhouseParser;
import dev.tern.source.html.HtmlParsing;
import dev.tern.source.json.JsonParsing;
import dev.tern.source.jsonld.JsonLdParser;
import dev.tern.source.lever.LeverParser;
import dev.tern.source.recruitee.RecruiteeParser;
import dev.tern.source.simplify.SimplifyParser;
import dev.tern.source.smartrecruiters.SmartRecruitersParser;
import dev.tern.source.tiktok.TikTokParsing;
import dev.tern.source.workable.WorkableParser;
import dev.tern.source.workday.WorkdayParser;
import dev.tern.source.workday.WorkdaySite;
import dev.tern.testing.HostileText;
import dev.tern.testing.Mutator;
import dev.tern.testing.PropertyRun;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every source type's parser on bodies mutated from the project's own fixtures
 * ({@code src/test/resources/fixtures/<type>/}). Each parse ends in postings (which the {@link Normalizer} then
 * normalises, as {@code Poller} does) or a {@link FetchException} with a reason, which the poller reports as
 * {@code source.failed}; never a {@link RuntimeException}, which it can only report as an internal error; and
 * within {@link #BOUND}.
 *
 * <p>Two paths, for speed with honesty: 1,000 mutants per type go straight to the pure {@code parse} that the
 * type's adapter calls on each response body (about a millisecond each), and 25 per type go through the adapter
 * from {@link SourceRegistry#standard} fetching them from a local server, so that what the adapter does with the
 * parse (paging, detail requests, links to follow, errors) runs too (a local HTTP round trip costs more than the
 * parse, so all 12,000 that way would take minutes).
 *
 * <p>The seed is fixed; {@code -Dtern.seed=N} runs another one. The output counts the mutations and the outcomes
 * per type.
 */
final class ParserPropertyTest {

    private static final int MUTANTS_PER_TYPE = 1_000;
    private static final int FETCHES_PER_TYPE = 25;
    private static final long SEED = 20_260_702L;
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T12:00:00Z"), ZoneOffset.UTC);
    private static final String WORKDAY = "https://brightwater.wd1.myworkdayjobs.com/en-US/Careers";
    private static final String SIMPLIFY =
            "https://raw.githubusercontent.com/SimplifyJobs/Summer2026-Internships/dev/.github/scripts/listings.json";

    private static TestServer server;
    private static Http http;
    private static final ExecutorService PARSES = Executors.newSingleThreadExecutor();
    private static final Map<String, byte[]> FIXTURES = new ConcurrentHashMap<>();
    private static final Map<String, String> HTML_SELECTORS = Map.of(
            "item", "div.card",
            "title", "h2.title",
            "link", "a.apply@href",
            "company", ".company",
            "location", "p.location",
            "posted", "time@datetime");
    private static final Map<String, Object> JSON_FIELDS = Map.of(
            "id", "/reqId",
            "title", "/name",
            "url", "/links/apply",
            "company", "/org/display",
            "location", "/offices",
            "postedAt", "/created",
            "employmentType", "/kind");
    /** What the server answers now: path prefix (most specific first) to body. */
    private static volatile Map<String, byte[]> served = Map.of();

    private final SourceRegistry registry = SourceRegistry.standard(CLOCK);
    private final Normalizer normalizer = new Normalizer(CLOCK, List.of());

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start();
        server.handle("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = served.entrySet().stream()
                    .filter(e -> path.startsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            TestServer.respond(exchange, body == null ? 404 : 200, body == null ? new byte[0] : body);
        });
        http = TestSources.http(new RecordingSleeper());
    }

    @AfterAll
    static void stop() {
        http.close();
        server.close();
        PARSES.shutdownNow();
    }

    @Test
    void everyParserYieldsPostingsOrAFetchExceptionWithAReasonInBoundedTime() throws Exception {
        PropertyRun run = PropertyRun.start("parsers on mutated fixtures", SEED);
        for (Type type : types()) {
            for (int i = 0; i < MUTANTS_PER_TYPE; i++) {
                String fixture = HostileText.pick(type.parsed(), run.random());
                Mutator.Mutant mutant = mutant(fixture, run);
                String context = context(type, i, fixture, mutant, run);
                run.count(type.name() + ": "
                        + bounded(context, () -> normalized(type, type.parser().parse(mutant.bytes()))));
            }
        }
        assertCovered(run.report());
    }

    @Test
    void everyAdapterFetchesMutatedBodiesToPostingsOrAFetchException() throws Exception {
        PropertyRun run = PropertyRun.start("adapters fetching mutated fixtures over HTTP", SEED);
        for (Type type : types()) {
            assertThat(registry.adapter(type.name()).orElseThrow().check(type.source()))
                    .as("the unmutated config of " + type.name())
                    .isEmpty();
            for (int i = 0; i < FETCHES_PER_TYPE; i++) {
                String mutated = HostileText.pick(List.copyOf(type.served().keySet()), run.random());
                Map<String, byte[]> bodies = new LinkedHashMap<>();
                Mutator.Mutant mutant = null;
                for (Map.Entry<String, String> fixture : type.served().entrySet()) {
                    Mutator.Mutant served = fixture.getKey().equals(mutated) ? mutant(fixture.getValue(), run) : null;
                    mutant = served != null ? served : mutant;
                    bodies.put(fixture.getKey(), served != null ? served.bytes() : fixture(fixture.getValue()));
                }
                ParserPropertyTest.served = bodies;
                String context = context(type, i, type.served().get(mutated), mutant, run);
                run.count(type.name() + ": " + bounded(context, () -> fetched(type)));
            }
        }
        assertCovered(run.report());
    }

    private String fetched(Type type) throws FetchException, InterruptedException {
        SourceAdapter adapter = registry.adapter(type.name()).orElseThrow();
        FetchResult result = adapter.fetch(type.source(), http, CacheTags.NONE);
        if (!(result instanceof FetchResult.Fetched fetched)) {
            return "not modified";
        }
        return normalized(type, fetched.postings());
    }

    /** Normalises the postings as the poller does; "postings" or "no postings". */
    private String normalized(Type type, List<RawPosting> raws) {
        boolean curated = registry.adapter(type.name()).orElseThrow().curated();
        for (RawPosting raw : raws) {
            normalizer.normalize(type.source().id(), type.source().company(), curated, raw);
        }
        return raws.isEmpty() ? "no postings" : "postings";
    }

    /** Runs one parse or fetch within {@link #BOUND}: its outcome, or "fetch failed" with a reason; else fails. */
    private static String bounded(String context, Outcome outcome) throws InterruptedException {
        Future<String> future = PARSES.submit(() -> {
            try {
                return outcome.get();
            } catch (FetchException e) {
                assertThat(e.getMessage()).as(context).isNotBlank();
                return "fetch failed";
            }
        });
        try {
            return future.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return fail(context + ": took longer than " + BOUND);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError assertion) {
                throw assertion;
            }
            throw new AssertionError(context + ": " + e.getCause(), e.getCause());
        }
    }

    private static void assertCovered(String report) {
        for (Type type : types()) {
            assertThat(report).contains(type.name() + ": postings");
        }
    }

    private static Mutator.Mutant mutant(String fixture, PropertyRun run) {
        Mutator.Mutant mutant = Mutator.mutate(fixture(fixture), fixture.endsWith(".json"), run.random());
        for (String kind : mutant.kinds().split("\\+")) {
            run.count("mutation " + kind);
        }
        return mutant;
    }

    private static String context(Type type, int number, String fixture, Mutator.Mutant mutant, PropertyRun run) {
        return type.name() + " mutant " + number + " of " + fixture + " (" + mutant.kinds() + ", " + run.seedNote()
                + ")";
    }

    private static byte[] fixture(String path) {
        return FIXTURES.computeIfAbsent(path, TestServer::fixture);
    }

    @FunctionalInterface
    private interface Outcome {
        String get() throws FetchException, InterruptedException;
    }

    @FunctionalInterface
    private interface Parser {
        List<RawPosting> parse(byte[] body) throws FetchException;
    }

    /**
     * A source type configured against the local server, the fixtures it is served by path prefix (most specific
     * first), and its pure parser with the fixtures that parser reads.
     */
    private record Type(SourceConfig source, Map<String, String> served, List<String> parsed, Parser parser) {
        String name() {
            return source.type();
        }
    }

    private static List<Type> types() {
        String base = server.baseUrl();
        String url = base + "/listing";
        SourceConfig json =
                config("json", null, Map.of("url", base + "/api/jobs", "items", "/data/jobs", "fields", JSON_FIELDS));
        WorkdaySite site = WorkdaySite.parse(WORKDAY);
        return List.of(
                new Type(
                        config("simplify", base, Map.of("url", SIMPLIFY)),
                        Map.of("/", "simplify/listings.json"),
                        List.of("simplify/listings.json"),
                        body -> SimplifyParser.parse(body, url)),
                board(
                        "greenhouse",
                        base + "/",
                        Map.of("board", "bluefin"),
                        "greenhouse/jobs.json",
                        body -> GreenhouseParser.parse(body, url, null)),
                board(
                        "lever",
                        base,
                        Map.of("site", "harrowfinch"),
                        "lever/postings.json",
                        body -> LeverParser.parse(body, url, null)),
                board(
                        "ashby",
                        base + "/",
                        Map.of("board", "quillmoor"),
                        "ashby/job-board.json",
                        body -> AshbyParser.parse(body, url, null)),
                board(
                        "smartrecruiters",
                        base,
                        Map.of("companyId", "Vantor"),
                        "smartrecruiters/postings.json",
                        body -> SmartRecruitersParser.parse(body, url, "Vantor", null)
                                .postings()),
                board(
                        "recruitee",
                        base,
                        Map.of("subdomain", "lindqvist"),
                        "recruitee/offers.json",
                        body -> RecruiteeParser.parse(body, url, null)),
                board(
                        "workable",
                        base,
                        Map.of("account", "orbelfinch"),
                        "workable/account.json",
                        body -> WorkableParser.parse(body, url, null)),
                new Type(
                        config("workday", base, Map.of("url", WORKDAY, "details", true)),
                        ordered(
                                "/wday/cxs/brightwater/Careers/job/",
                                "workday/job-detail.json",
                                "/",
                                "workday/jobs.json"),
                        List.of("workday/jobs.json"),
                        body -> WorkdayParser.parsePage(body, url, site, null, CLOCK.instant()).postings().stream()
                                .map(WorkdayParser.Listed::posting)
                                .toList()),
                new Type(
                        config("feed", null, Map.of("url", base + "/jobs.rss")),
                        ordered("/jobs.rss", "feed/jobs.rss", "/", "feed/jobs.atom"),
                        List.of("feed/jobs.rss", "feed/jobs.atom"),
                        body -> FeedParser.parse(body, url, null)),
                new Type(
                        config(
                                "html",
                                null,
                                Map.of(
                                        "url",
                                        base + "/careers/page-1.html",
                                        "next",
                                        "a.next",
                                        "selectors",
                                        HTML_SELECTORS,
                                        "robots",
                                        "ignore")),
                        ordered("/careers/page-2", "html/page-2.html", "/", "html/page-1.html"),
                        List.of("html/page-1.html", "html/page-2.html"),
                        body -> HtmlParsing.parse(body, url, HTML_SELECTORS, "a.next")),
                new Type(
                        config(
                                "jsonld",
                                null,
                                Map.of("url", base + "/careers", "follow", "a.role", "robots", "ignore")),
                        ordered("/careers", "jsonld/listing.html", "/", "jsonld/posting.html"),
                        List.of("jsonld/listing.html", "jsonld/posting.html"),
                        body -> JsonLdParser.parse(body, url)),
                new Type(
                        json,
                        Map.of("/", "json/jobs.json"),
                        List.of("json/jobs.json"),
                        body -> JsonParsing.parse(body, url, json)),
                board(
                        "tiktok",
                        base,
                        Map.of("keyword", "intern"),
                        "tiktok/search-page.json",
                        body -> TikTokParsing.parse(body, url)),
                board(
                        "amazon",
                        base,
                        Map.of("keyword", "intern"),
                        "amazon/search-page.json",
                        body -> AmazonParsing.parse(body, url)));
    }

    /** A board type: one request whose body its parser reads. */
    private static Type board(
            String type, String baseUrl, Map<String, Object> settings, String fixture, Parser parser) {
        return new Type(config(type, baseUrl, settings), Map.of("/", fixture), List.of(fixture), parser);
    }

    private static Map<String, String> ordered(String... pathsAndFixtures) {
        Map<String, String> fixtures = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndFixtures.length; i += 2) {
            fixtures.put(pathsAndFixtures[i], pathsAndFixtures[i + 1]);
        }
        return fixtures;
    }

    private static SourceConfig config(String type, String baseUrl, Map<String, Object> settings) {
        return TestSources.config(type, baseUrl, settings);
    }
}
