package dev.tern.match;

import dev.tern.posting.Location;
import dev.tern.posting.Places;
import dev.tern.posting.Posting;
import dev.tern.posting.Text;
import dev.tern.store.Database;
import dev.tern.store.PostingStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Searches open postings with a filter (in Java, over the stored postings, newest first, one per job even when
 * two sources list it) and suggests company and place names for autocomplete.
 */
final class PostingSearch {

    /** Companies read from the store per suggestion request, before ranking. */
    private static final int COMPANY_CANDIDATES = 200;

    private static final String REMOTE = "Remote";

    private final Database database;
    private final PostingStore postings;

    PostingSearch(Database database, PostingStore postings) {
        this.postings = postings;
        this.database = database;
    }

    /** Every open posting the filter matches, newest first, one per fingerprint. */
    List<Posting> matching(Filter filter) {
        List<Posting> matches = new ArrayList<>();
        Set<String> fingerprints = new HashSet<>();
        database.read(c -> {
            postings.forEachOpen(c, posting -> {
                if (filter.matches(posting) && fingerprints.add(posting.fingerprint())) {
                    matches.add(posting);
                }
            });
            return null;
        });
        return matches;
    }

    /** Company names of open postings containing the text, those starting with it first. */
    List<String> companies(String text, int max) {
        String wanted = text == null ? "" : text.strip();
        List<String> candidates = database.read(c -> postings.openCompanies(c, wanted, COMPANY_CANDIDATES));
        return ranked(candidates, wanted, max);
    }

    /** Known place names, Remote and the cities of open postings containing the text, those starting with it first. */
    List<String> locations(String text, int max) {
        Map<String, String> byFolded = new LinkedHashMap<>();
        byFolded.put(Text.fold(REMOTE), REMOTE);
        Places.names().forEach(name -> byFolded.putIfAbsent(Text.fold(name), name));
        for (Location location : database.read(postings::openLocations)) {
            if (location.city() != null && !location.city().isBlank()) {
                byFolded.putIfAbsent(Text.fold(location.city()), location.city());
            }
        }
        return ranked(byFolded.values(), text == null ? "" : text.strip(), max);
    }

    /** The normalised cities and raw texts of open postings' locations, which filters also accept. */
    Set<String> placeNames() {
        Set<String> names = new HashSet<>();
        for (Location location : database.read(postings::openLocations)) {
            for (String name : new String[] {location.city(), location.raw()}) {
                if (name != null && !name.isBlank()) {
                    names.add(PostingFacts.normalize(name));
                }
            }
        }
        return names;
    }

    private static List<String> ranked(Iterable<String> names, String text, int max) {
        String wanted = Text.fold(text);
        Comparator<String> alphabetical = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
        TreeSet<String> starting = new TreeSet<>(alphabetical);
        TreeSet<String> containing = new TreeSet<>(alphabetical);
        for (String name : names) {
            String folded = Text.fold(name);
            if (folded.startsWith(wanted)) {
                starting.add(name);
            } else if (folded.contains(wanted)) {
                containing.add(name);
            }
        }
        List<String> out = new ArrayList<>(starting);
        out.addAll(containing);
        return List.copyOf(out.subList(0, Math.min(Math.max(0, max), out.size())));
    }
}
