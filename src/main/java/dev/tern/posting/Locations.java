package dev.tern.posting;

import java.util.List;

/** Reads free-text locations. (Contract stub: the normalising work fills it in.) */
public final class Locations {

    private Locations() {}

    /** Splits and recognises one raw location string: "NYC; San Francisco, CA" gives two locations. */
    public static List<Location> parse(String raw) {
        return raw == null || raw.isBlank() ? List.of() : List.of(new Location(raw.strip(), null, null, null, false));
    }
}
