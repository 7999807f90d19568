package dev.tern.source.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.RawPosting;
import dev.tern.source.FetchException;
import dev.tern.source.TestServer;
import dev.tern.source.web.PostingIds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class HtmlParserTest {

    private static final String PAGE = "https://www.tidewell.example/careers/index.html";
    private static final HtmlSelectors SELECTORS = HtmlSelectors.of(Map.of(
            "item", "div.card",
            "title", "h2.title",
            "link", "a.apply@href",
            "company", ".company",
            "location", "p.location",
            "posted", "time@datetime"));
    private static final FieldSelector NEXT = FieldSelector.parse("a.next");

    private static HtmlParser.HtmlPage page(String fixture) throws FetchException {
        return HtmlParser.parse(TestServer.fixture("html/" + fixture), PAGE, SELECTORS, NEXT);
    }

    @Test
    void readsEachFieldRelativeToTheItemAndResolvesRelativeLinks() throws Exception {
        RawPosting first = page("page-1.html").postings().get(0);

        assertThat(first.title()).isEqualTo("Backend Engineering Intern");
        assertThat(first.company()).isEqualTo("Tidewell Robotics");
        assertThat(first.locations()).containsExactly("Halifax, NS");
        assertThat(first.postedAt()).isEqualTo(Instant.parse("2026-02-14T00:00:00Z"));
        assertThat(first.url())
                .isEqualTo("https://www.tidewell.example/careers/jobs/backend-engineering-intern-0.html");
        assertThat(first.externalId()).isEqualTo(first.url());
    }

    @Test
    void skipsItemsWithoutATitleAndToleratesMissingOptionalFields() throws Exception {
        List<RawPosting> postings = page("page-1.html").postings();

        assertThat(postings)
                .extracting(RawPosting::title)
                .containsExactly("Backend Engineering Intern", "Hardware Test Co-op & Intern", "Design Intern");
        RawPosting hardware = postings.get(1);
        assertThat(hardware.url())
                .isEqualTo("https://www.tidewell.example/careers/jobs/hardware-test-coop-1.html?utm_source=board");
        assertThat(hardware.postedAt()).isNull();
        RawPosting design = postings.get(2);
        assertThat(design.url()).isNull();
        assertThat(design.company()).isNull();
        assertThat(design.externalId()).isEqualTo("title#" + PostingIds.shortHash("Design Intern"));
    }

    @Test
    void findsTheNextPageLinkAbsolute() throws Exception {
        assertThat(page("page-1.html").next()).isEqualTo("https://www.tidewell.example/careers/page-2.html");
        assertThat(page("page-2.html").next()).isNull();
    }

    @Test
    void anItemSelectorThatMatchesNothingFailsNamingTheSelector() {
        assertThatThrownBy(() -> page("no-openings.html"))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("no element on " + PAGE + " matches selectors.item 'div.card'");
    }

    @Test
    void itemsThatAllLackATitleFailNamingTheTitleSelector() {
        HtmlSelectors wrongTitle = HtmlSelectors.of(Map.of("item", "div.card", "title", "h4"));

        assertThatThrownBy(() -> HtmlParser.parse(TestServer.fixture("html/page-1.html"), PAGE, wrongTitle, null))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("4 elements")
                .hasMessageContaining("selectors.title 'h4'");
    }

    @Test
    void aBareAttributeReadsTheItemItselfAndLinkDefaultsToTheFirstAnchor() throws Exception {
        HtmlSelectors anchors = HtmlSelectors.of(Map.of("item", "footer a.apply", "title", "@href"));
        HtmlSelectors defaults = HtmlSelectors.of(Map.of("item", "div.card", "title", "h2"));

        List<RawPosting> byAnchor = HtmlParser.parse(TestServer.fixture("html/page-1.html"), PAGE, anchors, null)
                .postings();
        RawPosting first = HtmlParser.parse(TestServer.fixture("html/page-1.html"), PAGE, defaults, null)
                .postings()
                .get(0);

        assertThat(byAnchor)
                .extracting(RawPosting::title)
                .containsExactly(
                        "/careers/jobs/backend-engineering-intern-0.html",
                        "jobs/hardware-test-coop-1.html?utm_source=board");
        assertThat(first.url()).isEqualTo("https://www.tidewell.example/about");
    }
}
