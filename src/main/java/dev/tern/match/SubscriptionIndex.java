package dev.tern.match;

import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.Sponsorship;
import dev.tern.posting.Posting;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the subscriptions a posting matches without running every filter. Each subscription is filed under its
 * most selective necessary condition: its companies, else its places, else one word its query requires, else its
 * categories, else its start years, else its sponsorship values, else its degrees, else a catch-all list. A posting
 * gathers the candidates filed under its company, places, words, category, start year, sponsorship and degrees
 * plus the catch-all, and only those run their full filter. Immutable; build a new one to refresh.
 */
public final class SubscriptionIndex {

    private static final Comparator<String> MOST_SELECTIVE_FIRST =
            Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder());

    private final List<Subscription> all;
    private final Buckets<String> byCompany = new Buckets<>();
    private final Buckets<String> byPlaceKey = new Buckets<>();
    private final Buckets<String> byPlaceName = new Buckets<>();
    private final Buckets<String> byWord = new Buckets<>();
    private final Buckets<Integer> byStartYear = new Buckets<>();
    private final BitSet unknownYear = new BitSet();
    private final Buckets<Category> byCategory = new Buckets<>();
    private final Buckets<Sponsorship> bySponsorship = new Buckets<>();
    private final Buckets<Degree> byDegree = new Buckets<>();
    private final BitSet unknownDegree = new BitSet();
    private final BitSet catchAll = new BitSet();

    private SubscriptionIndex(List<Subscription> all) {
        this.all = all;
        for (int i = 0; i < all.size(); i++) {
            file(Objects.requireNonNull(all.get(i).filter(), "subscription without a filter"), i);
        }
    }

    /** Indexes the subscriptions; {@link #matching} returns them in this collection's order. */
    public static SubscriptionIndex of(Collection<Subscription> subscriptions) {
        return new SubscriptionIndex(List.copyOf(subscriptions));
    }

    /** Every subscription whose filter matches the posting, in the order they were given. */
    public List<Subscription> matching(Posting posting) {
        PostingFacts facts = PostingFacts.of(posting);
        BitSet candidates = candidates(facts);
        List<Subscription> matches = new ArrayList<>();
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            Subscription subscription = all.get(i);
            if (subscription.filter().matches(facts)) {
                matches.add(subscription);
            }
        }
        return matches;
    }

    /** How many subscriptions are indexed. */
    public int size() {
        return all.size();
    }

    /** How many subscriptions run their filter for every posting, for logs and tests. */
    int catchAllSize() {
        return catchAll.cardinality();
    }

    private void file(Filter filter, int position) {
        Set<String> requiredWords = filter.query().map(Query::requiredWords).orElse(Set.of());
        if (!filter.companies().isEmpty()) {
            filter.companies().forEach(company -> byCompany.file(company, position));
        } else if (!filter.locations().isEmpty()) {
            filter.locations().forEach(rule -> fileLocation(rule, position));
        } else if (!requiredWords.isEmpty()) {
            byWord.file(requiredWords.stream().min(MOST_SELECTIVE_FIRST).orElseThrow(), position);
        } else if (!filter.categories().isEmpty()) {
            filter.categories().forEach(category -> byCategory.file(category, position));
        } else if (!filter.startYears().isEmpty()) {
            filter.startYears().forEach(year -> byStartYear.file(year, position));
            if (filter.config().includeUnknownYear()) {
                unknownYear.set(position);
            }
        } else if (!filter.sponsorship().isEmpty()) {
            filter.sponsorship().forEach(value -> bySponsorship.file(value, position));
        } else if (!filter.degrees().isEmpty()) {
            filter.degrees().forEach(degree -> byDegree.file(degree, position));
            if (filter.config().includeUnknownDegree()) {
                unknownDegree.set(position);
            }
        } else {
            catchAll.set(position);
        }
    }

    private void fileLocation(LocationRule rule, int position) {
        switch (rule) {
            case LocationRule.Place place -> byPlaceKey.file(place.query().key(), position);
            case LocationRule.Named named -> byPlaceName.file(named.name(), position);
        }
    }

    private BitSet candidates(PostingFacts facts) {
        BitSet candidates = (BitSet) catchAll.clone();
        byCompany.mark(facts.company(), candidates);
        facts.placeKeys().forEach(key -> byPlaceKey.mark(key, candidates));
        facts.placeNames().forEach(name -> byPlaceName.mark(name, candidates));
        facts.words().distinct().forEach(word -> byWord.mark(word, candidates));
        Integer year = facts.posting().startYear();
        if (year == null) {
            candidates.or(unknownYear);
        } else {
            byStartYear.mark(year, candidates);
        }
        Posting posting = facts.posting();
        if (posting.category() != null) {
            byCategory.mark(posting.category(), candidates);
        }
        bySponsorship.mark(posting.sponsorship(), candidates);
        if (posting.degrees().isEmpty()) {
            candidates.or(unknownDegree);
        } else {
            posting.degrees().forEach(degree -> byDegree.mark(degree, candidates));
        }
        return candidates;
    }
}
