package dev.tern.source.simplify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.TestServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class SimplifyParserTest {

    private static final String URL = "http://127.0.0.1/listings.json";
    private static final String KESTREL = "3f1c9a2e-7b40-4d8e-9a61-0c5e2b7d9f11";

    private final List<RawPosting> postings = parseFixture();

    private static List<RawPosting> parseFixture() {
        try {
            return SimplifyParser.parse(TestServer.fixture("simplify/listings.json"), URL);
        } catch (FetchException e) {
            throw new AssertionError(e);
        }
    }

    private Map<String, RawPosting> byId() {
        return postings.stream().collect(Collectors.toMap(RawPosting::externalId, Function.identity()));
    }

    @Test
    void readsEveryFieldAndTrimsText() {
        RawPosting kestrel = byId().get(KESTREL);

        assertThat(kestrel.company()).isEqualTo("Kestrel Robotics");
        assertThat(kestrel.title()).isEqualTo("Software Engineering Intern - Autonomy");
        assertThat(kestrel.url()).isEqualTo("https://jobs.example-ats.com/kestrel/4471/apply");
        assertThat(kestrel.locations()).containsExactly("Pittsburgh, PA", "Boston, MA");
        assertThat(kestrel.terms()).containsExactly("Summer 2026");
        assertThat(kestrel.postedAt()).isEqualTo(Instant.ofEpochSecond(1767139200));
        assertThat(kestrel.categories()).containsExactly("Software");
        assertThat(kestrel.active()).isTrue();
        assertThat(kestrel.remote()).isNull();
    }

    @Test
    void inactiveOrInvisibleEntriesAreClosed() {
        assertThat(byId().get("8a0d6b4c-2e1f-4c3a-b5d7-6e9f0a1b2c3d").active()).isFalse();
        assertThat(byId().get("c7e2f1a0-9b8d-4e6f-a5c4-3b2a1f0e9d8c").active()).isFalse();
    }

    @Test
    void readsTheOlderSeasonFormatAndEpochSecondsAsText() {
        RawPosting legacy = byId().get("legacy-0001");

        assertThat(legacy.terms()).containsExactly("Summer");
        assertThat(legacy.postedAt()).isEqualTo(Instant.ofEpochSecond(1704067200));
        assertThat(legacy.categories()).isEmpty();
    }

    @Test
    void toleratesAnEmptyUrlAndNoLocations() {
        RawPosting tidewater = byId().get("5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");

        assertThat(tidewater.url()).isNull();
        assertThat(tidewater.locations()).isEmpty();
        assertThat(tidewater.terms()).containsExactly("Winter 2027", "Spring 2027", "Summer 2027");
    }

    @Test
    void collapsesIdenticalDuplicatesAndKeepsDifferentPostingsThatShareAnId() {
        List<RawPosting> kestrels = postings.stream()
                .filter(p -> p.externalId().startsWith(KESTREL))
                .toList();

        assertThat(kestrels).hasSize(2);
        assertThat(kestrels.get(0).externalId()).isEqualTo(KESTREL);
        assertThat(kestrels.get(1).externalId()).matches(KESTREL + "#[0-9a-f]{8}");
        assertThat(kestrels.get(1).title()).isEqualTo("Firmware Engineering Intern");
    }

    @Test
    void theRenamedDuplicateKeepsItsIdFromPollToPoll() throws Exception {
        List<RawPosting> again = SimplifyParser.parse(TestServer.fixture("simplify/listings.json"), URL);

        assertThat(again)
                .extracting(RawPosting::externalId)
                .containsExactlyElementsOf(
                        postings.stream().map(RawPosting::externalId).toList());
    }

    @Test
    void derivesAnIdFromTheUrlWhenAnEntryHasNoneAndSkipsEntriesWithNeither() {
        RawPosting marigold = postings.stream()
                .filter(p -> "Marigold Health".equals(p.company()))
                .findFirst()
                .orElseThrow();

        assertThat(marigold.externalId()).matches("u[0-9a-f]{16}");
        assertThat(postings).extracting(RawPosting::company).doesNotContain("Nowhere Inc", "Untitled Labs");
        assertThat(postings).hasSize(7);
    }

    @Test
    void malformedJsonNamesTheUrlLineAndColumn() {
        assertThatThrownBy(() -> SimplifyParser.parse(TestServer.fixture("simplify/malformed.json"), URL))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("malformed JSON from " + URL + " at line 10, column ");
    }

    @Test
    void aTruncatedFileIsMalformedNotAnEmptyList() {
        byte[] truncated = "[{\"id\":\"1\",\"title\":\"Intern\"},".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SimplifyParser.parse(truncated, URL))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("malformed JSON from " + URL);
    }

    @Test
    void somethingOtherThanAnArrayIsRejectedWithWhatWasFound() {
        byte[] object = "{\"listings\":[]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SimplifyParser.parse(object, URL))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("expected a JSON array of listings, found an object");
    }

    @Test
    void streamsAFileAsLargeAsTheRealOne() throws Exception {
        int entries = 15_000;
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < entries; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"id-")
                    .append(i)
                    .append("\",\"company_name\":\"Company ")
                    .append(i % 500)
                    .append("\",\"title\":\"Software Engineering Intern ")
                    .append(i)
                    .append("\",\"url\":\"https://jobs.example/")
                    .append(i)
                    .append("\",\"locations\":[\"Austin, TX\",\"Remote\"],\"terms\":[\"Summer 2026\"],")
                    .append("\"active\":true,\"is_visible\":true,\"date_posted\":1767139200}");
        }
        byte[] body = json.append("]").toString().getBytes(StandardCharsets.UTF_8);

        List<RawPosting> parsed = SimplifyParser.parse(body, URL);

        assertThat(parsed).hasSize(entries);
        assertThat(parsed.get(entries - 1).externalId()).isEqualTo("id-14999");
    }
}
