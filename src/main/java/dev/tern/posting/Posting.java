package dev.tern.posting;

import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.Sponsorship;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A normalised posting: what the store keeps, the matcher reads and alerts show.
 *
 * @param key {@code sourceId + ":" + externalId}, unique within Tern
 * @param sourceId the configured source it came from
 * @param externalId the source's id for it
 * @param company company name, trimmed and whitespace-collapsed
 * @param title title, trimmed and whitespace-collapsed
 * @param locations recognised locations, in source order
 * @param remote true if remote, false if explicitly on-site, null if unknown
 * @param term start term, or null when unknown
 * @param url the posting's URL (may be empty when the source gave none)
 * @param postedAt when it was first published, or null
 * @param internship whether it is classified as an internship
 * @param categories department, team or category names
 * @param active false when the source says it is closed
 * @param fingerprint cross-source identity (canonical URL, or company + title + first location)
 * @param sponsorship what it says about visa sponsorship; never null ({@link Sponsorship#UNKNOWN} when silent)
 * @param degrees the degrees it accepts, in order; empty when it names none
 * @param category the kind of role; null only for a posting stored before Tern read categories (until its next
 *     poll)
 * @param description its description as plain text, or null when the source gives none (postings read from the
 *     store carry none: nothing after normalising reads it)
 */
public record Posting(
        String key,
        String sourceId,
        String externalId,
        String company,
        String title,
        List<Location> locations,
        Boolean remote,
        Term term,
        String url,
        Instant postedAt,
        boolean internship,
        List<String> categories,
        boolean active,
        String fingerprint,
        Sponsorship sponsorship,
        Set<Degree> degrees,
        Category category,
        String description) {

    /** The longest description kept, in characters. */
    public static final int DESCRIPTION_MAX = 20_000;

    public Posting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        locations = locations == null ? List.of() : List.copyOf(locations);
        categories = categories == null ? List.of() : List.copyOf(categories);
        url = url == null ? "" : url;
        sponsorship = sponsorship == null ? Sponsorship.UNKNOWN : sponsorship;
        description = description == null || description.length() <= DESCRIPTION_MAX
                ? description
                : description.substring(0, DESCRIPTION_MAX);
        degrees =
                degrees == null || degrees.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(degrees));
    }

    /** The start year, or null when unknown. */
    public Integer startYear() {
        return term == null ? null : term.year();
    }

    /**
     * The first {@code shown} locations for people to read, "Seattle, WA, US; Remote (US) +2 more"; empty when the
     * posting gives none.
     */
    public String places(int shown) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(shown, locations.size()); i++) {
            out.append(i == 0 ? "" : "; ").append(locations.get(i).display());
        }
        if (locations.size() > shown) {
            out.append(" +").append(locations.size() - shown).append(" more");
        }
        return out.toString();
    }

    /** Whether two snapshots of the same posting differ in anything a student would notice. */
    public boolean differsFrom(Posting other) {
        return !company.equals(other.company)
                || !title.equals(other.title)
                || !locations.equals(other.locations)
                || !Objects.equals(remote, other.remote)
                || !Objects.equals(term, other.term)
                || !url.equals(other.url)
                || sponsorship != other.sponsorship
                || !degrees.equals(other.degrees)
                || category != other.category;
    }
}
