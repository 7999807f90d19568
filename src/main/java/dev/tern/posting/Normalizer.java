package dev.tern.posting;

import dev.tern.config.SourceConfig;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link RawPosting} into a {@link Posting}: cleans the text, reads locations and the start term,
 * classifies internships, reads sponsorship, degrees and category, decides whether it is still open and computes
 * its key and fingerprint.
 */
public final class Normalizer {

    private final Clock clock;
    private final Map<String, Term> sourceTerms;

    /**
     * @param clock decides whether a {@code validThrough} is already past
     * @param sources the configured sources, whose {@code term} fills in what their postings leave unknown
     */
    public Normalizer(Clock clock, List<SourceConfig> sources) {
        this.clock = clock;
        this.sourceTerms = new HashMap<>();
        for (SourceConfig source : sources) {
            Term term = source.term() == null ? null : Terms.read(source.term());
            if (term != null) {
                sourceTerms.put(source.id(), term);
            }
        }
    }

    /**
     * @param sourceId the source's id, the first half of the key
     * @param companyOverride the source's {@code company}, which wins over the posting's own, or null
     * @param curated whether the source only lists internships
     * @param raw what the adapter read
     */
    public Posting normalize(String sourceId, String companyOverride, boolean curated, RawPosting raw) {
        String title = Text.clean(Text.unescape(raw.title()));
        String company = company(companyOverride, raw.company());
        List<Location> locations = locations(raw.locations());
        String url = raw.url() == null ? "" : raw.url().strip();
        boolean active = raw.active()
                && (raw.validThrough() == null || raw.validThrough().isAfter(clock.instant()));
        String key = sourceId + ":" + raw.externalId();
        String description = raw.description() == null || raw.description().isBlank() ? null : raw.description();
        return new Posting(
                key,
                sourceId,
                raw.externalId(),
                company,
                title,
                locations,
                remote(raw, locations),
                Terms.withDefault(Terms.parse(raw.terms(), title), sourceTerms.get(sourceId)),
                url,
                raw.postedAt(),
                curated || Internships.isInternship(title, raw.employmentType()),
                categories(raw.categories()),
                active,
                Fingerprints.of(url, company, title, locations.isEmpty() ? null : locations.getFirst()),
                Sponsorships.read(raw.sponsorship(), title, description),
                Degrees.read(raw.degrees(), title, description),
                Categories.read(raw.categories(), title),
                description);
    }

    private static String company(String override, String own) {
        String cleanedOverride = Text.clean(override);
        return cleanedOverride.isEmpty() ? Text.clean(Text.unescape(own)) : cleanedOverride;
    }

    /** Every location of every raw string, in order, once each (by place, or by text when unrecognised). */
    private static List<Location> locations(List<String> raws) {
        Map<String, Location> unique = new LinkedHashMap<>();
        for (String raw : raws) {
            for (Location location : Locations.parse(raw)) {
                unique.putIfAbsent(identity(location), location);
            }
        }
        return new ArrayList<>(unique.values());
    }

    private static String identity(Location location) {
        if (location.city() == null && location.region() == null && location.country() == null) {
            return (location.remote() ? "remote|" : "raw|") + Text.fold(location.raw());
        }
        return String.join(
                        "|",
                        String.valueOf(location.city()),
                        String.valueOf(location.region()),
                        String.valueOf(location.country()),
                        String.valueOf(location.remote()))
                .toLowerCase(Locale.ROOT);
    }

    /** The source's own flag wins; else remote if any location is, on-site if one says so, else unknown. */
    private static Boolean remote(RawPosting raw, List<Location> locations) {
        if (raw.remote() != null) {
            return raw.remote();
        }
        if (locations.stream().anyMatch(Location::remote)) {
            return Boolean.TRUE;
        }
        return raw.locations().stream().anyMatch(Locations::marksOnSite) ? Boolean.FALSE : null;
    }

    private static List<String> categories(List<String> raws) {
        return raws.stream()
                .map(Text::clean)
                .filter(c -> !c.isEmpty())
                .distinct()
                .toList();
    }
}
