package dev.tern.source;

/** A source answered with a status that is not a success (and not 304). */
public final class HttpStatusException extends FetchException {

    private final int status;
    private final String url;

    public HttpStatusException(int status, String url) {
        this(status, url, "HTTP " + status + " from " + url);
    }

    /** With a message that tells the admin what the status means for this source ("no Lever site named x"). */
    public HttpStatusException(int status, String url, String message) {
        super(message);
        this.status = status;
        this.url = url;
    }

    public int status() {
        return status;
    }

    public String url() {
        return url;
    }
}
