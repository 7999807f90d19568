package dev.tern.source;

import dev.tern.posting.RawPosting;
import java.util.List;

/** What one fetch of a source gave: postings, or "not modified since last time". */
public sealed interface FetchResult {

    /** The source answered 304: nothing changed, nothing was parsed. */
    record NotModified() implements FetchResult {}

    /**
     * The source answered with content.
     *
     * @param postings every posting the source lists now (or, when not complete, some of them)
     * @param tags validators to send next time
     * @param complete false when the listing was cut short (page or link limits, robots.txt): a posting missing
     *     from it may still be listed, so it must not count as missing
     */
    record Fetched(List<RawPosting> postings, CacheTags tags, boolean complete) implements FetchResult {
        public Fetched {
            postings = List.copyOf(postings);
            tags = tags == null ? CacheTags.NONE : tags;
        }

        /** A complete listing. */
        public Fetched(List<RawPosting> postings, CacheTags tags) {
            this(postings, tags, true);
        }
    }
}
