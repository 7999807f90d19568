package dev.tern.source;

import java.net.URI;
import java.time.Duration;

/**
 * The one HTTP client every source uses: a User-Agent naming Tern, gzip, connect and request timeouts, a body size
 * cap, conditional GET, one retry with backoff on connection errors and 5xx, and a bounded wait on 429
 * Retry-After. (Contract stub: the source work fills it in.)
 */
public final class Http {

    /**
     * @param timeout connect and request timeout
     * @param maxBodySize the largest body accepted, in bytes
     * @param userAgent the User-Agent header value
     */
    public Http(Duration timeout, long maxBodySize, String userAgent) {
        throw new UnsupportedOperationException("not built yet");
    }

    /** GET with conditional headers from {@code tags}; a 304 gives a response whose {@code notModified()} is true. */
    public Response get(URI uri, CacheTags tags) throws FetchException, InterruptedException {
        throw new UnsupportedOperationException("not built yet");
    }

    /** POST a body of the given content type. */
    public Response post(URI uri, String contentType, byte[] body) throws FetchException, InterruptedException {
        throw new UnsupportedOperationException("not built yet");
    }

    /**
     * A successful (2xx or 304) answer.
     *
     * @param status the status code
     * @param body the body, decompressed (empty for 304)
     * @param tags the ETag / Last-Modified it carried
     * @param uri where it came from
     */
    public record Response(int status, byte[] body, CacheTags tags, URI uri) {
        public boolean notModified() {
            return status == 304;
        }
    }
}
