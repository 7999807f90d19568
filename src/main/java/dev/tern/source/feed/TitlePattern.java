package dev.tern.source.feed;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A feed's optional {@code titlePattern}: a regular expression with the named groups {@code title} (required),
 * {@code company} and {@code location}, for feeds that pack them into one title ("Acme: Data Intern (Berlin)").
 * A title that does not match as a whole is kept as it is.
 */
final class TitlePattern {

    static final String TITLE = "title";
    static final String COMPANY = "company";
    static final String LOCATION = "location";
    private static final Set<String> GROUPS = Set.of(TITLE, COMPANY, LOCATION);

    private TitlePattern() {}

    /** What is wrong with the pattern text, or empty when it compiles and has a {@code title} group. */
    static Optional<String> problem(String regex) {
        try {
            Set<String> groups = Pattern.compile(regex).namedGroups().keySet();
            if (!groups.contains(TITLE)) {
                return Optional.of("needs a named group (?<title>...) for the job title; it may also have"
                        + " (?<company>...) and (?<location>...)");
            }
            return groups.stream()
                    .filter(group -> !GROUPS.contains(group))
                    .findFirst()
                    .map(group -> "has a group named '" + group + "'; only title, company and location are read");
        } catch (PatternSyntaxException e) {
            return Optional.of(
                    "is not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    /** The compiled pattern, or null when there is none. */
    static Pattern compile(String regex) {
        return regex == null || regex.isBlank() ? null : Pattern.compile(regex.strip());
    }

    /** The parts of {@code title}: the whole title, no company and no location when it does not match. */
    static Parts split(String title, Pattern pattern) {
        if (pattern == null) {
            return new Parts(title, null, null);
        }
        Matcher matcher = pattern.matcher(title);
        if (!matcher.matches()) {
            return new Parts(title, null, null);
        }
        String matchedTitle = group(matcher, pattern, TITLE);
        return new Parts(
                matchedTitle == null ? title : matchedTitle,
                group(matcher, pattern, COMPANY),
                group(matcher, pattern, LOCATION));
    }

    private static String group(Matcher matcher, Pattern pattern, String name) {
        if (!pattern.namedGroups().containsKey(name)) {
            return null;
        }
        String value = matcher.group(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A title split into what the pattern found. */
    record Parts(String title, String company, String location) {}
}
