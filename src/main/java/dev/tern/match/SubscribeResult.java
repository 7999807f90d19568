package dev.tern.match;

import dev.tern.posting.Posting;
import java.util.List;

/** What {@link SubscriptionService#subscribe} did: created, found a duplicate, refused an option, or hit the limit. */
public sealed interface SubscribeResult {

    /**
     * The subscription was stored and is matched from now on.
     *
     * @param id its id
     * @param description the filter in words
     * @param target where its alerts go
     * @param openMatches how many open postings match it now
     * @param samples up to three of them, newest first
     * @param paused whether it starts paused (the user is paused)
     */
    record Created(long id, String description, String target, int openMatches, List<Posting> samples, boolean paused)
            implements SubscribeResult {
        public Created {
            samples = List.copyOf(samples);
        }
    }

    /**
     * The user already has this subscription (same filter, same target); nothing was added.
     *
     * @param existingId the id of the one they have
     * @param description the filter in words
     */
    record Duplicate(long existingId, String description) implements SubscribeResult {}

    /**
     * An option is wrong.
     *
     * @param option the option's name as the command shows it ({@code keywords}, {@code location},
     *     {@code start_year}, {@code company}, or {@code filter} when no filter option was given at all)
     * @param problem what is wrong, in a sentence
     * @param example a value (or, for {@code filter}, options) that works
     * @param suggestions close values that would work (unknown locations), nearest first; often empty
     */
    record Invalid(String option, String problem, String example, List<String> suggestions) implements SubscribeResult {
        public Invalid {
            suggestions = List.copyOf(suggestions);
        }
    }

    /**
     * The user has as many subscriptions as allowed.
     *
     * @param limit the limit ({@code discord.maxSubscriptionsPerUser})
     */
    record LimitReached(int limit) implements SubscribeResult {}
}
