package dev.tern.web;

/** The status server could not listen where the {@code http} section says; the message says what to change. */
public final class WebStartException extends Exception {

    private static final long serialVersionUID = 1L;

    WebStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
