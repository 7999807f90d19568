package dev.tern.poll;

import dev.tern.config.PollingConfig;
import dev.tern.config.SourceConfig;
import dev.tern.poll.PollEvent.Change;
import dev.tern.posting.Posting;
import dev.tern.source.CacheTags;
import dev.tern.store.AdminNotice.Kind;
import dev.tern.store.Database;
import dev.tern.store.OutboxMessageStore;
import dev.tern.store.PostingStatus;
import dev.tern.store.PostingStore;
import dev.tern.store.SourceState;
import dev.tern.store.StoredPosting;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one poll's outcome to the store in one transaction: diffs a listing against the stored postings and
 * holds DESIGN.md's rules. A first poll only seeds; a posting closes after {@code closeAfterMissedPolls} misses; a
 * poll that would close more than half of the open postings (or lists nothing) is held, and the hold ends when
 * {@code confirmHeldPolls} later polls agree (the postings close), when a poll looks normal again (held postings
 * listed again stay open, those still missing follow the usual close rule, the held polls counting as misses), or
 * when an admin accepts it.
 *
 * <p>A held poll holds only its closures and missed-poll counts: new, updated and reopened postings are processed
 * and alerted as usual, so that one odd response never silences a source. Its validators are not kept, so the next
 * poll fetches the whole response again rather than being told "not modified".
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    /**
     * A poll is held for closing more than half of a source's postings only when that is at least this many: a board
     * with one or two internships must be able to close them.
     */
    static final int MIN_HELD_CLOSURES = 3;

    private final Database db;
    private final PostingStore postings;
    private final OutboxMessageStore messages;
    private final SourceStates states;
    private final AlertQueue alerts;
    private final Clock clock;
    private final PollingConfig polling;

    public Reconciler(
            Database db,
            PostingStore postings,
            OutboxMessageStore messages,
            SourceStates states,
            AlertQueue alerts,
            Clock clock,
            PollingConfig polling) {
        this.db = db;
        this.postings = postings;
        this.messages = messages;
        this.states = states;
        this.alerts = alerts;
        this.clock = clock;
        this.polling = polling;
    }

    /**
     * Reconciles a successful poll's listing (already filtered by {@code classify}); with {@code dryRun} the
     * transaction is rolled back, so the events say what would happen and nothing changes.
     */
    public List<PollEvent> reconcile(
            SourceConfig source, Listing listing, CacheTags tags, long millis, boolean dryRun) {
        return db.transaction(c -> reconcile(c, source, listing, tags, millis), dryRun);
    }

    /**
     * A poll answered "not modified": the source lists exactly what the last successful poll saw, so postings
     * missing then are missing again (and may close); nothing else changes.
     */
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
                    return poll(c, source, diff, listed, null, millis, clock.instant());
                },
                dryRun);
    }

    /**
     * An admin accepts the source's held poll: the postings it kept open close now. Empty when nothing is held, or
     * when {@code holdId} (the hold the admin saw, see {@link SourceStates#holdId}; null for whatever is held) is not
     * the hold there is now: checked in the transaction that closes, so that a notice's button never accepts a
     * later hold.
     */
    public Optional<List<PollEvent>> accept(SourceConfig source, String holdId, boolean dryRun) {
        return db.transaction(c -> accept(c, source, holdId), dryRun);
    }

    private Optional<List<PollEvent>> accept(Connection c, SourceConfig source, String holdId) {
        SourceState state = states.get(c, source.id());
        if (!state.holding() || (holdId != null && !holdId.equals(SourceStates.holdId(state.degradedSince())))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<PollEvent> events = new ArrayList<>();
        int closed = 0;
        for (String key : state.heldKeys()) {
            Optional<StoredPosting> stored = postings.find(c, key);
            if (stored.isPresent() && stored.get().isOpen()) {
                close(c, key, now);
                events.add(new PollEvent.PostingChanged(
                        source.id(), Change.CLOSED, stored.get().posting()));
                closed++;
            }
        }
        states.release(
                c,
                source,
                Kind.HOLD_ACCEPTED,
                "Source %s: held poll accepted by an admin; %d posting(s) closed.".formatted(source.id(), closed),
                now);
        events.add(new PollEvent.HoldAccepted(source.id(), closed));
        LOG.info("Source {}: held poll accepted, {} posting(s) closed", source.id(), closed);
        return Optional.of(events);
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
                return seed(c, source, diff, tags, now);
            }
        }
        return poll(c, source, diff, listing.listedBySource(), tags, millis, now);
    }

    private List<PollEvent> seed(Connection c, SourceConfig source, SnapshotDiff diff, CacheTags tags, Instant now) {
        store(c, diff, now);
        closeOrCountMisses(c, diff, Misses.NONE, now);
        states.recordSuccess(c, source, tags, now);
        states.clearDegraded(c, source.id());
        LOG.debug(
                "Source {} seeded with {} open postings",
                source.id(),
                diff.added().size());
        return List.of(new PollEvent.SourceSeeded(source.id(), diff.added().size()));
    }

    /** A poll after seeding; {@code tags} is null for a not-modified poll, whose stored validators stay. */
    private List<PollEvent> poll(
            Connection c,
            SourceConfig source,
            SnapshotDiff diff,
            int listedBySource,
            CacheTags tags,
            long millis,
            Instant now) {
        String id = source.id();
        boolean renumbered = looksRenumbered(diff);
        Misses misses = Misses.of(states.get(c, id));
        String suspicion = suspicion(diff, misses, listedBySource, renumbered);
        store(c, diff, now);
        List<PollEvent> events = new ArrayList<>();
        List<Posting> closed;
        if (suspicion == null) {
            closed = endHoldIfAny(c, source, diff, misses, events, now);
        } else {
            closed = holdOrConfirm(c, source, diff, listedBySource, renumbered, suspicion, events, now);
        }
        List<PollEvent> changes = new ArrayList<>();
        addChanges(changes, id, Change.NEW, diff.added());
        addChanges(changes, id, Change.UPDATED, diff.updated());
        addChanges(changes, id, Change.CLOSED, closed);
        addChanges(changes, id, Change.REOPENED, diff.reopened());
        if (!renumbered) {
            List<Posting> candidates = new ArrayList<>(diff.added());
            candidates.addAll(diff.reopened());
            alerts.queue(c, changes, id, candidates, now);
        }
        events.addAll(0, changes);
        boolean held = events.stream().anyMatch(e -> e instanceof PollEvent.SourceSuspicious);
        states.recordSuccess(c, source, held ? CacheTags.NONE : tags, now);
        if (!held) {
            states.clearDegraded(c, id);
        }
        events.add(new PollEvent.SourcePolled(
                id,
                postings.countOpen(c, id),
                diff.added().size(),
                diff.updated().size(),
                closed.size(),
                diff.reopened().size(),
                tags == null,
                millis));
        return events;
    }

    /**
     * A suspicious poll: a hold that {@code confirmHeldPolls} polls in a row agreed with (the held postings still gone,
     * the source still listing something) closes them; otherwise the poll is held. Returns what closed.
     */
    private List<Posting> holdOrConfirm(
            Connection c,
            SourceConfig source,
            SnapshotDiff diff,
            int listedBySource,
            boolean renumbered,
            String suspicion,
            List<PollEvent> events,
            Instant now) {
        SourceState state = states.get(c, source.id());
        List<String> gone = diff.goneKeys();
        // the held postings are still gone (others may have gone since: a board emptying over several polls)
        boolean agrees = state.holding()
                && listedBySource > 0
                && !renumbered
                && new HashSet<>(gone).containsAll(state.heldKeys());
        int confirmations = agrees ? state.heldConfirmations() + 1 : 0;
        if (agrees && confirmations >= confirmHeldPolls()) {
            List<Posting> closed = closeConfirmed(c, diff, new HashSet<>(state.heldKeys()), now);
            states.release(
                    c,
                    source,
                    Kind.HOLD_CONFIRMED,
                    "Source %s: %d later poll(s) confirmed the held poll; %d posting(s) closed."
                            .formatted(source.id(), confirmations, closed.size()),
                    now);
            events.add(new PollEvent.HoldConfirmed(source.id(), closed.size(), confirmations));
            LOG.info(
                    "Source {}: hold confirmed by {} poll(s), {} posting(s) closed",
                    source.id(),
                    confirmations,
                    closed.size());
            return closed;
        }
        String reason = suspicion
                + (agrees ? " (confirmed by %d of %d polls so far)".formatted(confirmations, confirmHeldPolls()) : "");
        LOG.warn("Source {} held as suspicious: {}", source.id(), reason);
        states.hold(c, source, agrees ? state.heldKeys() : gone, confirmations, reason, listedBySource == 0, now);
        events.add(new PollEvent.SourceSuspicious(source.id(), reason));
        return List.of();
    }

    /**
     * A poll that looks normal: the usual close rule applies, and a hold ends. Held postings listed again stay open;
     * held postings still missing are missing postings like any other, and the polls that were held count as polls
     * that missed them (the held poll and each that agreed), so they close when that makes enough misses in a row.
     */
    private List<Posting> endHoldIfAny(
            Connection c, SourceConfig source, SnapshotDiff diff, Misses misses, List<PollEvent> events, Instant now) {
        List<Posting> closed = closeOrCountMisses(c, diff, misses, now);
        Set<String> held = misses.held();
        if (held.isEmpty()) {
            return closed;
        }
        Set<String> stillGone = new HashSet<>(diff.goneKeys());
        stillGone.retainAll(held);
        long closedNow = closed.stream().filter(p -> held.contains(p.key())).count();
        states.release(
                c,
                source,
                closedNow > 0 ? Kind.HOLD_CONFIRMED : Kind.HOLD_CLEARED,
                clearedText(source.id(), held.size(), stillGone.size(), closedNow),
                now);
        events.add(new PollEvent.HoldCleared(source.id(), held.size(), stillGone.size()));
        LOG.info(
                "Source {}: poll looks normal again, hold ended; {} of {} held posting(s) still missing, {} closed",
                source.id(),
                stillGone.size(),
                held.size(),
                closedNow);
        return closed;
    }

    private String clearedText(String sourceId, int held, int stillGone, long closedNow) {
        String head = "Source %s: the last poll looked normal, so the hold ended.".formatted(sourceId);
        if (stillGone == 0) {
            return head + " The %d held posting(s) are listed again and stay open.".formatted(held);
        }
        String listed = held > stillGone ? " %d are listed again and stay open;".formatted(held - stillGone) : "";
        long waiting = stillGone - closedNow;
        return head + " Of the %d held posting(s),%s %d are still not listed:".formatted(held, listed, stillGone)
                + (closedNow > 0 ? " %d closed now".formatted(closedNow) : "")
                + (closedNow > 0 && waiting > 0 ? ";" : "")
                + (waiting > 0
                        ? " %d close after %d missed polls in a row (the held polls count), as any missing posting does"
                                .formatted(waiting, closeAfterMissedPolls())
                        : "")
                + ".";
    }

    /** More than half of the open postings are missing, and at least half as many new ones appeared. */
    private static boolean looksRenumbered(SnapshotDiff diff) {
        int open = diff.openBefore();
        return open > 0 && diff.missing().size() * 2 > open && diff.added().size() * 2 >= open;
    }

    /** Why the poll looks wrong, or null when it looks normal. */
    private String suspicion(SnapshotDiff diff, Misses misses, int listedBySource, boolean renumbered) {
        int open = diff.openBefore();
        List<String> reasons = new ArrayList<>();
        if (open > 0 && listedBySource == 0) {
            reasons.add("the source listed no postings while " + open + " were open; closing nothing");
        } else if (open > 0) {
            int closures = diff.closures(closeAfterMissedPolls(), misses);
            if (closures * 2 > open && closures >= MIN_HELD_CLOSURES) {
                reasons.add("the poll would close " + closures + " of " + open + " open postings (more than half);"
                        + " closing nothing");
            }
        }
        if (renumbered) {
            // most open postings vanished and as many new ones appeared: the source most likely changed its ids
            // or links, so the "new" ones are old ones under new names; store them as on first contact, alert
            // nothing, close nothing
            reasons.add(diff.missing().size() + " of " + open + " open postings vanished and "
                    + diff.added().size()
                    + " new ones appeared: stored without alerts (the source seems to have changed its ids or"
                    + " links); closing nothing");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
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

    /**
     * Closes what the source closed or what was missed often enough; counts the other misses. Postings in {@code
     * held} were also missed by {@code heldPolls} held polls, which did not count their misses.
     */
    private List<Posting> closeOrCountMisses(Connection c, SnapshotDiff diff, Misses misses, Instant now) {
        List<Posting> closed = new ArrayList<>(closeClosedBySource(c, diff, now));
        for (StoredPosting stored : diff.missing()) {
            int missed = misses.after(stored);
            postings.markMissed(c, stored.key(), missed, now);
            if (missed >= closeAfterMissedPolls()) {
                close(c, stored.key(), now);
                closed.add(stored.posting());
            }
        }
        return closed;
    }

    /**
     * A confirmed hold: the held postings close, however few polls missed them; what the source closed closes as
     * always, and postings that went missing since the hold began count their misses as usual.
     */
    private List<Posting> closeConfirmed(Connection c, SnapshotDiff diff, Set<String> held, Instant now) {
        List<Posting> closed = new ArrayList<>(closeClosedBySource(c, diff, now));
        for (StoredPosting stored : diff.missing()) {
            int missed = stored.missedPolls() + 1;
            if (held.contains(stored.key()) || missed >= closeAfterMissedPolls()) {
                close(c, stored.key(), now);
                closed.add(stored.posting());
            } else {
                postings.markMissed(c, stored.key(), missed, now);
            }
        }
        return closed;
    }

    private List<Posting> closeClosedBySource(Connection c, SnapshotDiff diff, Instant now) {
        for (Posting posting : diff.closedBySource()) {
            postings.updateContent(c, posting, now);
            close(c, posting.key(), now);
        }
        return diff.closedBySource();
    }

    /** The one place a posting closes: every message that alerted it is queued for an edit that says so. */
    private void close(Connection c, String key, Instant now) {
        postings.markClosed(c, key, now);
        messages.queueEdits(c, key, now);
    }

    private int closeAfterMissedPolls() {
        return Math.max(1, polling.closeAfterMissedPolls());
    }

    private int confirmHeldPolls() {
        return Math.max(1, polling.confirmHeldPolls());
    }

    private static void addChanges(List<PollEvent> events, String id, Change change, List<Posting> changed) {
        changed.forEach(posting -> events.add(new PollEvent.PostingChanged(id, change, posting)));
    }
}
