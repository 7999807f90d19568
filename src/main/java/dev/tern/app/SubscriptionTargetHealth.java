package dev.tern.app;

import dev.tern.deliver.TargetHealth;
import dev.tern.match.SubscriptionService;

/**
 * Connects the delivery stage's permanent failures to subscriptions: a gone target is marked broken, closed DMs
 * pause the user's DM subscriptions. The delivery stage cannot call the match stage itself, so the wiring does.
 */
final class SubscriptionTargetHealth implements TargetHealth {

    private final SubscriptionService subscriptions;

    SubscriptionTargetHealth(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public void targetGone(String target, String reason) {
        subscriptions.markTargetBroken(target, reason);
    }

    @Override
    public void recipientClosed(String target, String reason) {
        subscriptions.pauseForClosedDms(target, reason);
    }
}
