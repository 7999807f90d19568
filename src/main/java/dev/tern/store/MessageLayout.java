package dev.tern.store;

/** How an outbox message shows its alerts, fixed when the message is formed. */
public enum MessageLayout {
    /** One entry per alert (on Discord: an embed and an Apply button each). */
    ITEMS,
    /** One compact list for many alerts at once. */
    DIGEST
}
