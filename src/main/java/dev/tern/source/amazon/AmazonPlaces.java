package dev.tern.source.amazon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Amazon's locations as Tern reads them: {@code city}, {@code state} and a {@code country_code} of three letters
 * ("USA", "IND") become "Seattle, WA, United States"; the older {@code location}, written country first ("CA, BC,
 * Vancouver"), is turned around ("Vancouver, BC, Canada"). Country codes name their country in English.
 */
final class AmazonPlaces {

    private static final Map<String, String> COUNTRIES = countries();

    private AmazonPlaces() {}

    /** City, state and country joined, or empty when all three are absent. */
    static Optional<String> of(String city, String state, String countryCode) {
        List<String> parts = new ArrayList<>();
        for (String part : Arrays.asList(city, state, country(countryCode))) {
            if (part != null && !part.isBlank() && !parts.contains(part.strip())) {
                parts.add(part.strip());
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }

    /** "CA, BC, Vancouver" as "Vancouver, BC, Canada"; null for null or blank. */
    static String countryFirst(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        List<String> parts = new ArrayList<>(Arrays.stream(location.split(","))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .toList());
        if (parts.isEmpty()) {
            return null;
        }
        parts.set(0, country(parts.getFirst()));
        return String.join(", ", parts.reversed());
    }

    /** A two- or three-letter ISO country code as its English name; anything else as it is. */
    static String country(String code) {
        if (code == null) {
            return null;
        }
        return COUNTRIES.getOrDefault(code.strip().toUpperCase(Locale.ROOT), code.strip());
    }

    private static Map<String, String> countries() {
        Map<String, String> names = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            String name = country.getDisplayCountry(Locale.ENGLISH);
            names.put(code, name);
            names.put(country.getISO3Country(), name);
        }
        return Map.copyOf(names);
    }
}
