package dev.tern.posting;

import dev.tern.config.Degree;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the degrees a posting accepts: from the title ("(BS/MS)", "BS/MS/PhD", "Undergraduate", "Master's", "PhD",
 * "Doctoral"), else from the source's own field (Simplify's "Bachelor's", "Master's", "PhD"), else from the
 * description. The title comes first because it is the posting's own, most specific word. Abbreviations such as
 * "MS" count only in a slash list, in parentheses or before "degree" or "student", so "MS Office" is no degree.
 */
public final class Degrees {

    private static final String ABBREVIATION =
            "b\\.?s\\.?c?|b\\.?a\\.?|b\\.?eng|m\\.?s\\.?c?|m\\.?eng|mba|ph\\.?\\s?d\\.?";
    private static final Pattern SLASHED = Pattern.compile(
            "(?<![\\w.])(?:" + ABBREVIATION + ")(?:\\s*/\\s*(?:" + ABBREVIATION + "))+(?!\\w)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKED = Pattern.compile(
            "\\(\\s*(" + ABBREVIATION + ")\\s*\\)|(?<![\\w.])(" + ABBREVIATION
                    + ")\\s+(?:degree|student|candidate|program)s?(?!\\w)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORDS = Pattern.compile(
            "(?<!\\w)(bachelor(?:'s|’s|s)?|undergrad(?:uate)?s?|master(?:'s|’s|s)|master of|mba"
                    + "|ph\\.?\\s?d\\.?|doctoral|doctorate)(?!\\w)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SLASH = Pattern.compile("\\s*/\\s*");

    private Degrees() {}

    /**
     * @param sourceField the degrees the source's own field names, empty when none
     * @param title the posting's title
     * @param description its plain-text description, or null
     * @return the accepted degrees, empty when nothing names one
     */
    public static Set<Degree> read(List<String> sourceField, String title, String description) {
        Set<Degree> fromTitle = fromText(title);
        if (!fromTitle.isEmpty()) {
            return fromTitle;
        }
        Set<Degree> fromSource = EnumSet.noneOf(Degree.class);
        sourceField.forEach(value -> fromSource.addAll(fromText(value)));
        return fromSource.isEmpty() ? fromText(description) : fromSource;
    }

    /** Every degree one text names. */
    static Set<Degree> fromText(String text) {
        Set<Degree> found = EnumSet.noneOf(Degree.class);
        if (text == null || text.isBlank()) {
            return found;
        }
        Matcher slashed = SLASHED.matcher(text);
        while (slashed.find()) {
            for (String part : SLASH.split(slashed.group())) {
                found.add(degree(part));
            }
        }
        Matcher marked = MARKED.matcher(text);
        while (marked.find()) {
            found.add(degree(marked.group(1) != null ? marked.group(1) : marked.group(2)));
        }
        Matcher words = WORDS.matcher(text);
        while (words.find()) {
            found.add(degree(words.group(1)));
        }
        return found;
    }

    /** By its first letter: B(achelor), U(ndergraduate) / M(aster) / P(hD), D(octoral). */
    private static Degree degree(String word) {
        return switch (Character.toLowerCase(word.strip().charAt(0))) {
            case 'b', 'u' -> Degree.BACHELOR;
            case 'm' -> Degree.MASTER;
            default -> Degree.PHD;
        };
    }

    /** The degrees as written, "bachelor, master"; for readable output. */
    public static String display(Set<Degree> degrees) {
        return String.join(", ", degrees.stream().map(Degree::value).toList());
    }
}
