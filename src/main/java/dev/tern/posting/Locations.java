package dev.tern.posting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads free-text locations. Multi-location strings are split on {@code ;}, {@code |}, {@code " / "}, newlines and
 * {@code " or "} always, and on commas and {@code " and "} only when every piece is a place on its own ("NYC, SF",
 * "San Francisco, CA, New York, NY"), so that "Toronto, ON, Canada" stays one location. Results are cached, since
 * big sources repeat the same few hundred strings thousands of times.
 */
public final class Locations {

    private static final Pattern HARD_SEPARATORS =
            Pattern.compile("\\s*(?:[;|\\n\\r•]|\\s/\\s|\\s+or\\s+)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SOFT_SEPARATORS =
            Pattern.compile("\\s*,\\s*(?:(?:and|&)\\s+)?|\\s+(?:and|&)\\s+", Pattern.CASE_INSENSITIVE);
    private static final int MAX_CACHED = 20_000;
    private static final Map<String, List<Location>> CACHE = new ConcurrentHashMap<>();

    private Locations() {}

    /**
     * Splits and recognises one raw location string: "NYC; San Francisco, CA" gives two locations. Each location
     * keeps the piece of text it came from as {@link Location#raw()}; null or blank text gives an empty list.
     */
    public static List<Location> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<Location> cached = CACHE.get(raw);
        if (cached != null) {
            return cached;
        }
        List<Location> parsed = List.copyOf(read(raw));
        if (CACHE.size() >= MAX_CACHED) {
            CACHE.clear(); // crude but bounded: a real source has far fewer distinct strings than this
        }
        CACHE.put(raw, parsed);
        return parsed;
    }

    /** Whether the raw text marks on-site or hybrid work ("Hybrid - NYC", "On-site"). */
    static boolean marksOnSite(String raw) {
        return raw != null && WorkplaceMarkers.marksOnSite(raw);
    }

    private static List<Location> read(String raw) {
        List<Location> out = new ArrayList<>();
        for (String piece : HARD_SEPARATORS.split(raw)) {
            String cleaned = Text.clean(piece);
            if (!cleaned.isEmpty()) {
                out.addAll(readPiece(cleaned));
            }
        }
        return out;
    }

    private static List<Location> readPiece(String piece) {
        LocationParser.Reading whole = LocationParser.read(piece);
        if (whole.recognised() && !whole.listLike()) {
            return List.of(whole.location());
        }
        List<Location> split = splitList(piece);
        return split != null ? split : List.of(whole.location());
    }

    /** The piece as a list of places, or null when it does not read as one. */
    private static List<Location> splitList(String piece) {
        List<String> parts = new ArrayList<>();
        for (String part : SOFT_SEPARATORS.split(piece)) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        List<List<String>> groups = group(parts);
        if (groups.size() < 2) {
            return null;
        }
        List<Location> out = new ArrayList<>(groups.size());
        for (List<String> group : groups) {
            LocationParser.Reading reading = LocationParser.read(String.join(", ", group));
            if (!reading.recognised()) {
                return null;
            }
            out.add(reading.location());
        }
        return out;
    }

    /** Groups "City", then at most one region, then at most one country: [[Boston, MA], [New York, NY, USA]]. */
    private static List<List<String>> group(List<String> parts) {
        List<List<String>> groups = new ArrayList<>();
        List<String> current = null;
        int stage = 0; // 0 after a city, 1 after a region, 2 after a country
        for (String part : parts) {
            if (current != null && stage < 1 && Gazetteer.region(part) != null && Gazetteer.city(part) == null) {
                current.add(part);
                stage = 1;
            } else if (current != null
                    && stage < 2
                    && Gazetteer.country(part) != null
                    && Gazetteer.city(part) == null) {
                current.add(part);
                stage = 2;
            } else {
                current = new ArrayList<>(List.of(part));
                groups.add(current);
                stage = 0;
            }
        }
        return groups;
    }
}
