package dev.tern.poll;

import dev.tern.config.PollingConfig;
import dev.tern.config.SourceConfig;
import dev.tern.source.CacheTags;
import dev.tern.store.AdminNotice.Kind;
import dev.tern.store.Database;
import dev.tern.store.NoticeStore;
import dev.tern.store.SourceState;
import dev.tern.store.SourceStateStore;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Tern keeps about each source between polls: validators for conditional GETs, failures in a row, the next
 * scheduled poll, and held closures. A change an admin must hear of (failing, recovered, held, hold ended) is
 * written as a notice in the same transaction, once per change of state.
 */
public final class SourceStates {

    private static final Logger LOG = LoggerFactory.getLogger(SourceStates.class);

    /** How often a hold nobody ends is told again. */
    static final Duration REMIND_EVERY = Duration.ofDays(1);

    private final Database db;
    private final SourceStateStore states;
    private final NoticeStore notices;
    private final PollingConfig polling;
    private final Clock clock;

    public SourceStates(Database db, SourceStateStore states, NoticeStore notices, Clock clock, PollingConfig polling) {
        this.db = db;
        this.states = states;
        this.notices = notices;
        this.clock = clock;
        this.polling = polling;
    }

    /** The validators to send with the source's next conditional GET (kept across failures). */
    public CacheTags cacheTags(String sourceId) {
        SourceState state = state(sourceId);
        return new CacheTags(state.etag(), state.lastModified());
    }

    /** What the store remembers about the source: seeding, failures in a row, holds. */
    public SourceState state(String sourceId) {
        return db.read(c -> states.get(c, sourceId));
    }

    /** Remembers when the schedule will poll the source next, for status reports. */
    public void recordNextPoll(String sourceId, Instant at) {
        db.transaction(c -> {
            states.scheduleNextPoll(c, sourceId, at);
            return null;
        });
    }

    /**
     * A poll failed (fetch or parse): counts the failure and closes nothing. The admins hear once, when the run of
     * failures reaches {@code polling.alertAfterFailures}.
     */
    public List<PollEvent> recordFailure(SourceConfig source, String error, boolean dryRun) {
        return db.transaction(
                c -> {
                    Instant now = clock.instant();
                    int failures = states.recordFailure(c, source.id(), error, now);
                    LOG.debug("Source {} failed ({} in a row): {}", source.id(), failures, error);
                    if (failures == polling.alertAfterFailures()) {
                        notices.add(
                                c, Kind.SOURCE_FAILING, source.id(), null, failingText(source, failures, error), now);
                    }
                    return List.of(new PollEvent.SourceFailed(source.id(), error));
                },
                dryRun);
    }

    SourceState get(Connection c, String sourceId) {
        return states.get(c, sourceId);
    }

    void markSeeded(Connection c, String sourceId) {
        states.markSeeded(c, sourceId);
    }

    /**
     * A successful poll; {@code tags} is null for a not-modified poll (the stored validators stay), and
     * {@link CacheTags#NONE} for a held poll (so that the next poll fetches everything again).
     */
    void recordSuccess(Connection c, SourceConfig source, CacheTags tags, Instant now) {
        int failures = states.get(c, source.id()).consecutiveFailures();
        if (tags == null) {
            states.recordNotModified(c, source.id(), now);
        } else {
            states.recordSuccess(c, source.id(), tags.etag(), tags.lastModified(), now);
        }
        if (failures >= polling.alertAfterFailures()) {
            notices.add(
                    c,
                    Kind.SOURCE_RECOVERED,
                    source.id(),
                    null,
                    "Source %s (%s) recovered after %d failed polls in a row."
                            .formatted(source.id(), source.type(), failures),
                    now);
        }
    }

    /**
     * Holds {@code keys} open; a new hold (not a confirmation of the current one) is told to the admins, and a hold
     * that lasts is told again once a day ({@link #REMIND_EVERY}), on the first held poll of each new day of it. The
     * notice's subject is the hold's identity ({@link #holdId}), which its Accept button carries.
     */
    void hold(
            Connection c,
            SourceConfig source,
            Collection<String> keys,
            int confirmations,
            String reason,
            boolean listedNothing,
            Instant now) {
        SourceState before = states.get(c, source.id());
        states.hold(c, source.id(), keys, confirmations);
        states.markDegraded(c, source.id(), reason, now);
        Instant since = states.get(c, source.id()).degradedSince();
        String text = heldText(source, keys.size(), reason, listedNothing);
        if (!before.holding()) {
            notices.add(c, Kind.SOURCE_HELD, source.id(), holdId(since), text, now);
        } else if (since != null && newDayOfHold(since, before.lastSuccess(), now)) {
            long days = Duration.between(since, now).toDays();
            String reminder = "Still held after %d day(s), since %s. ".formatted(days, since) + text;
            notices.add(c, Kind.SOURCE_HELD, source.id(), holdId(since), reminder, now);
        }
    }

    /** The identity of a hold: when it began, in base 36 milliseconds (short enough for a button id). */
    public static String holdId(Instant since) {
        return since == null ? null : Long.toString(since.toEpochMilli(), Character.MAX_RADIX);
    }

    /** Whether a whole day more of the hold has passed since the previous held poll. */
    private static boolean newDayOfHold(Instant since, Instant previousPoll, Instant now) {
        if (previousPoll == null || previousPoll.isBefore(since)) {
            return false;
        }
        long daysBefore = Duration.between(since, previousPoll).dividedBy(REMIND_EVERY);
        return Duration.between(since, now).dividedBy(REMIND_EVERY) > daysBefore;
    }

    /** Ends the source's hold, telling the admins how it ended. */
    void release(Connection c, SourceConfig source, Kind how, String message, Instant now) {
        states.release(c, source.id());
        notices.add(c, how, source.id(), null, message, now);
    }

    /** Clears a degradation that held nothing (nothing to tell: no hold had been announced). */
    void clearDegraded(Connection c, String sourceId) {
        states.clearDegraded(c, sourceId);
    }

    private String failingText(SourceConfig source, int failures, String error) {
        return ("Source %s (%s) failed %d polls in a row; nothing was closed. Last error: %s. Check the source's"
                        + " URL, board name or selectors with `tern preview %s`, and whether the site is up.")
                .formatted(source.id(), source.type(), failures, error, source.id());
    }

    private String heldText(SourceConfig source, int postings, String reason, boolean listedNothing) {
        String head = "Source %s (%s): poll held, %d posting(s) kept open: %s."
                .formatted(source.id(), source.type(), postings, reason);
        String accept =
                "`tern accept %s`, /tern accept source:%s or the Accept button".formatted(source.id(), source.id());
        if (listedNothing) {
            // a poll that lists nothing never confirms a hold: only the source or an admin can end it
            return head + " They stay open until the source lists postings again (then the usual rules decide), or"
                    + " until an admin accepts the hold and closes them: " + accept + ".";
        }
        return head
                + " They close after %d more poll(s) that agree, or now with %s."
                        .formatted(polling.confirmHeldPolls(), accept);
    }
}
