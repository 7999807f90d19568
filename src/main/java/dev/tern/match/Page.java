package dev.tern.match;

import dev.tern.posting.Posting;
import java.util.List;

/**
 * One page of open postings matching a search, newest first.
 *
 * @param postings at most {@link SubscriptionService#PAGE_SIZE} postings
 * @param page this page's number, from 1 (a request past the end gets the last page)
 * @param pageCount how many pages there are; at least 1, even when nothing matches
 * @param total how many open postings match
 */
public record Page(List<Posting> postings, int page, int pageCount, int total) {

    public Page {
        postings = List.copyOf(postings);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pageCount;
    }
}
