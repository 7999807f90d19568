package dev.tern.source.simplify;

import dev.tern.posting.Hashes;
import dev.tern.posting.RawPosting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The postings of one listings.json, with its duplicate ids resolved. The first entry with an id keeps it; a later
 * entry with the same id and the same URL and title is the same posting and is dropped; a later one that differs is
 * a different posting and gets {@code id#<hash of URL and title>}, a name that stays the same from poll to poll.
 */
final class ListingSet {

    private static final int SUFFIX_HEX_CHARS = 8;

    private final Map<String, List<SimplifyEntry>> byId = new HashMap<>();
    private final List<RawPosting> postings = new ArrayList<>();
    private int dropped;
    private int renamed;

    void add(SimplifyEntry entry) {
        List<SimplifyEntry> variants = byId.get(entry.id());
        if (variants == null) {
            byId.put(entry.id(), new ArrayList<>(List.of(entry)));
            postings.add(entry.toRaw(entry.id()));
            return;
        }
        if (variants.stream().anyMatch(entry::samePostingAs)) {
            dropped++;
            return;
        }
        variants.add(entry);
        postings.add(entry.toRaw(entry.id() + "#" + shortHash(entry.url() + "\n" + entry.title())));
        renamed++;
    }

    List<RawPosting> postings() {
        return List.copyOf(postings);
    }

    /** Later copies of a posting already listed under the same id. */
    int dropped() {
        return dropped;
    }

    /** Different postings that shared an id and were given a suffixed one. */
    int renamed() {
        return renamed;
    }

    /** The first hex characters of the SHA-256 of {@code text}: short, stable ids for things that have none. */
    static String shortHash(String text, int hexChars) {
        return Hashes.sha256(text, hexChars);
    }

    private static String shortHash(String text) {
        return shortHash(text, SUFFIX_HEX_CHARS);
    }
}
