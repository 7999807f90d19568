package dev.tern.posting;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A place a user asked for ("United States", "Seattle", "Remote"), reduced to one key of {@link Places}.
 *
 * <p>Minimal stand-in written by the matching work (it knows only a few names); the normalising work's version
 * replaces this file on merge and keeps the same API.
 */
public final class PlaceQuery {

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("united states", "country:us"),
            Map.entry("usa", "country:us"),
            Map.entry("us", "country:us"),
            Map.entry("canada", "country:ca"),
            Map.entry("singapore", "country:sg"),
            Map.entry("united kingdom", "country:gb"),
            Map.entry("uk", "country:gb"),
            Map.entry("washington", "region:us-wa"),
            Map.entry("california", "region:us-ca"),
            Map.entry("ontario", "region:ca-on"),
            Map.entry("seattle", "city:seattle"),
            Map.entry("new york", "city:new york"),
            Map.entry("nyc", "city:new york"),
            Map.entry("san francisco", "city:san francisco"),
            Map.entry("toronto", "city:toronto"),
            Map.entry("london", "city:london"),
            Map.entry("remote", Places.REMOTE));

    private final String key;

    private PlaceQuery(String key) {
        this.key = key;
    }

    /** The place the user's text names, or empty when it names no place this class knows. */
    public static Optional<PlaceQuery> parse(String userText) {
        if (userText == null) {
            return Optional.empty();
        }
        String name = userText.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return Optional.ofNullable(KNOWN.get(name)).map(PlaceQuery::new);
    }

    /** Whether the location is at this place. */
    public boolean matches(Location location) {
        return Places.keysOf(location).contains(key);
    }

    /** The key of this place among {@link Places#keysOf(Location)}. */
    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PlaceQuery that && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key);
    }

    @Override
    public String toString() {
        return key;
    }
}
