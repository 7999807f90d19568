package dev.tern.match;

import dev.tern.config.DiscordConfig;
import dev.tern.config.FilterConfig;
import dev.tern.config.SourceConfig;
import dev.tern.config.Target;
import dev.tern.posting.Posting;
import dev.tern.store.Database;
import dev.tern.store.DiscordUser;
import dev.tern.store.DiscordUserStore;
import dev.tern.store.StoredSubscription;
import dev.tern.store.Stores;
import dev.tern.store.SubscriptionStatus;
import dev.tern.store.SubscriptionStore;
import dev.tern.store.SubscriptionStore.NewSubscription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What users do with Tern, in plain Java for the Discord commands: subscribe, list, unsubscribe, pause and resume,
 * search open postings, autocomplete names, and read Tern's status. Every change to subscriptions refreshes the
 * live index, so it applies to the next poll.
 */
public final class SubscriptionService {

    /** The pause of "until /resume". */
    public static final Instant INDEFINITELY = Instant.parse("9999-12-31T00:00:00Z");
    /** Postings per search page. */
    public static final int PAGE_SIZE = 5;
    /** Open postings shown when a subscription is created. */
    public static final int SAMPLES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionService.class);

    private final Database database;
    private final Clock clock;
    private final LiveSubscriptions live;
    private final DiscordConfig discord;
    private final SubscriptionStore subscriptions;
    private final DiscordUserStore users;
    private final PostingSearch search;
    private final FilterCheck check;
    private final StatusReporter status;
    private final TargetFailures failures;

    /**
     * @param live the index the matcher reads, refreshed after every change
     * @param discord the per-user limits
     * @param sources the configured sources, for the status
     */
    public SubscriptionService(
            Database database,
            Stores stores,
            Clock clock,
            LiveSubscriptions live,
            DiscordConfig discord,
            List<SourceConfig> sources) {
        this.database = database;
        this.clock = clock;
        this.live = live;
        this.discord = discord;
        this.subscriptions = stores.subscriptions();
        this.users = stores.users();
        this.search = new PostingSearch(database, stores.postings());
        this.check = new FilterCheck(clock, search::placeNames);
        this.status = new StatusReporter(database, stores, clock, sources, live.routes());
        this.failures = new TargetFailures(database, stores, clock, live);
    }

    /**
     * Stores a subscription unless an option is invalid, the user has the same one, or they are at the limit.
     *
     * @param guildId the server, or null in a DM
     * @param channelId the channel the command ran in
     * @param deliverHere true to deliver in that channel, false to DM the user
     */
    public SubscribeResult subscribe(
            String userId, String guildId, String channelId, boolean deliverHere, FilterConfig filter) {
        FilterConfig cleaned = FilterCheck.cleaned(filter);
        Optional<SubscribeResult.Invalid> invalid = check.problem(cleaned, true);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        String target = (deliverHere ? new Target.DiscordChannel(channelId) : new Target.DiscordUser(userId)).key();
        String description = FilterDescription.describe(cleaned);
        String key = FilterCodec.key(cleaned);
        Instant now = clock.instant();
        SubscribeResult stored = database.transaction(c -> {
            Optional<StoredSubscription> same = subscriptions.findSame(c, userId, key, target);
            if (same.isPresent()) {
                String existing = FilterDescription.describe(
                        FilterCodec.fromJson(same.get().filterJson()));
                return new SubscribeResult.Duplicate(same.get().id(), existing);
            }
            if (subscriptions.countOfUser(c, userId) >= discord.maxSubscriptionsPerUser()) {
                return new SubscribeResult.LimitReached(discord.maxSubscriptionsPerUser());
            }
            Instant pausedUntil = pausedUntil(users.get(c, userId), now);
            NewSubscription row = new NewSubscription(
                    userId, guildId, channelId, target, FilterCodec.toJson(cleaned), key, pausedUntil);
            long id = subscriptions.insert(c, row, now);
            return new SubscribeResult.Created(id, description, target, 0, List.of(), pausedUntil != null);
        });
        if (!(stored instanceof SubscribeResult.Created created)) {
            return stored;
        }
        live.refresh();
        LOG.info("User {} subscribed ({}): {}", userId, created.id(), description);
        List<Posting> matches = search.matching(compile(cleaned));
        return new SubscribeResult.Created(
                created.id(),
                description,
                target,
                matches.size(),
                matches.subList(0, Math.min(SAMPLES, matches.size())),
                created.paused());
    }

    /**
     * What is wrong with a search filter (the same checks as {@link #subscribe}, but an empty filter is fine: it
     * lists every open posting).
     */
    public Optional<SubscribeResult.Invalid> checkSearch(FilterConfig filter) {
        return check.problem(FilterCheck.cleaned(filter), false);
    }

    /** The user's subscriptions, oldest first. */
    public List<UserSubscription> list(String userId) {
        Instant now = clock.instant();
        return database.read(c -> subscriptions.ofUser(c, userId)).stream()
                .map(s -> toUserSubscription(s, now))
                .toList();
    }

    /** Removes one of the user's own subscriptions; false when there is none with that id or it is someone else's. */
    public boolean remove(String userId, long id) {
        boolean removed = database.transaction(c -> subscriptions.delete(c, userId, id));
        if (removed) {
            live.refresh();
            LOG.info("User {} removed subscription {}", userId, id);
        }
        return removed;
    }

    /** Removes every subscription of the user; returns how many there were. */
    public int removeAll(String userId) {
        int removed = database.transaction(c -> subscriptions.deleteAllOf(c, userId));
        if (removed > 0) {
            live.refresh();
            LOG.info("User {} removed all {} subscription(s)", userId, removed);
        }
        return removed;
    }

    /**
     * Pauses every subscription of the user (and those they make while paused): no alerts are queued, each one
     * matched is counted as skipped.
     *
     * @param duration how long, or null for "until /resume"; must be positive
     */
    public PauseResult pause(String userId, Duration duration) {
        if (duration != null && (duration.isZero() || duration.isNegative())) {
            throw new IllegalArgumentException("a pause must last a positive time, not " + duration);
        }
        Instant now = clock.instant();
        Instant until = duration == null ? INDEFINITELY : now.plus(duration);
        int paused = database.transaction(c -> {
            boolean alreadyPaused = users.get(c, userId).pausedAt(now);
            users.pause(c, userId, duration == null ? null : until, duration == null, !alreadyPaused);
            return subscriptions.setPausedOfUser(c, userId, until);
        });
        live.refresh();
        LOG.info("User {} paused {} subscription(s) until {}", userId, paused, duration == null ? "/resume" : until);
        return new PauseResult(duration == null ? null : until, paused);
    }

    /** Ends the user's pause (and any pause for closed DMs) and says how many alerts were skipped meanwhile. */
    public ResumeResult resume(String userId) {
        Instant now = clock.instant();
        ResumeResult result = database.transaction(c -> {
            List<StoredSubscription> own = subscriptions.ofUser(c, userId);
            boolean wasPaused = users.get(c, userId).pausedAt(now)
                    || own.stream()
                            .anyMatch(s ->
                                    s.pausedUntil() != null && s.pausedUntil().isAfter(now));
            int skipped = users.resume(c, userId);
            subscriptions.setPausedOfUser(c, userId, null);
            int delivering = (int) own.stream()
                    .filter(s -> s.status() == SubscriptionStatus.ACTIVE)
                    .count();
            return new ResumeResult(wasPaused, skipped, delivering);
        });
        live.refresh();
        LOG.info("User {} resumed; {} alert(s) were skipped", userId, result.skipped());
        return result;
    }

    /** A notice waiting for the user (their DMs were closed, a channel broke), cleared once taken. */
    public Optional<String> takeNotice(String userId) {
        return database.transaction(c -> users.takeNotice(c, userId));
    }

    /** One page (from 1) of open postings matching a filter checked by {@link #checkSearch}, newest first. */
    public Page search(FilterConfig filter, int page) {
        List<Posting> matches = search.matching(compile(FilterCheck.cleaned(filter)));
        int pageCount = Math.max(1, (matches.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pageCount);
        int from = (current - 1) * PAGE_SIZE;
        List<Posting> window = matches.subList(from, Math.min(from + PAGE_SIZE, matches.size()));
        return new Page(window, current, pageCount, matches.size());
    }

    /** Up to {@code max} company names of open postings containing the text, those starting with it first. */
    public List<String> companySuggestions(String prefix, int max) {
        return search.companies(prefix, max);
    }

    /** Up to {@code max} place names (known places, Remote, cities of open postings) containing the text. */
    public List<String> locationSuggestions(String prefix, int max) {
        return search.locations(prefix, max);
    }

    /** Sources, outbox, broken targets and subscription counts. */
    public StatusReport status() {
        return status.report();
    }

    /**
     * A target failed for good (channel deleted, access lost): records it, marks its subscriptions broken, tells
     * their users at their next command, stops matching for it, and logs an error naming it and what sent there.
     *
     * @return the ids of the subscriptions marked broken
     */
    public List<Long> markTargetBroken(String target, String reason) {
        return failures.markBroken(Objects.requireNonNull(target), reason);
    }

    /**
     * A user's DMs are closed: pauses their subscriptions delivered by DM until /resume and leaves them a notice. A
     * target that is not a DM is marked broken instead.
     *
     * @return the ids of the subscriptions paused
     */
    public List<Long> pauseForClosedDms(String target, String reason) {
        return failures.pauseForClosedDms(Objects.requireNonNull(target), reason);
    }

    /**
     * Forgets that configured routes' targets broke, so they are tried again: called at start, when the admin may
     * have fixed the channel or the bot's access.
     *
     * @return the route targets that were broken
     */
    public List<String> retryBrokenRoutes() {
        return failures.retryRoutes();
    }

    private static Instant pausedUntil(DiscordUser user, Instant now) {
        if (!user.pausedAt(now)) {
            return null;
        }
        return user.pausedIndefinitely() ? INDEFINITELY : user.pausedUntil();
    }

    private static UserSubscription toUserSubscription(StoredSubscription s, Instant now) {
        FilterConfig filter = FilterCodec.fromJson(s.filterJson());
        Instant paused = s.pausedUntil() != null && s.pausedUntil().isAfter(now) ? s.pausedUntil() : null;
        return new UserSubscription(
                s.id(),
                FilterDescription.describe(filter),
                filter,
                s.target(),
                s.status() == SubscriptionStatus.BROKEN,
                paused,
                s.createdAt());
    }

    private static Filter compile(FilterConfig filter) {
        try {
            return Filter.of(filter);
        } catch (QueryException e) {
            throw new IllegalArgumentException("check the filter with checkSearch first: " + e.getMessage(), e);
        }
    }
}
