package dev.tern.source.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.TestServer;
import dev.tern.source.web.PostingIds;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

final class FeedParserTest {

    private static final String RSS_URL = "http://127.0.0.1/feeds/interns.rss";
    private static final String ATOM_URL = "https://careers.fernhollow.example/all_jobs.atom";

    private static List<RawPosting> rss(Pattern titlePattern) throws FetchException {
        return FeedParser.parse(TestServer.fixture("feed/jobs.rss"), RSS_URL, titlePattern);
    }

    private static List<RawPosting> atom() throws FetchException {
        return FeedParser.parse(TestServer.fixture("feed/jobs.atom"), ATOM_URL, null);
    }

    @Test
    void readsRssItemsWithGuidLinkDateAndCategories() throws Exception {
        RawPosting first = rss(null).get(0);

        assertThat(first.externalId())
                .isEqualTo("https://jobs.quillmoor.example/remote-jobs/brightkelp-data-engineering-intern");
        assertThat(first.title()).isEqualTo("Brightkelp Labs: Data Engineering Intern (Lisbon, Portugal)");
        assertThat(first.url())
                .isEqualTo("https://jobs.quillmoor.example/remote-jobs/brightkelp-data-engineering-intern");
        assertThat(first.postedAt()).isEqualTo(Instant.parse("2026-03-10T14:05:09Z"));
        assertThat(first.categories()).containsExactly("Data", "Internships");
        assertThat(first.company()).isNull();
        assertThat(first.locations()).isEmpty();
    }

    @Test
    void anRssItemWithoutGuidUsesItsCanonicalLinkAndDublinCoreDate() throws Exception {
        RawPosting second = rss(null).get(1);

        assertThat(second.title()).isEqualTo("Orrin & Vale: Software Intern, Platform");
        assertThat(second.externalId())
                .isEqualTo("https://jobs.quillmoor.example/remote-jobs/orrin-vale-software-intern?ref=rss");
        assertThat(second.postedAt()).isEqualTo(Instant.parse("2026-03-09T08:00:00Z"));
    }

    @Test
    void anRssItemWithoutGuidOrLinkGetsAStableHashOfItsTitle() throws Exception {
        RawPosting third = rss(null).get(2);

        assertThat(third.title()).isEqualTo("Unlinked Research Internship");
        assertThat(third.externalId()).isEqualTo("title#" + PostingIds.shortHash("Unlinked Research Internship"));
        assertThat(third.url()).isNull();
        assertThat(third.postedAt()).isNull();
        assertThat(rss(null).get(2).externalId()).isEqualTo(third.externalId());
    }

    @Test
    void aTitlePatternSplitsCompanyTitleAndLocationAndLeavesOtherTitlesWhole() throws Exception {
        Pattern pattern = TitlePattern.compile("(?<company>[^:]+):\\s*(?<title>.+?)(?:\\s*\\((?<location>[^)]+)\\))?");

        List<RawPosting> postings = rss(pattern);

        assertThat(postings.get(0).company()).isEqualTo("Brightkelp Labs");
        assertThat(postings.get(0).title()).isEqualTo("Data Engineering Intern");
        assertThat(postings.get(0).locations()).containsExactly("Lisbon, Portugal");
        assertThat(postings.get(1).company()).isEqualTo("Orrin & Vale");
        assertThat(postings.get(1).title()).isEqualTo("Software Intern, Platform");
        assertThat(postings.get(1).locations()).isEmpty();
        assertThat(postings.get(2).title()).isEqualTo("Unlinked Research Internship");
        assertThat(postings.get(2).company()).isNull();
    }

    @Test
    void readsAtomEntriesWithTheAlternateLinkAndPublishedDate() throws Exception {
        RawPosting first = atom().get(0);

        assertThat(first.externalId()).isEqualTo("9007199254740993");
        assertThat(first.title()).isEqualTo("Student Systems Developer Intern");
        assertThat(first.url()).isEqualTo("https://careers.fernhollow.example/postings/9007199254740993");
        assertThat(first.postedAt()).isEqualTo(Instant.parse("2026-03-11T22:10:33Z"));
        assertThat(first.categories()).containsExactly("Information Technology", "student");
    }

    @Test
    void anAtomEntryFallsBackToUpdatedResolvesRelativeLinksAndReadsHtmlTitlesAsText() throws Exception {
        RawPosting second = atom().get(1);

        assertThat(second.title()).isEqualTo("Lab Assistant (Chemistry)");
        assertThat(second.url()).isEqualTo("https://careers.fernhollow.example/postings/67178");
        assertThat(second.postedAt()).isEqualTo(Instant.parse("2026-03-10T18:57:35Z"));
    }

    @Test
    void anAtomEntryWithoutIdUsesItsLink() throws Exception {
        RawPosting third = atom().get(2);

        assertThat(third.externalId()).isEqualTo("https://careers.fernhollow.example/postings/67170");
        assertThat(third.postedAt()).isNull();
    }

    @Test
    void malformedXmlFailsNamingLineAndColumn() {
        assertThatThrownBy(() -> FeedParser.parse(TestServer.fixture("feed/malformed.xml"), RSS_URL, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("malformed XML from " + RSS_URL + " at line 8, column")
                .hasMessageContaining("Play");
    }

    @Test
    void wellFormedXmlThatIsNotAFeedSaysWhatTheRootIs() {
        assertThatThrownBy(() -> FeedParser.parse(TestServer.fixture("feed/not-a-feed.xml"), RSS_URL, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("not an RSS 2.0 or Atom 1.0 feed")
                .hasMessageContaining("<jobs>");
    }

    @Test
    void anItemWithoutTitleFailsNamingTheItem() {
        byte[] feed =
                "<rss version=\"2.0\"><channel><item><title>A</title></item><item><link>https://x.example/2</link></item></channel></rss>"
                        .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FeedParser.parse(feed, RSS_URL, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("<item> 2 has no title");
    }

    @Test
    void aDoctypeIsRefusedEvenWithoutEntities() {
        byte[] feed = "<?xml version=\"1.0\"?><!DOCTYPE rss><rss version=\"2.0\"><channel/></rss>"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FeedParser.parse(feed, RSS_URL, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("refused the feed from " + RSS_URL + ": it declares a DOCTYPE");
    }
}
