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
     * @param postings every posting the source lists now
     * @param tags validators to send next time
     */
    record Fetched(List<RawPosting> postings, CacheTags tags) implements FetchResult {
        public Fetched {
            postings = List.copyOf(postings);
            tags = tags == null ? CacheTags.NONE : tags;
        }
    }
}
