package dev.tern.posting;

import java.util.regex.Pattern;

/**
 * Classifies postings as internships by whole words in the title or employment type: intern, internship, co-op,
 * placement, apprentice(ship), summer analyst or associate, working student, student program. "Internal",
 * "International" and "Internet" are not internships.
 */
public final class Internships {

    private static final Pattern INTERNSHIP_WORDS = Pattern.compile(
            "(?<!\\w)(?:interns?|internships?|co-?ops?|placements?|apprentices?|apprenticeships?"
                    + "|summer\\s+(?:analysts?|associates?)|working\\s+students?|werkstudent(?:in)?"
                    + "|student\\s+programs?|praktikum|praktikant(?:in)?)(?!\\w)",
            Pattern.CASE_INSENSITIVE);

    private Internships() {}

    /** Whether the title or the employment type ("Intern", "INTERNSHIP") marks an internship; nulls are fine. */
    public static boolean isInternship(String title, String employmentType) {
        return mentions(title) || mentions(employmentType);
    }

    private static boolean mentions(String text) {
        return text != null && !text.isEmpty() && INTERNSHIP_WORDS.matcher(text).find();
    }
}
