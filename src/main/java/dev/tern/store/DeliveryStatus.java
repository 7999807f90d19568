package dev.tern.store;

/** Where an outbox row stands. */
public enum DeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** Delivered. */
    SENT,
    /** Given up on; reported, never retried. */
    FAILED
}
