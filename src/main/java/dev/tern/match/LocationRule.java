package dev.tern.match;

import dev.tern.posting.PlaceQuery;

/** One entry of a filter's {@code locations}: a recognised place, or a name matched as written. */
sealed interface LocationRule {

    /** The key remote locations are filed under, asked of the place parser rather than assumed. */
    String REMOTE_KEY = PlaceQuery.parse("Remote").map(PlaceQuery::key).orElse(null);

    /** Whether the posting is at this place. */
    boolean matches(PostingFacts facts);

    /** The key the index files this rule under; {@link PostingFacts#placeIndexKeys()} holds it iff it matches. */
    String indexKey();

    /** The index key of a place key. */
    static String placeIndexKey(String key) {
        return "place " + key;
    }

    /** The index key of a normalised place name (kept apart from place keys by its prefix). */
    static String nameIndexKey(String name) {
        return "name " + name;
    }

    /** Reads a user's place text; text no parser recognises becomes a plain name. */
    static LocationRule of(String text) {
        return PlaceQuery.parse(text)
                .filter(PlaceQuery::known)
                .<LocationRule>map(Place::new)
                .orElseGet(() -> new Named(PostingFacts.normalize(text)));
    }

    /**
     * A recognised place: a country, region, city or Remote (which also takes postings marked remote). The posting's
     * place keys hold the keys of every location plus the remote key when it is remote, so one look-up answers.
     */
    record Place(PlaceQuery query) implements LocationRule {
        @Override
        public boolean matches(PostingFacts facts) {
            return facts.placeKeys().contains(query.key());
        }

        @Override
        public String indexKey() {
            return placeIndexKey(query.key());
        }
    }

    /** A name no parser recognises, compared with each location's city and raw text, ignoring case. */
    record Named(String name) implements LocationRule {
        @Override
        public boolean matches(PostingFacts facts) {
            return facts.placeNames().contains(name);
        }

        @Override
        public String indexKey() {
            return nameIndexKey(name);
        }
    }
}
