package dev.tern.posting;

import java.util.Locale;

/**
 * Cross-source identity of a posting: {@code url:} plus the canonical URL when there is one, else {@code ctl:}
 * plus the normalised company, title and first location. Readable when short; longer ones are hashed
 * ({@code sha256:} plus 32 hex digits) so that the outbox's unique index stays small on every database.
 */
public final class Fingerprints {

    /** Longest fingerprint kept readable. */
    public static final int MAX_READABLE = 200;

    private static final int HASH_HEX_DIGITS = 32;

    private Fingerprints() {}

    /** The fingerprint; every argument may be null or blank. */
    public static String of(String url, String company, String title, Location firstLocation) {
        String canonical = Urls.canonical(url);
        String readable = canonical.isEmpty()
                ? "ctl:" + fold(company) + "|" + fold(title) + "|" + fold(placeOf(firstLocation))
                : "url:" + canonical;
        return readable.length() <= MAX_READABLE ? readable : "sha256:" + sha256(readable);
    }

    private static String placeOf(Location location) {
        return location == null ? "" : location.display();
    }

    private static String fold(String text) {
        return Text.clean(text).toLowerCase(Locale.ROOT);
    }

    private static String sha256(String text) {
        return Hashes.sha256(text, HASH_HEX_DIGITS);
    }
}
