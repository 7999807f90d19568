package dev.tern.source;

/** A source answered with a status that is not a success (and not 304). */
public final class HttpStatusException extends FetchException {

    private final int status;
    private final String url;

    public HttpStatusException(int status, String url) {
        super("HTTP " + status + " from " + url);
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
