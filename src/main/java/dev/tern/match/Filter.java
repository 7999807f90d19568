package dev.tern.match;

import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.FilterConfig;
import dev.tern.config.Sponsorship;
import dev.tern.posting.Posting;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled {@link FilterConfig}: every part must pass (keywords, locations, start years, companies, excluded
 * companies, remote mode, sponsorship, degrees, categories); an empty part passes everything, and a list of
 * locations passes a posting at any one. A posting passes degrees when it accepts one of them, or names none and
 * {@code includeUnknownDegree} is on; a posting stored before categories were read passes no category list.
 */
public final class Filter {

    private final FilterConfig config;
    private final Query query;
    private final List<LocationRule> locations;
    private final Set<Integer> startYears;
    private final Set<String> companies;
    private final Set<String> excludedCompanies;
    private final Set<Sponsorship> sponsorship;
    private final Set<Degree> degrees;
    private final Set<Category> categories;

    private Filter(FilterConfig config, Query query) {
        this.config = config;
        this.query = query;
        this.locations = config.locations().stream().map(LocationRule::of).toList();
        this.startYears = Set.copyOf(config.startYears());
        this.companies = normalized(config.companies());
        this.excludedCompanies = normalized(config.excludeCompanies());
        this.sponsorship = enumSet(Sponsorship.class, config.sponsorship());
        this.degrees = enumSet(Degree.class, config.degrees());
        this.categories = enumSet(Category.class, config.categories());
    }

    /**
     * Compiles a filter; a malformed keyword query throws {@link QueryException} saying where. Blank keywords mean
     * any title; location names no place parser knows are compared with each location's city and raw text.
     */
    public static Filter of(FilterConfig config) throws QueryException {
        String keywords = config.keywords();
        Query query = keywords == null || keywords.isBlank() ? null : Query.parse(keywords);
        return new Filter(config, query);
    }

    /** The configuration this filter was compiled from. */
    public FilterConfig config() {
        return config;
    }

    /** The keyword query, when there is one. */
    public Optional<Query> query() {
        return Optional.ofNullable(query);
    }

    /** Whether the posting passes every part of the filter. */
    public boolean matches(Posting posting) {
        return matches(PostingFacts.of(posting));
    }

    boolean matches(PostingFacts facts) {
        return companyPasses(facts.company())
                && yearPasses(facts.posting().startYear())
                && remotePasses(facts.remote())
                && (categories.isEmpty() || categories.contains(facts.posting().category()))
                && (sponsorship.isEmpty()
                        || sponsorship.contains(facts.posting().sponsorship()))
                && degreePasses(facts.posting().degrees())
                && locationPasses(facts)
                && (query == null || query.matches(facts.words()));
    }

    private boolean companyPasses(String company) {
        return (companies.isEmpty() || companies.contains(company)) && !excludedCompanies.contains(company);
    }

    private boolean yearPasses(Integer year) {
        if (startYears.isEmpty()) {
            return true;
        }
        return year == null ? config.includeUnknownYear() : startYears.contains(year);
    }

    private boolean degreePasses(Set<Degree> accepted) {
        if (degrees.isEmpty()) {
            return true;
        }
        if (accepted.isEmpty()) {
            return config.includeUnknownDegree();
        }
        for (Degree degree : accepted) {
            if (degrees.contains(degree)) {
                return true;
            }
        }
        return false;
    }

    private boolean remotePasses(boolean remote) {
        return switch (config.remote()) {
            case ANY -> true;
            case ONLY -> remote;
            case EXCLUDE -> !remote;
        };
    }

    private boolean locationPasses(PostingFacts facts) {
        if (locations.isEmpty()) {
            return true;
        }
        for (LocationRule rule : locations) {
            if (rule.matches(facts)) {
                return true;
            }
        }
        return false;
    }

    Set<String> companies() {
        return companies;
    }

    List<LocationRule> locations() {
        return locations;
    }

    Set<String> excludedCompanies() {
        return excludedCompanies;
    }

    Set<Integer> startYears() {
        return startYears;
    }

    Set<Sponsorship> sponsorship() {
        return sponsorship;
    }

    Set<Degree> degrees() {
        return degrees;
    }

    Set<Category> categories() {
        return categories;
    }

    private static <E extends Enum<E>> Set<E> enumSet(Class<E> type, List<E> values) {
        return values.isEmpty() ? Set.of() : EnumSet.copyOf(values);
    }

    private static Set<String> normalized(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        names.stream()
                .map(PostingFacts::normalize)
                .filter(name -> !name.isEmpty())
                .forEach(out::add);
        return Set.copyOf(out);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Filter that && config.equals(that.config);
    }

    @Override
    public int hashCode() {
        return config.hashCode();
    }

    @Override
    public String toString() {
        return "Filter" + config;
    }
}
