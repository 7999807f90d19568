package dev.tern.match;

import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.Sponsorship;
import dev.tern.posting.Location;
import dev.tern.posting.Posting;
import dev.tern.posting.Term;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
    private Sponsorship sponsorship = Sponsorship.UNKNOWN;
    private Set<Degree> degrees = Set.of();
    private Category kind = Category.SOFTWARE;

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

    TestPostings sponsorship(Sponsorship sponsorship) {
        this.sponsorship = sponsorship;
        return this;
    }

    TestPostings degrees(Degree... degrees) {
        this.degrees = new HashSet<>(List.of(degrees));
        return this;
    }

    /** The posting's {@link Category} (null: stored before categories were read). */
    TestPostings kind(Category kind) {
        this.kind = kind;
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
                "fp:" + title,
                sponsorship,
                degrees,
                kind,
                null);
    }
}
