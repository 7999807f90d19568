package dev.tern.poll;

import dev.tern.posting.Posting;
import java.time.Instant;

/**
 * What a poll did, one event at a time. {@code tern poll --json} prints each as one JSON line; the human summary
 * and the logs are made from the same events.
 */
public sealed interface PollEvent {

    /** The source this event is about. */
    String source();

    /** First successful poll: everything stored, nothing alerted. */
    record SourceSeeded(String source, int postings) implements PollEvent {}

    /** A successful poll after seeding. {@code notModified} polls parse nothing and change nothing. */
    record SourcePolled(
            String source,
            int postings,
            int added,
            int updated,
            int closed,
            int reopened,
            boolean notModified,
            long millis)
            implements PollEvent {}

    /** The fetch or the parse failed; nothing was closed. */
    record SourceFailed(String source, String error) implements PollEvent {}

    /**
     * Another poll of the source was running (in another Tern process, or this one), so this one did not poll:
     * {@code ended} when that poll finished while this one waited (the source was just polled).
     *
     * @param holder who was polling, e.g. "another Tern process (pid 12 on host)"
     * @param since when that poll started
     */
    record SourceBusy(String source, String holder, Instant since, boolean ended) implements PollEvent {}

    /** The poll looked wrong (mass closing, empty result): held, nothing closed, source degraded. */
    record SourceSuspicious(String source, String reason) implements PollEvent {}

    /** Enough later polls agreed with a held poll: its postings closed ({@code closed} of them). */
    record HoldConfirmed(String source, int closed, int confirmations) implements PollEvent {}

    /**
     * A poll looked normal again: the hold ended. {@code stillMissing} of the held postings are still not listed; they
     * are missing postings like any other (closed now if they missed enough polls, as PostingChanged events say), and
     * the rest are listed again.
     */
    record HoldCleared(String source, int held, int stillMissing) implements PollEvent {}

    /** An admin accepted a held poll: its postings still open closed ({@code closed} of them). */
    record HoldAccepted(String source, int closed) implements PollEvent {}

    /** A posting changed state. */
    record PostingChanged(String source, Change change, Posting posting) implements PollEvent {}

    /** An alert was queued for a target. */
    record AlertQueued(String source, String target, String route, String subscription, String key)
            implements PollEvent {}

    /** The kinds of posting change, as printed ("posting.new", ...). */
    enum Change {
        NEW("posting.new"),
        UPDATED("posting.updated"),
        CLOSED("posting.closed"),
        REOPENED("posting.reopened");

        private final String type;

        Change(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }
    }
}
