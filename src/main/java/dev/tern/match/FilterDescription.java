package dev.tern.match;

import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.FilterConfig;
import dev.tern.config.Sponsorship;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A filter in words, for replies and lists: {@code keywords "machine learning" or ml, and not senior; in
 * Singapore or Remote; starting 2027; remote only}. Plain text, no markup.
 */
public final class FilterDescription {

    private static final String TITLE_HAS = "title has ";
    private static final String TITLE_HAS_NOT = "title does not have ";

    private FilterDescription() {}

    /** The filter's parts in words, separated by semicolons; "every posting" when it has none. */
    public static String describe(FilterConfig filter) {
        List<String> parts = new ArrayList<>();
        if (filter.keywords() != null && !filter.keywords().isBlank()) {
            parts.add(keywords(filter.keywords()));
        }
        if (!filter.locations().isEmpty()) {
            parts.add("in " + or(filter.locations()));
        }
        if (!filter.startYears().isEmpty()) {
            parts.add("starting "
                    + or(filter.startYears().stream().map(String::valueOf).toList()));
        }
        if (!filter.companies().isEmpty()) {
            parts.add("at " + or(filter.companies()));
        }
        if (!filter.excludeCompanies().isEmpty()) {
            parts.add("not at " + or(filter.excludeCompanies()));
        }
        switch (filter.remote()) {
            case ONLY -> parts.add("remote only");
            case EXCLUDE -> parts.add("not remote");
            case ANY -> {}
        }
        if (!filter.sponsorship().isEmpty()) {
            parts.add("sponsorship "
                    + or(filter.sponsorship().stream().map(Sponsorship::value).toList()));
        }
        if (!filter.degrees().isEmpty()) {
            parts.add("for " + or(filter.degrees().stream().map(Degree::value).toList())
                    + (filter.includeUnknownDegree() ? " (or degree not stated)" : ""));
        }
        if (!filter.categories().isEmpty()) {
            parts.add(
                    "in " + or(filter.categories().stream().map(Category::value).toList()) + " roles");
        }
        return parts.isEmpty() ? "every posting" : String.join("; ", parts);
    }

    private static String keywords(String text) {
        try {
            String described = Query.parse(text).describe();
            if (described.startsWith(TITLE_HAS)) {
                return "keywords " + described.substring(TITLE_HAS.length());
            }
            if (described.startsWith(TITLE_HAS_NOT)) {
                return "keywords not " + described.substring(TITLE_HAS_NOT.length());
            }
            return "keywords " + described;
        } catch (QueryException e) {
            return "keywords " + text.strip();
        }
    }

    private static String or(List<String> items) {
        if (items.size() == 1) {
            return items.getFirst();
        }
        return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", ")) + " or " + items.getLast();
    }
}
