package dev.tern.store;

import java.time.Instant;

/**
 * A posting's appearance or closing, as the postings table remembers it (when it was first seen, when it closed).
 *
 * @param kind what happened
 * @param at when
 * @param sourceId the source that listed it
 * @param company the company
 * @param title the title, as the source wrote it
 * @param url the link
 */
public record PostingActivity(Kind kind, Instant at, String sourceId, String company, String title, String url) {

    /** What happened to the posting. */
    public enum Kind {
        /** First seen (a seeding poll's postings included). */
        NEW,
        /** Closed and not reopened since. */
        CLOSED
    }
}
