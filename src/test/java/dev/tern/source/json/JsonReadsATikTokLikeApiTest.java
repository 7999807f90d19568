package dev.tern.source.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.config.SourceConfig;
import dev.tern.posting.Normalizer;
import dev.tern.posting.Posting;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.RecordingSleeper;
import dev.tern.source.SourceAdapter;
import dev.tern.source.SourceRegistry;
import dev.tern.source.TestServer;
import dev.tern.source.TestSources;
import dev.tern.source.tiktok.TikTokSite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code json} type written with {@code headers}, body paging, {@code paging.total}, a url template and joined
 * location parts reads a TikTok-like API exactly as the {@code tiktok} type does: the README's worked example holds.
 */
final class JsonReadsATikTokLikeApiTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T00:00:00Z"), ZoneOffset.UTC);

    private final SourceRegistry registry = SourceRegistry.standard(CLOCK);
    private TestServer server;
    private Http http;

    @BeforeEach
    void setUp() throws Exception {
        server = TestServer.start();
        http = TestSources.http(new RecordingSleeper());
    }

    @AfterEach
    void tearDown() {
        http.close();
        server.close();
    }

    @Test
    void yieldsTheSamePostingsAsTheTiktokTypeOverSeveralShortPages() throws Exception {
        TikTokSite.generated(120, 40).install(server);

        assertSamePostings(120);
    }

    @Test
    void yieldsTheSamePostingsAsTheTiktokTypeOnTheFixture() throws Exception {
        TikTokSite.fixture().install(server);

        List<String> seen = assertSamePostings(5);

        assertThat(seen.getFirst())
                .startsWith("7345678901234567891|TikTok|Machine Learning Engineer Intern (TikTok Shop Global"
                        + " E-Commerce, Search) - 2026 Start (BS/MS)|https://lifeattiktok.com/search/7345678901234567891"
                        + "|[Singapore]|2026|true");
    }

    /** Reads the server with both types and compares what a user would see of each posting. */
    private List<String> assertSamePostings(int expected) throws Exception {
        SourceConfig tiktok = new SourceConfig(
                "tiktok",
                "tiktok",
                Duration.ofMinutes(15),
                null,
                null,
                server.baseUrl(),
                SourceConfig.Classify.INTERNSHIPS,
                false,
                Map.of());
        SourceConfig json = new SourceConfig(
                "tiktok-json",
                "json",
                Duration.ofMinutes(15),
                null,
                "TikTok",
                null,
                SourceConfig.Classify.INTERNSHIPS,
                false,
                JsonApiAdapterTest.tiktokLike(server.baseUrl()));

        List<String> byType = read(tiktok);
        List<String> byMapping = read(json);

        assertThat(byType).hasSize(expected);
        assertThat(byMapping).containsExactlyElementsOf(byType);
        return byType;
    }

    private List<String> read(SourceConfig source) throws Exception {
        SourceAdapter adapter = registry.adapter(source.type()).orElseThrow();
        assertThat(adapter.check(source)).isEmpty();
        FetchResult.Fetched fetched = (FetchResult.Fetched) adapter.fetch(source, http, CacheTags.NONE);
        assertThat(fetched.complete()).isTrue();
        Normalizer normalizer = new Normalizer(CLOCK, List.of());
        return fetched.postings().stream()
                .map(raw -> normalizer.normalize(source.id(), source.company(), adapter.curated(), raw))
                .map(JsonReadsATikTokLikeApiTest::shown)
                .toList();
    }

    private static String shown(Posting posting) {
        return String.join(
                        "|",
                        posting.externalId(),
                        posting.company(),
                        posting.title(),
                        posting.url(),
                        posting.locations().stream()
                                .map(location -> location.city() != null ? location.city() : location.raw())
                                .toList()
                                .toString(),
                        posting.term() == null
                                ? "-"
                                : String.valueOf(posting.term().year()),
                        String.valueOf(posting.internship()))
                + "|" + posting.locations() + "|" + posting.fingerprint();
    }
}
