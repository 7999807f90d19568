package dev.tern.store;

/** Whether a stored posting is still open, as its {@code status} column says. */
public enum PostingStatus {
    /** Listed by its source, or missing from fewer polls than close it. */
    OPEN,
    /** Closed by its source, or missing from enough consecutive successful polls. */
    CLOSED
}
