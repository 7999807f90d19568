package dev.tern.deliver;

/**
 * Delivering to a target failed. A permanent failure (channel gone, DMs closed) is not retried; a transient one
 * is retried with backoff.
 */
public final class DeliveryException extends Exception {

    private final boolean permanent;

    private DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** Retrying cannot help: the target is gone or refuses. */
    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, true, null);
    }

    /** Worth retrying later. */
    public static DeliveryException transientFailure(String message, Throwable cause) {
        return new DeliveryException(message, false, cause);
    }

    public boolean isPermanent() {
        return permanent;
    }
}
