package dev.tern.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.posting.RawPosting;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The pager tiktok, amazon and json sources share: a listing is complete only when it really read everything. */
final class PagedListingTest {

    private static final PagedListing.Plan BY_OFFSET = new PagedListing.Plan(0, 50, false, "offset");

    @Test
    void anApiThatIgnoresTheOffsetIsNotTrustedEvenWhenItsItemsAddUpToTheTotal() {
        PagedListing.Page same = new PagedListing.Page(postings(0, 50), 100);

        assertThatThrownBy(() -> PagedListing.read("s", "https://api.example/jobs", BY_OFFSET, position -> same))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("ignores 'offset'");
    }

    @Test
    void pagesThatReachTheTotalMakeACompleteListing() throws Exception {
        FetchResult.Fetched listing = PagedListing.read(
                "s",
                "https://api.example/jobs",
                BY_OFFSET,
                position -> new PagedListing.Page(postings(position, position + 50), 100));

        assertThat(listing.postings()).hasSize(100);
        assertThat(listing.complete()).isTrue();
    }

    @Test
    void aListingThatEndsBeforeItsTotalIsIncomplete() throws Exception {
        FetchResult.Fetched listing = PagedListing.read(
                "s",
                "https://api.example/jobs",
                BY_OFFSET,
                position -> new PagedListing.Page(position == 0 ? postings(0, 50) : List.of(), 120));

        assertThat(listing.postings()).hasSize(50);
        assertThat(listing.complete()).isFalse();
    }

    private static List<RawPosting> postings(int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> RawPosting.builder("id-" + i, "Intern " + i).build())
                .toList();
    }
}
