package dev.tern.source.simplify;

import dev.tern.posting.RawPosting;
import java.time.Instant;
import java.util.List;

/** One listings.json entry as read, before it gets its final external id (duplicates may be renamed). */
record SimplifyEntry(
        String id,
        String company,
        String title,
        String url,
        List<String> locations,
        List<String> terms,
        Instant postedAt,
        List<String> categories,
        boolean active,
        String sponsorship,
        List<String> degrees) {

    /** Whether two entries describe the same posting: same URL and title, whatever else changed. */
    boolean samePostingAs(SimplifyEntry other) {
        return String.valueOf(url).equals(String.valueOf(other.url)) && title.equals(other.title);
    }

    RawPosting toRaw(String externalId) {
        return RawPosting.builder(externalId, title)
                .company(company)
                .url(url)
                .locations(locations)
                .terms(terms)
                .postedAt(postedAt)
                .categories(categories)
                .active(active)
                .sponsorship(sponsorship)
                .degrees(degrees)
                .build();
    }
}
