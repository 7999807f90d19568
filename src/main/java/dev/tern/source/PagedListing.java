package dev.tern.source;

import dev.tern.posting.RawPosting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an API paged by a position (an offset counting items, or a page number) for at most {@value #MAX_PAGES}
 * pages. When the API states a total, paging goes on until that many items arrived (a page may hold fewer than was
 * asked) or a page is empty; without one, a page shorter than the size asked for is the last. A listing that ends
 * before its total, or at the page limit, is incomplete: what it does not list is not counted missing.
 */
public final class PagedListing {

    /** The most pages read per poll. */
    public static final int MAX_PAGES = 50;

    private static final Logger log = LoggerFactory.getLogger(PagedListing.class);

    private PagedListing() {}

    /**
     * One page as the API gave it.
     *
     * @param postings its postings
     * @param total the number of items the API says the whole listing holds, or -1 when it does not say
     */
    public record Page(List<RawPosting> postings, long total) {
        public Page {
            postings = List.copyOf(postings);
        }
    }

    /** Fetches and parses the page at a position. */
    @FunctionalInterface
    public interface PageReader {
        Page read(int position) throws FetchException, InterruptedException;
    }

    /**
     * How the API pages.
     *
     * @param start the first position
     * @param size the number of items asked for per page
     * @param byPage true when the position counts pages, false when it counts items
     * @param param what carries the position, for the message when the API ignores it ("offset", "paging.param")
     */
    public record Plan(int start, int size, boolean byPage, String param) {}

    /**
     * Reads every page.
     *
     * @param sourceId the source, for the log line when paging stops at the limit
     * @param where the API's redacted address, for messages
     * @throws FetchException when a page fails, or the API repeats the same items (it ignores the position)
     */
    public static FetchResult.Fetched read(String sourceId, String where, Plan plan, PageReader reader)
            throws FetchException, InterruptedException {
        Map<String, RawPosting> all = new LinkedHashMap<>();
        int position = plan.start();
        long total = -1;
        for (int number = 0; number < MAX_PAGES; number++) {
            Page page = reader.read(position);
            total = total < 0 ? page.total() : total;
            int before = all.size();
            page.postings().forEach(posting -> all.putIfAbsent(posting.externalId(), posting));
            if (page.postings().isEmpty()) {
                return ended(sourceId, all, total);
            }
            // repeats first: an API that ignores the position would otherwise reach its total with the same items
            if (all.size() == before) {
                throw new FetchException(where + " repeats the same items on every page (it ignores '" + plan.param()
                        + "'); not trusting a partial list");
            }
            if (total >= 0 ? all.size() >= total : page.postings().size() < plan.size()) {
                return new FetchResult.Fetched(List.copyOf(all.values()), CacheTags.NONE);
            }
            position = plan.byPage() ? position + 1 : position + page.postings().size();
        }
        log.warn(
                "source {}: stopped after {} pages of {} from {}; what was not read is not counted missing",
                sourceId,
                MAX_PAGES,
                plan.size(),
                where);
        return new FetchResult.Fetched(List.copyOf(all.values()), CacheTags.NONE, false);
    }

    private static FetchResult.Fetched ended(String sourceId, Map<String, RawPosting> all, long total) {
        boolean complete = total < 0 || all.size() >= total;
        if (!complete) {
            log.warn(
                    "source {}: the listing ended after {} of the {} items it counts; what was not read is not"
                            + " counted missing",
                    sourceId,
                    all.size(),
                    total);
        }
        return new FetchResult.Fetched(List.copyOf(all.values()), CacheTags.NONE, complete);
    }
}
