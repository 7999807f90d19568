package dev.tern.source.web;

import dev.tern.posting.Hashes;
import java.net.URI;
import java.util.Locale;

/** Ids for postings whose source gives none: the canonical link, else a short hash of the title. */
public final class PostingIds {

    private static final int HASH_HEX_CHARS = 16;

    private PostingIds() {}

    /** The canonical form of {@code link} when there is one, else {@code "title#" + hash(title)}. */
    public static String of(String link, String title) {
        String canonical = canonicalLink(link);
        return canonical != null ? canonical : "title#" + shortHash(title == null ? "" : title);
    }

    /** The link with scheme and host lower-cased and the fragment dropped, or null when it is not an absolute URL. */
    public static String canonicalLink(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(link.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return null;
            }
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            return uri.getScheme().toLowerCase(Locale.ROOT) + "://"
                    + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path + query;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The first 16 hex characters of the SHA-256 of {@code text}: stable from poll to poll. */
    public static String shortHash(String text) {
        return Hashes.sha256(text, HASH_HEX_CHARS);
    }
}
