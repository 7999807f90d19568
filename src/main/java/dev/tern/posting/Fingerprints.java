package dev.tern.posting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Cross-source identity of a posting: {@code url:} plus the canonical URL when there is one, else {@code ctl:}
 * plus the normalised company, title and first location. Readable when short; longer ones are hashed
 * ({@code sha256:} plus 32 hex digits) so they always fit the store's 255-character column.
 */
public final class Fingerprints {

    /** Longest fingerprint kept readable; the store's column holds 255. */
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
