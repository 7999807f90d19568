package dev.tern.posting;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one location piece ("Seattle, WA", "Remote in USA", "Toronto, ON, Canada") into a {@link Location} by
 * resolving its tail (state, province or country) against the {@link Gazetteer}. Splitting lists is
 * {@link Locations}' job; this class only says whether a piece looks like a list.
 */
final class LocationParser {

    /**
     * @param location what the piece says
     * @param recognised whether a country, or a remote or on-site marker, was found
     * @param listLike whether the piece looks like several locations ("San Francisco, CA, New York, NY")
     */
    record Reading(Location location, boolean recognised, boolean listLike) {}

    /** A resolved place before it becomes a {@link Location}. */
    private record Place(String city, String region, String country, boolean listLike) {
        static final Place NONE = new Place(null, null, null, false);
    }

    private static final Set<String> NOT_PLACES = Set.of(
            "multiple locations", "various", "various locations", "tbd", "tba", "n/a", "na", "flexible", "none", "-");
    private static final Pattern PARENTHETICAL = Pattern.compile("\\s*\\([^)]*\\)");
    private static final Pattern AREA_WORDS = Pattern.compile(
            "^greater\\s+|\\s+(?:metro(?:politan)?(?:\\s+area)?|area|region)$", Pattern.CASE_INSENSITIVE);
    private static final int MAX_PLACE_NAME = 80;
    private static final int KNOWN_CITIES_IN_A_LIST = 2;

    private LocationParser() {}

    /** Reads one cleaned piece of location text. */
    static Reading read(String raw) {
        WorkplaceMarkers.Reading marker = WorkplaceMarkers.read(raw);
        Place place = place(marker.place());
        boolean hasMarker = marker.remote() || marker.onSite();
        if (marker.remote() && place.country() == null) {
            place = Place.NONE;
        }
        boolean listLike = place.listLike() || (marker.markerIsOwnPart() && place.city() != null);
        Location location = new Location(raw, place.city(), place.region(), place.country(), marker.remote());
        return new Reading(location, place.country() != null || hasMarker, listLike);
    }

    private static Place place(String text) {
        if (text.isEmpty()) {
            return Place.NONE;
        }
        Gazetteer.City whole = Gazetteer.city(text);
        if (whole != null) {
            return new Place(whole.name(), whole.region(), whole.country(), false);
        }
        String[] parts = Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toArray(String[]::new);
        if (parts.length == 1) {
            return single(parts[0]);
        }
        return parts.length == 0 ? Place.NONE : several(parts);
    }

    private static Place single(String text) {
        Gazetteer.City city = Gazetteer.city(text);
        if (city != null) {
            return new Place(city.name(), city.region(), city.country(), false);
        }
        Gazetteer.Region region = Gazetteer.regionByName(text);
        if (region != null) {
            return new Place(null, region.code(), region.country(), false);
        }
        String country = Gazetteer.country(text);
        if (country != null) {
            return new Place(null, null, country, false);
        }
        region = Gazetteer.regionByCode(text);
        if (region != null && text.equals(region.code())) {
            return new Place(null, region.code(), region.country(), false);
        }
        String simpler =
                AREA_WORDS.matcher(PARENTHETICAL.matcher(text).replaceAll("")).replaceAll("");
        if (!simpler.equals(text) && !simpler.isBlank()) {
            Place retried = single(simpler);
            return retried.country() != null ? retried : new Place(placeName(simpler), null, null, false);
        }
        return new Place(placeName(text), null, null, false);
    }

    /** "City, ST", "City, Country", "City, ST, Country", "Area, City, ST, Country", "City, Region, Country". */
    private static Place several(String[] parts) {
        int end = parts.length - 1;
        Gazetteer.Region region = Gazetteer.region(parts[end]);
        String country = Gazetteer.country(parts[end]);
        if (region != null && country != null) {
            region = preferCountry(parts[0], region, country) ? null : region;
        }
        if (region != null) {
            country = region.country();
        } else if (country != null && end >= 2) {
            Gazetteer.Region before = Gazetteer.region(parts[end - 1]);
            if (before != null && before.country().equals(country)) {
                region = before;
                end--;
            }
        }
        if (country == null) {
            Gazetteer.City known = Gazetteer.city(parts[0]);
            return known != null
                    ? new Place(known.name(), known.region(), known.country(), true)
                    : new Place(placeName(parts[0]), null, null, true);
        }
        List<String> rest = List.of(parts).subList(0, end);
        boolean listLike = looksLikeList(rest);
        if (region != null) {
            return withCity(rest.getLast(), region.code(), country, listLike);
        }
        Place place = withCity(rest.getFirst(), null, country, listLike);
        if (rest.size() > 1 && place.region() == null) {
            return new Place(place.city(), rest.getLast(), country, listLike);
        }
        return place;
    }

    /** "Berlin, DE" is Germany and "Toronto, CA" is Canada; "Wilmington, DE" stays Delaware. */
    private static boolean preferCountry(String first, Gazetteer.Region region, String country) {
        Gazetteer.City known = Gazetteer.city(first);
        return known != null && known.country().equals(country) && !country.equals(region.country());
    }

    private static Place withCity(String piece, String region, String country, boolean listLike) {
        Gazetteer.City known = Gazetteer.city(piece);
        if (known != null
                && known.country().equals(country)
                && (region == null || known.region() == null || known.region().equals(region))) {
            return new Place(known.name(), region != null ? region : known.region(), country, listLike);
        }
        if (Gazetteer.country(piece) != null) {
            return new Place(null, region, country, listLike);
        }
        Gazetteer.Region named = Gazetteer.regionByName(piece);
        if (named != null && named.country().equals(country)) {
            return new Place(null, region != null ? region : named.code(), country, listLike);
        }
        String city = PARENTHETICAL.matcher(piece).replaceAll("");
        return new Place(placeName(city.isBlank() ? piece : city), region, country, listLike);
    }

    private static boolean looksLikeList(List<String> rest) {
        int knownCities = 0;
        for (String part : rest) {
            Gazetteer.Region code = Gazetteer.regionByCode(part);
            boolean isCode = code != null && part.equals(code.code());
            boolean isCountry = Gazetteer.country(part) != null && Gazetteer.city(part) == null;
            if (isCode || isCountry || WorkplaceMarkers.marksRemote(part)) {
                return true;
            }
            knownCities += Gazetteer.city(part) != null ? 1 : 0;
        }
        return knownCities >= KNOWN_CITIES_IN_A_LIST;
    }

    /** The text as a city name when it could be one, else null ("Multiple Locations", "TBD"). */
    private static String placeName(String text) {
        String name = text.strip();
        if (name.isEmpty() || name.length() > MAX_PLACE_NAME || NOT_PLACES.contains(Text.fold(name))) {
            return null;
        }
        return name.chars().anyMatch(Character::isLetter) ? name : null;
    }
}
