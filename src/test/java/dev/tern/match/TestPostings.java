package dev.tern.match;

import dev.tern.posting.Location;
import dev.tern.posting.Posting;
import dev.tern.posting.Term;
import java.util.List;

/** Builds postings for matching tests, naming only what a test cares about. */
final class TestPostings {

    static final Location SEATTLE = new Location("Seattle, WA", "Seattle", "WA", "US", false);
    static final Location TORONTO = new Location("Toronto, ON", "Toronto", "ON", "CA", false);
    static final Location SINGAPORE = new Location("Singapore", "Singapore", null, "SG", false);
    static final Location REMOTE_US = new Location("Remote in USA", null, null, "US", true);

    private String company = "Acme";
    private String title = "Software Engineer Intern";
    private List<Location> locations = List.of();
    private Boolean remote;
    private Integer startYear;
    private List<String> categories = List.of();

    static TestPostings posting() {
        return new TestPostings();
    }

    static Posting titled(String title) {
        return posting().title(title).build();
    }

    TestPostings company(String company) {
        this.company = company;
        return this;
    }

    TestPostings title(String title) {
        this.title = title;
        return this;
    }

    TestPostings at(Location... locations) {
        this.locations = List.of(locations);
        return this;
    }

    TestPostings remote(Boolean remote) {
        this.remote = remote;
        return this;
    }

    TestPostings startYear(Integer startYear) {
        this.startYear = startYear;
        return this;
    }

    TestPostings categories(String... categories) {
        this.categories = List.of(categories);
        return this;
    }

    Posting build() {
        Term term = startYear == null ? null : new Term("Summer", startYear);
        return new Posting(
                "test:" + title.hashCode(),
                "test",
                Integer.toString(title.hashCode()),
                company,
                title,
                locations,
                remote,
                term,
                "https://example.test/job",
                null,
                true,
                categories,
                true,
                "fp:" + title);
    }
}
