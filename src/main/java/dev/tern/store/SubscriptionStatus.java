package dev.tern.store;

/** Whether a user subscription still delivers. */
public enum SubscriptionStatus {
    /** Matched and delivered (unless paused). */
    ACTIVE,
    /** Its target failed for good (channel deleted, access lost): no longer matched. */
    BROKEN
}
