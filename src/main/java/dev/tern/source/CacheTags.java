package dev.tern.source;

/**
 * The validators of a previous response, sent back for a conditional GET.
 *
 * @param etag the ETag header, or null
 * @param lastModified the Last-Modified header, or null
 */
public record CacheTags(String etag, String lastModified) {

    public static final CacheTags NONE = new CacheTags(null, null);

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
