package dev.tern.match;

import dev.tern.posting.Location;
import dev.tern.posting.Places;
import dev.tern.posting.Posting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What filters read from one posting, computed once so that thousands of filters share the work.
 *
 * @param posting the posting
 * @param words the words of its title and categories
 * @param placeKeys the {@link Places} keys of its locations, plus the remote key when it is remote
 * @param placeNames its locations' cities and raw texts, normalised, for place names no query recognises
 * @param remote whether the posting says it is remote, or any of its locations is
 * @param company its company, normalised
 */
record PostingFacts(
        Posting posting, Words words, Set<String> placeKeys, Set<String> placeNames, boolean remote, String company) {

    static PostingFacts of(Posting posting) {
        boolean remote = Boolean.TRUE.equals(posting.remote());
        Set<String> keys = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Location location : posting.locations()) {
            remote |= location.remote();
            keys.addAll(Places.keysOf(location));
            addName(names, location.city());
            addName(names, location.raw());
        }
        if (remote && LocationRule.REMOTE_KEY != null) {
            keys.add(LocationRule.REMOTE_KEY);
        }
        return new PostingFacts(posting, Query.wordsOf(posting), keys, names, remote, normalize(posting.company()));
    }

    /** The place keys and names as the index files location rules ({@link LocationRule#indexKey()}). */
    List<String> placeIndexKeys() {
        List<String> keys = new ArrayList<>(placeKeys.size() + placeNames.size());
        placeKeys.forEach(key -> keys.add(LocationRule.placeIndexKey(key)));
        placeNames.forEach(name -> keys.add(LocationRule.nameIndexKey(name)));
        return keys;
    }

    /** Trimmed, whitespace-collapsed and lower-cased, so that "Jane  Street" and "jane street" are one name. */
    static String normalize(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(name.length());
        boolean space = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c)) {
                space = !out.isEmpty();
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static void addName(Set<String> names, String name) {
        if (name != null && !name.isBlank()) {
            names.add(normalize(name));
        }
    }
}
