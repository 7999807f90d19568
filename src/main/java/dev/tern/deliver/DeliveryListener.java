package dev.tern.deliver;

/** Told what became of each batch of alerts the outbox worker tried to deliver (metrics count them). */
@FunctionalInterface
public interface DeliveryListener {

    /** Counts nothing. */
    DeliveryListener NONE = (target, outcome, alerts) -> {};

    /**
     * @param target where the alerts went
     * @param outcome what became of them
     * @param alerts how many alerts
     */
    void delivered(String target, Outcome outcome, int alerts);

    /** What became of an attempt. */
    enum Outcome {
        /** Delivered. */
        SENT,
        /** Failed for now; tried again later. */
        RETRIED,
        /** Given up on: refused for good, or out of attempts. */
        FAILED,
        /** Given up on because the target is gone or its recipient refuses messages; the target is marked. */
        BROKEN
    }
}
