package dev.tern.poll;

import dev.tern.config.PollingConfig;
import dev.tern.config.SourceConfig;
import dev.tern.match.Matcher;
import dev.tern.match.Subscription;
import dev.tern.poll.PollEvent.Change;
import dev.tern.posting.Posting;
import dev.tern.source.CacheTags;
import dev.tern.store.Database;
import dev.tern.store.DeliveryStore;
import dev.tern.store.OutboxMessageStore;
import dev.tern.store.PostingStatus;
import dev.tern.store.PostingStore;
import dev.tern.store.SourceState;
import dev.tern.store.SourceStateStore;
import dev.tern.store.StoredPosting;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one poll's outcome to the store in one transaction: diffs a snapshot against the stored postings,
 * queues alerts for new and reopened postings, and keeps each source's state. It holds DESIGN.md's rules: a
 * first poll only seeds, a failure closes nothing, a posting closes after {@code closeAfterMissedPolls} misses,
 * and a poll that would close more than half of the open postings (or lists nothing) closes nothing.
 *
 * <p>A suspicious poll holds only its closures and missed-poll counts: new, updated and reopened postings are
 * processed and alerted as usual, so that one odd response never silences a source. Its validators are not kept,
 * so the next poll fetches the whole response again rather than being told "not modified".
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final Database db;
    /**
     * A poll is held for closing more than half of a source's postings only when that is at least this many: a board
     * with one or two internships must be able to close them.
     */
    static final int MIN_HELD_CLOSURES = 3;

    private final Matcher matcher;
    private final Clock clock;
    private final PollingConfig polling;
    private final PostingStore postings = new PostingStore();
    private final SourceStateStore states = new SourceStateStore();
    private final DeliveryStore deliveries = new DeliveryStore();
    private final OutboxMessageStore messages = new OutboxMessageStore();
    private final Skips skips = new Skips();

    public Reconciler(Database db, Matcher matcher, Clock clock, PollingConfig polling) {
        this.db = db;
        this.matcher = matcher;
        this.clock = clock;
        this.polling = polling;
    }

    /**
     * Reconciles a successful poll's postings (already filtered by {@code classify}); with {@code dryRun} the
     * transaction is rolled back, so the events say what would happen and nothing changes.
     */
    public List<PollEvent> reconcile(
            SourceConfig source, List<Posting> snapshot, CacheTags tags, long millis, boolean dryRun) {
        return reconcile(source, Listing.of(snapshot), tags, millis, dryRun);
    }

    /**
     * As above, for a listing that says how much the source listed and whether it was cut short (then postings it
     * does not list count neither as missing nor towards closing).
     */
    public List<PollEvent> reconcile(
            SourceConfig source, Listing listing, CacheTags tags, long millis, boolean dryRun) {
        return db.transaction(c -> reconcile(c, source, listing, tags, millis), dryRun);
    }

    /**
     * A poll answered "not modified": the source lists exactly what the last successful poll saw, so postings
     * missing then are missing again (and may close); nothing else changes.
     */
    public List<PollEvent> recordNotModified(SourceConfig source, long millis) {
        return recordNotModified(source, millis, false);
    }

    public List<PollEvent> recordNotModified(SourceConfig source, long millis, boolean dryRun) {
        return db.transaction(
                c -> {
                    Map<String, StoredPosting> stored = postings.postingsOf(c, source.id());
                    List<Posting> unchanged = stored.values().stream()
                            .filter(p -> p.status() == PostingStatus.OPEN && p.missedPolls() == 0)
                            .map(StoredPosting::posting)
                            .toList();
                    SnapshotDiff diff = SnapshotDiff.of(stored, unchanged);
                    // a 304 repeats a listing that was accepted before, so the source did list something
                    int listed = Math.max(1, unchanged.size());
                    return poll(c, source.id(), diff, listed, null, millis, clock.instant());
                },
                dryRun);
    }

    /** A poll failed (fetch or parse): counts the failure and closes nothing. */
    public List<PollEvent> recordFailure(SourceConfig source, String error) {
        return recordFailure(source, error, false);
    }

    public List<PollEvent> recordFailure(SourceConfig source, String error, boolean dryRun) {
        return db.transaction(
                c -> {
                    int failures = states.recordFailure(c, source.id(), error, clock.instant());
                    LOG.debug("Source {} failed ({} in a row): {}", source.id(), failures, error);
                    return List.of(new PollEvent.SourceFailed(source.id(), error));
                },
                dryRun);
    }

    /** Remembers when the schedule will poll the source next, for status reports. */
    public void recordNextPoll(String sourceId, Instant at) {
        db.transaction(c -> {
            states.scheduleNextPoll(c, sourceId, at);
            return null;
        });
    }

    /** The validators to send with the source's next conditional GET (kept across failures). */
    public CacheTags cacheTags(String sourceId) {
        return state(sourceId).cacheTags();
    }

    /** What the store remembers about the source: seeding, failures in a row, degradation. */
    public SourceState state(String sourceId) {
        return db.read(c -> states.get(c, sourceId));
    }

    private List<PollEvent> reconcile(Connection c, SourceConfig source, Listing listing, CacheTags tags, long millis) {
        Instant now = clock.instant();
        String id = source.id();
        boolean seeded = states.get(c, id).seeded();
        SnapshotDiff full = SnapshotDiff.of(postings.postingsOf(c, id), listing.postings());
        SnapshotDiff diff = listing.complete() ? full : full.partial();
        if (!seeded) {
            states.markSeeded(c, id);
            if (!source.backfill()) {
                return seed(c, id, diff, tags, now);
            }
        }
        return poll(c, id, diff, listing.listedBySource(), tags, millis, now);
    }

    private List<PollEvent> seed(Connection c, String id, SnapshotDiff diff, CacheTags tags, Instant now) {
        store(c, diff, now);
        closeOrCountMisses(c, diff, now);
        states.recordSuccess(c, id, tags, now);
        states.clearDegraded(c, id);
        LOG.debug("Source {} seeded with {} open postings", id, diff.added().size());
        return List.of(new PollEvent.SourceSeeded(id, diff.added().size()));
    }

    /** A poll after seeding; {@code tags} is null for a not-modified poll, whose stored validators stay. */
    private List<PollEvent> poll(
            Connection c, String id, SnapshotDiff diff, int listedBySource, CacheTags tags, long millis, Instant now) {
        boolean notModified = tags == null;
        boolean renumbered = looksRenumbered(diff);
        String suspicion = suspicion(diff, listedBySource);
        if (renumbered) {
            // most open postings vanished and as many new ones appeared: the source most likely changed its ids
            // or links, so the "new" ones are old ones under new names; store them as on first contact, alert
            // nothing, close nothing
            String reason = diff.missing().size() + " of " + diff.openBefore() + " open postings vanished and "
                    + diff.added().size() + " new ones appeared: stored without alerts (the source seems to have"
                    + " changed its ids or links); closing nothing";
            suspicion = suspicion == null ? reason : suspicion + "; " + reason;
        }
        store(c, diff, now);
        List<Posting> closed = suspicion == null ? closeOrCountMisses(c, diff, now) : List.of();
        List<PollEvent> events = new ArrayList<>();
        addChanges(events, id, Change.NEW, diff.added());
        addChanges(events, id, Change.UPDATED, diff.updated());
        addChanges(events, id, Change.CLOSED, closed);
        addChanges(events, id, Change.REOPENED, diff.reopened());
        if (!renumbered) {
            queueAlerts(c, events, id, diff, now);
        }
        if (suspicion == null) {
            if (notModified) {
                states.recordNotModified(c, id, now);
            } else {
                states.recordSuccess(c, id, tags, now);
            }
            states.clearDegraded(c, id);
        } else {
            LOG.warn("Source {} held as suspicious: {}", id, suspicion);
            states.recordSuccess(c, id, CacheTags.NONE, now);
            states.markDegraded(c, id, suspicion, now);
            events.add(new PollEvent.SourceSuspicious(id, suspicion));
        }
        int open = postings.countOpen(c, id);
        events.add(new PollEvent.SourcePolled(
                id,
                open,
                diff.added().size(),
                diff.updated().size(),
                closed.size(),
                diff.reopened().size(),
                notModified,
                millis));
        return events;
    }

    /** More than half of the open postings are missing, and at least half as many new ones appeared. */
    private static boolean looksRenumbered(SnapshotDiff diff) {
        int open = diff.openBefore();
        return open > 0 && diff.missing().size() * 2 > open && diff.added().size() * 2 >= open;
    }

    /** Why the poll looks wrong, or null when it looks normal. */
    private String suspicion(SnapshotDiff diff, int listedBySource) {
        int open = diff.openBefore();
        if (open == 0) {
            return null;
        }
        if (listedBySource == 0) {
            return "the source listed no postings while " + open + " were open; closing nothing";
        }
        int closures = diff.closures(closeAfterMissedPolls());
        if (closures * 2 > open && closures >= MIN_HELD_CLOSURES) {
            return "the poll would close " + closures + " of " + open + " open postings (more than half);"
                    + " closing nothing";
        }
        return null;
    }

    /** Writes what the snapshot says about postings, leaving closures and misses to the caller. */
    private void store(Connection c, SnapshotDiff diff, Instant now) {
        diff.added().forEach(posting -> postings.insert(c, posting, now));
        diff.addedClosed().forEach(posting -> postings.insert(c, posting, now));
        diff.updated().forEach(posting -> postings.updateContent(c, posting, now));
        diff.refreshedClosed().forEach(posting -> postings.updateContent(c, posting, now));
        diff.reopened().forEach(posting -> {
            postings.reopen(c, posting, now);
            messages.queueEdits(c, posting.key(), now);
        });
        postings.markSeen(c, diff.seen(), now);
    }

    /** Closes what the source closed or what was missed often enough; counts the other misses. */
    private List<Posting> closeOrCountMisses(Connection c, SnapshotDiff diff, Instant now) {
        List<Posting> closed = new ArrayList<>();
        for (Posting posting : diff.closedBySource()) {
            postings.updateContent(c, posting, now);
            postings.markClosed(c, posting.key(), now);
            messages.queueEdits(c, posting.key(), now);
            closed.add(posting);
        }
        for (StoredPosting stored : diff.missing()) {
            int missed = stored.missedPolls() + 1;
            postings.markMissed(c, stored.key(), missed, now);
            if (missed >= closeAfterMissedPolls()) {
                postings.markClosed(c, stored.key(), now);
                messages.queueEdits(c, stored.key(), now);
                closed.add(stored.posting());
            }
        }
        return closed;
    }

    /**
     * Queues alerts for new and reopened postings within maxAge; the outbox drops repeats of a fingerprint. A
     * paused subscription queues nothing and counts a skip, once per posting and target.
     */
    private void queueAlerts(Connection c, List<PollEvent> events, String id, SnapshotDiff diff, Instant now) {
        List<Posting> candidates = new ArrayList<>(diff.added());
        candidates.addAll(diff.reopened());
        for (Posting posting : candidates) {
            if (!withinMaxAge(posting, now)) {
                LOG.debug("Posting {} is older than maxAge; not alerting", posting.key());
                continue;
            }
            Map<String, Subscription> paused = new LinkedHashMap<>();
            Set<String> queuedTargets = new HashSet<>();
            for (Subscription subscription : matcher.match(posting)) {
                if (subscription.pausedAt(now)) {
                    paused.putIfAbsent(subscription.target(), subscription);
                    continue;
                }
                queuedTargets.add(subscription.target());
                boolean queued = deliveries.enqueue(
                        c,
                        posting.fingerprint(),
                        subscription.target(),
                        posting.key(),
                        subscription.routeId(),
                        subscription.subscriptionId(),
                        now);
                if (!queued) {
                    LOG.debug(
                            "Posting {} not alerted to {}: that target already had an alert for {}",
                            posting.key(),
                            subscription.target(),
                            posting.fingerprint());
                } else {
                    events.add(new PollEvent.AlertQueued(
                            id,
                            subscription.target(),
                            subscription.routeId(),
                            subscription.subscriptionId(),
                            posting.key()));
                }
            }
            paused.forEach((target, subscription) -> {
                if (!queuedTargets.contains(target)) {
                    skips.record(c, subscription, posting.key());
                }
            });
        }
    }

    private boolean withinMaxAge(Posting posting, Instant now) {
        Duration maxAge = polling.maxAge();
        return maxAge == null
                || posting.postedAt() == null
                || !posting.postedAt().isBefore(now.minus(maxAge));
    }

    private int closeAfterMissedPolls() {
        return Math.max(1, polling.closeAfterMissedPolls());
    }

    private static void addChanges(List<PollEvent> events, String id, Change change, List<Posting> changed) {
        changed.forEach(posting -> events.add(new PollEvent.PostingChanged(id, change, posting)));
    }
}
