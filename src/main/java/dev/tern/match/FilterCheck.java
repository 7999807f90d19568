package dev.tern.match;

import dev.tern.config.FilterConfig;
import dev.tern.posting.Places;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks a filter built from slash-command options before it is stored or searched: the keyword query parses,
 * start years and names are in range, and locations are places Tern knows (or that open postings name). Each
 * problem names the option, says what is wrong and gives a value that works.
 */
final class FilterCheck {

    static final int MAX_COMPANY_LENGTH = 100;
    static final int MAX_LOCATION_LENGTH = 100;
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    static final int MAX_SUGGESTIONS = 3;

    private static final String KEYWORDS_EXAMPLE = "\"machine learning\" OR ml -senior";
    private static final String LOCATION_EXAMPLE = "Singapore";
    private static final String COMPANY_EXAMPLE = "Stripe";

    private final Clock clock;
    private final Supplier<Set<String>> postingPlaces;

    /** @param postingPlaces the normalised place names of open postings, asked for only when a place is unknown */
    FilterCheck(Clock clock, Supplier<Set<String>> postingPlaces) {
        this.clock = clock;
        this.postingPlaces = postingPlaces;
    }

    /** The filter with its text trimmed and blank parts dropped, as it is stored and described. */
    static FilterConfig cleaned(FilterConfig filter) {
        String keywords = filter.keywords() == null || filter.keywords().isBlank()
                ? null
                : filter.keywords().strip();
        return new FilterConfig(
                keywords,
                stripped(filter.locations()),
                filter.startYears().stream().distinct().toList(),
                stripped(filter.companies()),
                stripped(filter.excludeCompanies()),
                filter.remote(),
                filter.includeUnknownYear(),
                filter.sponsorship().stream().distinct().toList(),
                filter.degrees().stream().distinct().toList(),
                filter.includeUnknownDegree(),
                filter.categories().stream().distinct().toList());
    }

    /** What is wrong with a cleaned filter, if anything; {@code needAPart} refuses a filter that accepts all. */
    Optional<SubscribeResult.Invalid> problem(FilterConfig filter, boolean needAPart) {
        if (needAPart && hasNoPart(filter)) {
            return invalid(
                    "filter",
                    "give at least one of keywords, location, start_year, company, remote, sponsorship, degree or"
                            + " category",
                    "keywords: software intern");
        }
        return keywords(filter.keywords())
                .or(() -> years(filter.startYears()))
                .or(() -> companies(filter.companies()))
                .or(() -> companies(filter.excludeCompanies()))
                .or(() -> locations(filter.locations()));
    }

    private Optional<SubscribeResult.Invalid> keywords(String keywords) {
        if (keywords == null) {
            return Optional.empty();
        }
        try {
            Query.parse(keywords);
            return Optional.empty();
        } catch (QueryException e) {
            return invalid("keywords", e.getMessage(), KEYWORDS_EXAMPLE);
        }
    }

    private Optional<SubscribeResult.Invalid> years(List<Integer> years) {
        String example = String.valueOf(clock.instant().atZone(ZoneOffset.UTC).getYear() + 1);
        return years.stream()
                .filter(year -> year < MIN_YEAR || year > MAX_YEAR)
                .findFirst()
                .flatMap(year -> invalid(
                        "start_year",
                        year + " is not a start year; use a year from " + MIN_YEAR + " to " + MAX_YEAR,
                        example));
    }

    private static Optional<SubscribeResult.Invalid> companies(List<String> companies) {
        return companies.stream()
                .filter(company -> company.length() > MAX_COMPANY_LENGTH)
                .findFirst()
                .flatMap(company -> invalid(
                        "company",
                        "the company name is " + company.length() + " characters long; the limit is "
                                + MAX_COMPANY_LENGTH,
                        COMPANY_EXAMPLE));
    }

    private Optional<SubscribeResult.Invalid> locations(List<String> locations) {
        for (String location : locations) {
            if (location.length() > MAX_LOCATION_LENGTH) {
                return invalid(
                        "location",
                        "the location is " + location.length() + " characters long; the limit is "
                                + MAX_LOCATION_LENGTH,
                        LOCATION_EXAMPLE);
            }
            if (!Places.isKnown(location) && !postingPlaces.get().contains(PostingFacts.normalize(location))) {
                return Optional.of(unknownPlace(location));
            }
        }
        return Optional.empty();
    }

    private static SubscribeResult.Invalid unknownPlace(String location) {
        List<String> suggestions = Places.suggestions(location, MAX_SUGGESTIONS);
        String problem = "'" + location + "' is not a place Tern knows"
                + (suggestions.isEmpty()
                        ? "; use a city, state, country or Remote"
                        : "; did you mean " + String.join(", ", suggestions) + "?");
        String example = suggestions.isEmpty() ? LOCATION_EXAMPLE : suggestions.getFirst();
        return new SubscribeResult.Invalid("location", problem, example, suggestions);
    }

    private static boolean hasNoPart(FilterConfig filter) {
        return filter.keywords() == null
                && filter.locations().isEmpty()
                && filter.startYears().isEmpty()
                && filter.companies().isEmpty()
                && filter.excludeCompanies().isEmpty()
                && filter.remote() == FilterConfig.RemoteMode.ANY
                && filter.sponsorship().isEmpty()
                && filter.degrees().isEmpty()
                && filter.categories().isEmpty();
    }

    private static Optional<SubscribeResult.Invalid> invalid(String option, String problem, String example) {
        return Optional.of(new SubscribeResult.Invalid(option, problem, example, List.of()));
    }

    private static List<String> stripped(List<String> texts) {
        return texts.stream()
                .filter(text -> text != null && !text.isBlank())
                .map(String::strip)
                .distinct()
                .toList();
    }
}
