package dev.tern.source.feed;

import static dev.tern.source.TestServer.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.config.SourceConfig;
import dev.tern.config.SourceTypeSpec.Problem;
import dev.tern.source.CacheTags;
import dev.tern.source.FetchException;
import dev.tern.source.FetchResult;
import dev.tern.source.Http;
import dev.tern.source.RecordingSleeper;
import dev.tern.source.TestServer;
import dev.tern.source.TestSources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FeedAdapterTest {

    private static final String SECRET = "tern-xxe-canary-4f1c9a";

    private final FeedAdapter adapter = new FeedAdapter();
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

    private SourceConfig source(Map<String, Object> settings) {
        return TestSources.config("feed", null, settings);
    }

    @Test
    void fetchesAFeedAndAnswersNotModifiedToItsOwnEtag() throws Exception {
        server.handle("/interns.rss", ex -> {
            if ("\"f1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(ex, 304, new byte[0], "ETag", "\"f1\"");
            } else {
                respond(ex, 200, TestServer.fixture("feed/jobs.rss"), "ETag", "\"f1\"");
            }
        });
        SourceConfig source = source(Map.of("url", server.baseUrl() + "/interns.rss"));

        FetchResult.Fetched first = (FetchResult.Fetched) adapter.fetch(source, http, CacheTags.NONE);
        FetchResult second = adapter.fetch(source, http, first.tags());

        assertThat(first.postings()).hasSize(3);
        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    }

    @Test
    void baseUrlReplacesTheSchemeAndHostOfTheUrl() throws Exception {
        server.handle("/feeds/jobs.atom", ex -> respond(ex, 200, TestServer.fixture("feed/jobs.atom")));
        SourceConfig source = TestSources.config(
                "feed", server.baseUrl(), Map.of("url", "https://careers.fernhollow.example/feeds/jobs.atom"));

        FetchResult.Fetched result = (FetchResult.Fetched) adapter.fetch(source, http, CacheTags.NONE);

        assertThat(result.postings()).hasSize(3);
        assertThat(server.requests())
                .singleElement()
                .satisfies(r -> assertThat(r.uri().getPath()).isEqualTo("/feeds/jobs.atom"));
    }

    @Test
    void anExternalEntityIsRefusedAndTheFileItNamesNeverAppears(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        String feed = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<rss version=\"2.0\"><channel><item><title>&xxe;</title><guid>1</guid></item></channel></rss>";
        server.handle("/evil.rss", ex -> respond(ex, 200, feed.getBytes(StandardCharsets.UTF_8)));
        SourceConfig source = source(Map.of("url", server.baseUrl() + "/evil.rss"));

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("it declares a DOCTYPE")
                .hasMessageContaining("Tern never processes")
                .satisfies(e -> assertThat(stackText(e)).doesNotContain(SECRET));
    }

    @Test
    void aMalformedFeedFailsThePollWithLineAndColumn() {
        server.handle("/jobs.xml", ex -> respond(ex, 200, TestServer.fixture("feed/malformed.xml")));
        SourceConfig source = source(Map.of("url", server.baseUrl() + "/jobs.xml"));

        assertThatThrownBy(() -> adapter.fetch(source, http, CacheTags.NONE))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("malformed XML from " + server.baseUrl() + "/jobs.xml at line 8");
    }

    @Test
    void checkExplainsABadTitlePattern() {
        assertThat(adapter.check(source(Map.of("url", "https://x.example/f.rss", "titlePattern", "(?<title>[a-z"))))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.key()).isEqualTo("titlePattern");
                    assertThat(p.message()).contains("not a valid regular expression");
                });
        assertThat(adapter.check(source(Map.of("url", "https://x.example/f.rss", "titlePattern", "(?<name>.+)"))))
                .extracting(Problem::message)
                .singleElement()
                .asString()
                .contains("needs a named group (?<title>...)");
    }

    @Test
    void checkRejectsAUrlThatIsNotHttp() {
        assertThat(adapter.check(source(Map.of("url", "ftp://x.example/f.rss"))))
                .extracting(Problem::key)
                .containsExactly("url");
        assertThat(adapter.check(source(Map.of("url", "https://x.example/f.rss", "titlePattern", "(?<title>.+)"))))
                .isEmpty();
    }

    private static String stackText(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
