package dev.tern.store;

import java.time.Instant;

/**
 * A user subscription as stored.
 *
 * @param id the subscription id users see and type
 * @param userId the Discord user who made it
 * @param guildId the server it was made in, or null (a DM)
 * @param channelId the channel it was made in, or null
 * @param target where its alerts go ({@code discord:user/<id>} or {@code discord:channel/<id>})
 * @param filterJson the filter, as JSON
 * @param filterKey a hash of the filter's canonical form, for duplicate detection
 * @param status active or broken
 * @param pausedUntil until when it is paused, or null
 * @param skipped alerts it did not queue while paused
 * @param createdAt when it was made
 */
public record StoredSubscription(
        long id,
        String userId,
        String guildId,
        String channelId,
        String target,
        String filterJson,
        String filterKey,
        SubscriptionStatus status,
        Instant pausedUntil,
        int skipped,
        Instant createdAt) {}
