package dev.tern.posting;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Place matching keys and place-name help. Every {@link Location} has a set of normalised keys, and every
 * {@link PlaceQuery} has exactly one; <b>a query matches a location if and only if
 * {@code keysOf(location).contains(query.key())}</b>. The subscription index relies on this: it buckets
 * subscriptions by their query key and looks up each posting's keys, instead of testing every subscription.
 *
 * <p>Keys: {@code remote} and {@code remote:us} (remote, and remote within a country), {@code country:us},
 * {@code region:us-wa}, {@code city:seattle}, and the qualified {@code city:us:seattle} and
 * {@code city:us-wa:seattle}. Names are folded ({@link Text#fold}): lower case, no accents, no dots.
 */
public final class Places {

    static final String REMOTE = "remote";
    private static final int MAX_SUGGESTION_INPUT = 64;
    private static final int MAX_DISTANCE = 3;
    private static final int LETTERS_PER_ALLOWED_EDIT = 3;

    private Places() {}

    /** Every key a location matches on; empty for a location with nothing recognised or named. */
    public static Set<String> keysOf(Location location) {
        Set<String> keys = new LinkedHashSet<>();
        String country = lower(location.country());
        String region = location.region() == null ? null : Text.fold(location.region());
        if (location.remote()) {
            keys.add(REMOTE);
            if (country != null) {
                keys.add(REMOTE + ":" + country);
            }
        }
        if (country != null) {
            keys.add(countryKey(country));
            if (region != null) {
                keys.add(regionKey(country, region));
            }
        }
        if (location.city() != null) {
            String city = Text.fold(location.city());
            keys.add("city:" + city);
            if (country != null) {
                keys.add("city:" + country + ":" + city);
                if (region != null) {
                    keys.add("city:" + country + "-" + region + ":" + city);
                }
            }
        }
        return keys;
    }

    /** The union of the keys of several locations (a posting's). */
    public static Set<String> keysOf(Collection<Location> locations) {
        Set<String> keys = new LinkedHashSet<>();
        for (Location location : locations) {
            keys.addAll(keysOf(location));
        }
        return keys;
    }

    /** Whether the text names a place Tern knows (a country, state, province, known city or alias, or "Remote"). */
    public static boolean isKnown(String text) {
        return PlaceQuery.parse(text).map(PlaceQuery::known).orElse(false);
    }

    /** Every place name and alias Tern knows ("Singapore", "Seattle", "NYC", ...), for autocomplete. */
    public static Set<String> names() {
        return Gazetteer.knownNames();
    }

    /** Up to {@code max} known place names close to the text (edit distance), nearest first: "Seatle" → Seattle. */
    public static List<String> suggestions(String text, int max) {
        String wanted = Text.fold(text);
        if (wanted.isEmpty() || wanted.length() > MAX_SUGGESTION_INPUT || max <= 0) {
            return List.of();
        }
        int allowed = Math.max(1, Math.min(MAX_DISTANCE, wanted.length() / LETTERS_PER_ALLOWED_EDIT));
        Map<String, Integer> distances = new LinkedHashMap<>();
        for (String name : Gazetteer.knownNames()) {
            int distance = Levenshtein.distance(wanted, Text.fold(name), allowed);
            if (distance <= allowed) {
                distances.merge(name, distance, Math::min);
            }
        }
        List<String> names = new ArrayList<>(distances.keySet());
        names.sort(Comparator.comparing((String name) -> distances.get(name)).thenComparing(Comparator.naturalOrder()));
        return List.copyOf(names.subList(0, Math.min(max, names.size())));
    }

    static String countryKey(String country) {
        return "country:" + lower(country);
    }

    static String regionKey(String country, String region) {
        return "region:" + lower(country) + "-" + Text.fold(region);
    }

    static String cityKey(Location location, boolean qualified) {
        String city = "city:";
        if (qualified && location.country() != null) {
            city += lower(location.country());
            city += location.region() == null ? "" : "-" + Text.fold(location.region());
            city += ":";
        }
        return city + Text.fold(location.city());
    }

    private static String lower(String code) {
        return code == null ? null : code.toLowerCase(Locale.ROOT);
    }
}
