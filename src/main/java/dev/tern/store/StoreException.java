package dev.tern.store;

/** A database operation failed; the message names the operation and the database's reason. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
