package dev.tern.posting;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * A place a user or route asks for ("United States", "CA", "Seattle", "NYC", "Remote"), reduced to the one match
 * key it stands for; see {@link Places} for the key contract. Two-letter codes are read as US states or Canadian
 * provinces first ("CA" is California, "DE" Delaware), then as ISO country codes; "US" and "UK" are countries.
 *
 * @param text the cleaned text as given
 * @param key the single key this query matches on ("country:us", "city:seattle", "remote")
 * @param known whether the place is in Tern's tables; an unknown name still matches cities spelled that way
 */
public record PlaceQuery(String text, String key, boolean known) {

    private static final int MAX_QUERY_LENGTH = 100;
    private static final int CODE_LENGTH = 2;

    /** Reads a place query; empty when the text is blank, too long or names no place at all ("Hybrid", "123"). */
    public static Optional<PlaceQuery> parse(String userText) {
        String text = Text.clean(userText);
        if (text.isEmpty() || text.length() > MAX_QUERY_LENGTH || text.chars().noneMatch(Character::isLetter)) {
            return Optional.empty();
        }
        WorkplaceMarkers.Reading marker = WorkplaceMarkers.read(text);
        if (marker.remote()) {
            return Optional.of(remote(text, marker.place()));
        }
        String key = wholeName(text);
        if (key != null) {
            return Optional.of(new PlaceQuery(text, key, true));
        }
        LocationParser.Reading reading = LocationParser.read(text);
        Location location = reading.location();
        if (location.city() != null) {
            String cityKey = Places.cityKey(location, text.indexOf(',') >= 0);
            return Optional.of(new PlaceQuery(text, cityKey, reading.recognised()));
        }
        if (location.region() != null && location.country() != null) {
            return Optional.of(new PlaceQuery(text, Places.regionKey(location.country(), location.region()), true));
        }
        return Optional.ofNullable(location.country())
                .map(country -> new PlaceQuery(text, Places.countryKey(country), true));
    }

    /** Whether the location is in this place: {@code Places.keysOf(location).contains(key())}. */
    public boolean matches(Location location) {
        return Places.keysOf(location).contains(key);
    }

    /** Whether any of the locations is in this place. */
    public boolean matchesAny(Collection<Location> locations) {
        return locations.stream().anyMatch(this::matches);
    }

    private static PlaceQuery remote(String text, String place) {
        String country =
                place.isEmpty() ? null : LocationParser.read(place).location().country();
        String key = country == null ? Places.REMOTE : Places.REMOTE + ":" + country.toLowerCase(Locale.ROOT);
        return new PlaceQuery(text, key, place.isEmpty() || country != null);
    }

    /** Names that read differently as a query than inside a posting: city-states and bare codes. */
    private static String wholeName(String text) {
        String country = Gazetteer.countryByName(text);
        Gazetteer.City city = Gazetteer.city(text);
        if (country != null && city != null && city.country().equals(country)) {
            return Places.countryKey(country); // "Singapore", "Hong Kong": the whole country
        }
        if (country != null || city != null || text.length() > CODE_LENGTH + 1) {
            return null;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        Gazetteer.Region region = text.length() == CODE_LENGTH ? Gazetteer.regionByCode(upper) : null;
        if (region != null) {
            return Places.regionKey(region.country(), region.code());
        }
        String code = Gazetteer.countryByCode(upper);
        return code == null ? null : Places.countryKey(code);
    }
}
