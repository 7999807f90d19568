package dev.tern.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.posting.Posting;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Not a timed assertion: prints how long indexing and matching take at the scale the Discord issue expects. */
@Tag("benchmark")
final class SubscriptionIndexBenchmarkTest {

    private static final int SUBSCRIPTIONS = 10_000;
    private static final int POSTINGS = 15_000;
    private static final int SCANNED_POSTINGS = 1_000;
    private static final int EXTRA_NAMES = 300;
    private static final long NANOS_PER_MILLI = 1_000_000L;

    @Test
    void matchesFifteenThousandPostingsAgainstTenThousandSubscriptions() throws QueryException {
        RandomSubscriptions random = new RandomSubscriptions(1L, EXTRA_NAMES);
        List<Subscription> subscriptions = random.subscriptions(SUBSCRIPTIONS);
        List<Posting> postings = random.postings(POSTINGS);

        long start = System.nanoTime();
        SubscriptionIndex index = SubscriptionIndex.of(subscriptions);
        long indexed = System.nanoTime();
        long matches = 0;
        for (Posting posting : postings) {
            matches += index.matching(posting).size();
        }
        long matched = System.nanoTime();
        long indexMatches = 0;
        for (Posting posting : postings.subList(0, SCANNED_POSTINGS)) {
            indexMatches += index.matching(posting).size();
        }
        long rematched = System.nanoTime();
        long scanMatches = 0;
        for (Posting posting : postings.subList(0, SCANNED_POSTINGS)) {
            PostingFacts facts = PostingFacts.of(posting);
            scanMatches += subscriptions.stream()
                    .filter(s -> s.filter().matches(facts))
                    .count();
        }
        long scanned = System.nanoTime();

        System.out.printf(
                "index of %d subscriptions built in %d ms; %d postings matched in %d ms (%d matches);"
                        + " the first %d postings took %d ms with the index and %d ms scanning every filter%n",
                SUBSCRIPTIONS,
                (indexed - start) / NANOS_PER_MILLI,
                POSTINGS,
                (matched - indexed) / NANOS_PER_MILLI,
                matches,
                SCANNED_POSTINGS,
                (rematched - matched) / NANOS_PER_MILLI,
                (scanned - rematched) / NANOS_PER_MILLI);
        assertThat(indexMatches).isEqualTo(scanMatches);
    }
}
