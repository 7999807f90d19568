package dev.tern.match;

import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.FilterConfig;
import dev.tern.config.Sponsorship;
import dev.tern.posting.Posting;
import java.util.BitSet;

/**
 * Every part of the filters except the keyword query, as bitsets over subscription positions: a posting narrows the
 * set of all subscriptions to those whose company, excluded companies, start year, remote mode, category,
 * sponsorship, degrees and places all accept it. Exact: a subscription kept here passes each of those parts of
 * {@link Filter#matches}, and one dropped fails one of them.
 */
final class FactBits {

    private final Choice<String> companies = new Choice<>();
    private final Buckets<String> excludedCompanies = new Buckets<>();
    private final Choice<Integer> startYears = new Choice<>();
    private final BitSet remoteOnly = new BitSet();
    private final BitSet remoteExcluded = new BitSet();
    private final Choice<Category> categories = new Choice<>();
    private final Choice<Sponsorship> sponsorship = new Choice<>();
    private final Choice<Degree> degrees = new Choice<>();
    private final Choice<String> places = new Choice<>();

    /** Files the filter at {@code position}; a null key in a part stands for "the posting does not say". */
    void file(Filter filter, int position) {
        FilterConfig config = filter.config();
        fileAll(companies, filter.companies(), position);
        filter.excludedCompanies().forEach(company -> excludedCompanies.file(company, position));
        fileAll(startYears, filter.startYears(), position);
        if (!filter.startYears().isEmpty() && config.includeUnknownYear()) {
            startYears.accept(null, position);
        }
        switch (config.remote()) {
            case ANY -> {}
            case ONLY -> remoteOnly.set(position);
            case EXCLUDE -> remoteExcluded.set(position);
        }
        fileAll(categories, filter.categories(), position);
        fileAll(sponsorship, filter.sponsorship(), position);
        fileAll(degrees, filter.degrees(), position);
        if (!filter.degrees().isEmpty() && config.includeUnknownDegree()) {
            degrees.accept(null, position);
        }
        if (filter.locations().isEmpty()) {
            places.open(position);
        }
        filter.locations().forEach(rule -> places.accept(rule.indexKey(), position));
    }

    void seal(int size) {
        companies.seal(size);
        excludedCompanies.seal(size);
        startYears.seal(size);
        categories.seal(size);
        sponsorship.seal(size);
        degrees.seal(size);
        places.seal(size);
    }

    /** Keeps in {@code result} only the subscriptions whose every part but the query accepts the posting. */
    void narrow(PostingFacts facts, BitSet result, BitSet scratch) {
        Posting posting = facts.posting();
        companies.narrow(facts.company(), result, scratch);
        scratch.clear();
        excludedCompanies.mark(facts.company(), scratch);
        result.andNot(scratch);
        startYears.narrow(posting.startYear(), result, scratch);
        result.andNot(facts.remote() ? remoteExcluded : remoteOnly);
        // A posting stored before categories were read has none, and passes no category list.
        categories.narrow(posting.category(), result, scratch);
        sponsorship.narrow(posting.sponsorship(), result, scratch);
        if (posting.degrees().isEmpty()) {
            degrees.narrow((Degree) null, result, scratch);
        } else {
            degrees.narrow(posting.degrees(), result, scratch);
        }
        places.narrow(facts.placeIndexKeys(), result, scratch);
    }

    private static <K> void fileAll(Choice<K> choice, java.util.Collection<K> accepted, int position) {
        if (accepted.isEmpty()) {
            choice.open(position);
        }
        accepted.forEach(value -> choice.accept(value, position));
    }
}
