package dev.tern.deliver;

/**
 * Delivering to a target failed. A permanent failure (channel gone, DMs closed) is not retried; a transient one
 * is retried with backoff. {@link Kind} says what a permanent failure means for the target.
 */
public final class DeliveryException extends Exception {

    /** What went wrong, as far as the target is concerned. */
    public enum Kind {
        /** Worth retrying later (5xx, timeouts, rate limits). */
        TRANSIENT,
        /** The target is gone or Tern may not post there (Discord 10003, 50001): mark it broken. */
        TARGET_GONE,
        /** The recipient refuses messages (Discord 50007, DMs closed): pause what sends there. */
        RECIPIENT_CLOSED,
        /** This message can never be sent, but the target is fine. */
        REJECTED
    }

    private final Kind kind;

    private DeliveryException(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** Retrying cannot help, and the target itself is fine. */
    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, Kind.REJECTED, null);
    }

    /** Retrying cannot help, for the reason {@code kind} gives. */
    public static DeliveryException permanent(Kind kind, String message) {
        if (kind == Kind.TRANSIENT) {
            throw new IllegalArgumentException("a permanent failure cannot be TRANSIENT");
        }
        return new DeliveryException(message, kind, null);
    }

    /** Worth retrying later. */
    public static DeliveryException transientFailure(String message, Throwable cause) {
        return new DeliveryException(message, Kind.TRANSIENT, cause);
    }

    public boolean isPermanent() {
        return kind != Kind.TRANSIENT;
    }

    public Kind kind() {
        return kind;
    }
}
