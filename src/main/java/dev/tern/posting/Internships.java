package dev.tern.posting;

import java.util.List;
import java.util.Locale;

/**
 * Classifies postings as internships by whole words in the title or employment type: intern, internship, co-op,
 * placement, apprentice(ship), summer analyst or associate, working student, student program. "Internal",
 * "International" and "Internet" are not internships.
 */
public final class Internships {

    /** Whole words or phrases (single-spaced, lower case); each also counts with a plural "s". */
    private static final List<String> WORDS = List.of(
            "intern",
            "internship",
            "co-op",
            "coop",
            "co op",
            "placement",
            "apprentice",
            "apprenticeship",
            "summer analyst",
            "summer associate",
            "working student",
            "werkstudent",
            "werkstudentin",
            "student program",
            "praktikum",
            "praktikant",
            "praktikantin");

    private Internships() {}

    /** Whether the title or the employment type ("Intern", "INTERNSHIP") marks an internship; nulls are fine. */
    public static boolean isInternship(String title, String employmentType) {
        return mentions(title) || mentions(employmentType);
    }

    // Plain indexOf with word-boundary checks: this runs on every posting of every poll, and is several times
    // faster than one big case-insensitive alternation.
    private static boolean mentions(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        String lower = Text.clean(text).toLowerCase(Locale.ROOT);
        for (String word : WORDS) {
            for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
                if (isWholeWord(lower, at, word.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isWholeWord(String text, int start, int length) {
        int end = start + length;
        if (end < text.length() && text.charAt(end) == 's') {
            end++;
        }
        return !isWordChar(text, start - 1) && !isWordChar(text, end);
    }

    private static boolean isWordChar(String text, int index) {
        return index >= 0 && index < text.length() && Character.isLetterOrDigit(text.charAt(index));
    }
}
