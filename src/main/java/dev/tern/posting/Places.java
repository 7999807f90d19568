package dev.tern.posting;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The place keys a location can be found under: its country, region, city and remote marker. A {@link PlaceQuery}
 * matches a location exactly when the location's keys contain the query's key.
 *
 * <p>Minimal stand-in written by the matching work so that it compiles and tests on its own; the normalising
 * work's version replaces this file on merge and keeps the same API.
 */
public final class Places {

    static final String REMOTE = "remote";

    private Places() {}

    /** Every key the location is filed under ("country:us", "region:us-wa", "city:seattle", "remote"). */
    public static Set<String> keysOf(Location location) {
        Set<String> keys = new LinkedHashSet<>();
        String country = lower(location.country());
        String region = lower(location.region());
        String city = lower(location.city());
        if (country != null) {
            keys.add("country:" + country);
            if (region != null) {
                keys.add("region:" + country + "-" + region);
            }
        }
        if (city != null) {
            keys.add("city:" + city);
        }
        if (location.remote()) {
            keys.add(REMOTE);
        }
        return keys;
    }

    private static String lower(String text) {
        return text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    }
}
