package dev.tern.source;

/**
 * A poll of a source failed: the network, the server, or the body. The message names the URL and says what went
 * wrong, and never contains credentials.
 */
public class FetchException extends Exception {

    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
