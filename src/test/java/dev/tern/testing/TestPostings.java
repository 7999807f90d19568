package dev.tern.testing;

import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.Sponsorship;
import dev.tern.posting.Location;
import dev.tern.posting.Posting;
import dev.tern.posting.Term;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Builds postings for tests: sensible defaults, and only what a test is about is spelled out. */
public final class TestPostings {

    private final String sourceId;
    private final String externalId;
    private String company = "Acme";
    private String title;
    private List<Location> locations = List.of(new Location("Singapore", "Singapore", null, "SG", false));
    private Boolean remote;
    private Term term = new Term("Summer", 2026);
    private Instant postedAt;
    private List<String> categories = List.of("Engineering");
    private boolean active = true;
    private String fingerprint;
    private Sponsorship sponsorship = Sponsorship.UNKNOWN;
    private Set<Degree> degrees = Set.of();
    private Category category;

    private TestPostings(String sourceId, String externalId) {
        this.sourceId = sourceId;
        this.externalId = externalId;
        this.title = "Software Engineering Intern " + externalId;
        this.fingerprint = "https://jobs.example.com/" + sourceId + "/" + externalId;
    }

    /** An active posting of a source, with a fingerprint unique to its key. */
    public static TestPostings posting(String sourceId, String externalId) {
        return new TestPostings(sourceId, externalId);
    }

    private String url;

    public TestPostings title(String title) {
        this.title = title;
        return this;
    }

    public TestPostings company(String company) {
        this.company = company;
        return this;
    }

    public TestPostings locations(List<Location> locations) {
        this.locations = locations;
        return this;
    }

    public TestPostings remote(Boolean remote) {
        this.remote = remote;
        return this;
    }

    public TestPostings term(Term term) {
        this.term = term;
        return this;
    }

    public TestPostings postedAt(Instant postedAt) {
        this.postedAt = postedAt;
        return this;
    }

    public TestPostings categories(List<String> categories) {
        this.categories = categories;
        return this;
    }

    public TestPostings inactive() {
        this.active = false;
        return this;
    }

    public TestPostings fingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
        return this;
    }

    public TestPostings sponsorship(Sponsorship sponsorship) {
        this.sponsorship = sponsorship;
        return this;
    }

    public TestPostings degrees(Degree... degrees) {
        this.degrees = Set.of(degrees);
        return this;
    }

    /** The posting's category; none (as for rows stored before categories were read) unless set. */
    public TestPostings category(Category category) {
        this.category = category;
        return this;
    }

    /** The posting's URL; {@code https://jobs.example.com/SOURCE/ID} unless set. */
    public TestPostings url(String url) {
        this.url = url;
        return this;
    }

    public Posting build() {
        String key = sourceId + ":" + externalId;
        return new Posting(
                key,
                sourceId,
                externalId,
                company,
                title,
                locations,
                remote,
                term,
                url != null ? url : "https://jobs.example.com/" + sourceId + "/" + externalId,
                postedAt,
                true,
                categories,
                active,
                fingerprint,
                sponsorship,
                degrees,
                category,
                null);
    }
}
