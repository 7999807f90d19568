package dev.tern.match;

import dev.tern.config.FilterConfig;
import dev.tern.config.Target;
import java.time.Instant;

/**
 * One of a user's subscriptions, as {@code /subscriptions} lists it.
 *
 * @param id the id to type in {@code /unsubscribe}
 * @param description the filter in words
 * @param filter the filter itself
 * @param target {@code discord:user/<id>} (by DM) or {@code discord:channel/<id>} (in that channel)
 * @param broken whether its target failed for good, so that it no longer delivers
 * @param pausedUntil until when it is paused ({@link SubscriptionService#INDEFINITELY} for until /resume), or
 *     null when it is not paused now
 * @param createdAt when it was made
 */
public record UserSubscription(
        long id,
        String description,
        FilterConfig filter,
        String target,
        boolean broken,
        Instant pausedUntil,
        Instant createdAt) {

    /** Whether it is paused now. */
    public boolean paused() {
        return pausedUntil != null;
    }

    /** Whether its alerts come by DM. */
    public boolean byDm() {
        return Target.parse(target) instanceof Target.DiscordUser;
    }
}
