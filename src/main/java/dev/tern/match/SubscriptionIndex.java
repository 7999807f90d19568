package dev.tern.match;

import dev.tern.posting.Posting;
import java.util.AbstractList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Finds the subscriptions a posting matches without running every filter. Every filter is taken apart into its
 * parts (company, start year, remote mode, category, sponsorship, degrees, places, keyword query), and each part is
 * kept as bitsets over the subscriptions' positions: those that leave the part open, and those filed under each
 * value they accept. A posting ANDs, part by part, the bitsets of its own values ({@link FactBits}, {@link
 * QueryBits}); only queries that are not one clause of alternatives run, on the subscriptions left. The result is
 * exactly what running every filter would give. Immutable; build a new one to refresh.
 */
public final class SubscriptionIndex {

    private final List<Subscription> all;
    private final FactBits facts = new FactBits();
    private final QueryBits queries = new QueryBits();

    private SubscriptionIndex(List<Subscription> all) {
        this.all = all;
        for (int i = 0; i < all.size(); i++) {
            Filter filter = Objects.requireNonNull(all.get(i).filter(), "subscription without a filter");
            facts.file(filter, i);
            queries.file(filter.query().orElse(null), i);
        }
        facts.seal(all.size());
        queries.seal(all.size());
    }

    /** Indexes the subscriptions; {@link #matching} returns them in this collection's order. */
    public static SubscriptionIndex of(Collection<Subscription> subscriptions) {
        return new SubscriptionIndex(List.copyOf(subscriptions));
    }

    /** Every subscription whose filter matches the posting, in the order they were given. */
    public List<Subscription> matching(Posting posting) {
        PostingFacts postingFacts = PostingFacts.of(posting);
        BitSet result = new BitSet(all.size());
        result.set(0, all.size());
        BitSet scratch = new BitSet(all.size());
        facts.narrow(postingFacts, result, scratch);
        queries.narrow(postingFacts.words(), result, scratch);
        return listed(result);
    }

    /**
     * The subscriptions at the positions set, in order, as a read-only view: a posting can match thousands, and
     * copying positions is cheaper than copying references.
     */
    private List<Subscription> listed(BitSet set) {
        int[] positions = new int[set.cardinality()];
        int next = 0;
        for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
            positions[next++] = i;
        }
        return new Positions(all, positions);
    }

    /** Subscriptions picked from the index's list by position. */
    private static final class Positions extends AbstractList<Subscription> implements RandomAccess {
        private final List<Subscription> all;
        private final int[] positions;

        Positions(List<Subscription> all, int[] positions) {
            this.all = all;
            this.positions = positions;
        }

        @Override
        public Subscription get(int index) {
            return all.get(positions[index]);
        }

        @Override
        public int size() {
            return positions.length;
        }
    }

    /** How many subscriptions' keyword queries run on candidates rather than being answered by bitsets, for tests. */
    int queriesRun() {
        return queries.run();
    }

    /** How many subscriptions are indexed. */
    public int size() {
        return all.size();
    }
}
