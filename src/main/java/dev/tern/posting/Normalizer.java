package dev.tern.posting;

import java.time.Clock;

/** Turns a {@link RawPosting} into a {@link Posting}. (Contract stub: the normalising work fills it in.) */
public final class Normalizer {

    private final Clock clock;

    public Normalizer(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param sourceId the source's id, the first half of the key
     * @param companyOverride the source's {@code company}, which wins over the posting's own, or null
     * @param curated whether the source only lists internships
     * @param raw what the adapter read
     */
    public Posting normalize(String sourceId, String companyOverride, boolean curated, RawPosting raw) {
        String company = companyOverride != null ? companyOverride : raw.company() == null ? "" : raw.company();
        String key = sourceId + ":" + raw.externalId();
        return new Posting(
                key,
                sourceId,
                raw.externalId(),
                company,
                raw.title(),
                Locations.parse(String.join("; ", raw.locations())),
                raw.remote(),
                null,
                raw.url(),
                raw.postedAt(),
                curated,
                raw.categories(),
                raw.active(),
                key);
    }
}
