package dev.tern.posting;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One posting as a source adapter read it, before normalising: the source's own words, trimmed of nothing but
 * what the format forces. Adapters fill what their format knows and leave the rest empty or null.
 *
 * @param externalId the source's own id for the posting (never blank)
 * @param company the company name the source gives, or null
 * @param title the title as given
 * @param url the posting or apply URL, or null when the source has none
 * @param locations raw location strings, possibly several in one string ("NYC; SF")
 * @param remote true/false when the source says so explicitly, else null
 * @param terms raw start terms ("Summer 2026"), empty when unknown
 * @param postedAt when it was first published, or null
 * @param employmentType the source's employment type text ("Intern", "Full-time"), or null
 * @param categories department, team or category names, used by keyword matching
 * @param active false when the source itself says the posting is closed
 * @param validThrough when the posting stops being valid (schema.org), or null
 * @param description the posting's description as plain text, or null when the adapter does not read one
 * @param sponsorship what the source's own sponsorship field says ("Offers Sponsorship"), or null
 * @param degrees the degrees the source's own field names ("Bachelor's", "PhD"), empty when it has none
 */
public record RawPosting(
        String externalId,
        String company,
        String title,
        String url,
        List<String> locations,
        Boolean remote,
        List<String> terms,
        Instant postedAt,
        String employmentType,
        List<String> categories,
        boolean active,
        Instant validThrough,
        String description,
        String sponsorship,
        List<String> degrees) {

    public RawPosting {
        Objects.requireNonNull(externalId, "externalId");
        title = title == null ? "" : title;
        locations = locations == null ? List.of() : List.copyOf(locations);
        terms = terms == null ? List.of() : List.copyOf(terms);
        categories = categories == null ? List.of() : List.copyOf(categories);
        degrees = degrees == null ? List.of() : List.copyOf(degrees);
    }

    /** Starts a builder for the fields most adapters set; the rest default to empty. */
    public static Builder builder(String externalId, String title) {
        return new Builder(externalId, title);
    }

    /** A builder holding everything this posting says, to change a part of it (another id, a detail read later). */
    public Builder toBuilder(String newExternalId) {
        return new Builder(newExternalId, title)
                .company(company)
                .url(url)
                .locations(locations)
                .remote(remote)
                .terms(terms)
                .postedAt(postedAt)
                .employmentType(employmentType)
                .categories(categories)
                .active(active)
                .validThrough(validThrough)
                .description(description)
                .sponsorship(sponsorship)
                .degrees(degrees);
    }

    /** Fluent construction, so adapters name what they set. */
    public static final class Builder {
        private final String externalId;
        private final String title;
        private String sponsorship;
        private List<String> degrees = List.of();
        private String company;
        private String url;
        private List<String> locations = List.of();
        private Boolean remote;
        private List<String> terms = List.of();
        private Instant postedAt;
        private String employmentType;
        private List<String> categories = List.of();
        private boolean active = true;
        private Instant validThrough;
        private String description;

        private Builder(String externalId, String title) {
            this.externalId = externalId;
            this.title = title;
        }

        public Builder company(String company) {
            this.company = company;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder locations(List<String> locations) {
            this.locations = locations;
            return this;
        }

        public Builder remote(Boolean remote) {
            this.remote = remote;
            return this;
        }

        public Builder terms(List<String> terms) {
            this.terms = terms;
            return this;
        }

        public Builder postedAt(Instant postedAt) {
            this.postedAt = postedAt;
            return this;
        }

        public Builder employmentType(String employmentType) {
            this.employmentType = employmentType;
            return this;
        }

        public Builder categories(List<String> categories) {
            this.categories = categories;
            return this;
        }

        public Builder active(boolean active) {
            this.active = active;
            return this;
        }

        public Builder validThrough(Instant validThrough) {
            this.validThrough = validThrough;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder sponsorship(String sponsorship) {
            this.sponsorship = sponsorship;
            return this;
        }

        public Builder degrees(List<String> degrees) {
            this.degrees = degrees;
            return this;
        }

        public RawPosting build() {
            return new RawPosting(
                    externalId,
                    company,
                    title,
                    url,
                    locations,
                    remote,
                    terms,
                    postedAt,
                    employmentType,
                    categories,
                    active,
                    validThrough,
                    description,
                    sponsorship,
                    degrees);
        }
    }
}
