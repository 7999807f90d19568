package dev.tern.deliver;

/**
 * Told when delivering to a target failed for good, so that what sends there can stop: a broken route or
 * subscription is reported to admins, a subscription whose recipient closed DMs is paused.
 */
public interface TargetHealth {

    /** Nothing to do: for deliveries without subscriptions (console, tests). */
    TargetHealth IGNORE = new TargetHealth() {
        @Override
        public void targetGone(String target, String reason) {}

        @Override
        public void recipientClosed(String target, String reason) {}
    };

    /** The target is gone or Tern may not post there (a deleted channel, missing access). */
    void targetGone(String target, String reason);

    /** The recipient refuses messages (DMs closed). */
    void recipientClosed(String target, String reason);
}
