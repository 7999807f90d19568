package dev.tern.posting;

import dev.tern.config.Sponsorship;
import java.util.regex.Pattern;

/**
 * Reads what a posting says about visa sponsorship: the source's own field first (Simplify's "Offers Sponsorship",
 * "Does Not Offer Sponsorship", "U.S. Citizenship is Required"; "Other" says nothing), else clear phrases in the
 * title, else in the description. Citizenship or a security clearance outranks "no sponsorship", which outranks an
 * offer, so "no visa sponsorship; U.S. citizenship required" is {@link Sponsorship#CITIZENS}.
 */
public final class Sponsorships {

    private static final Pattern CITIZENS = Pattern.compile(" (?:"
            + "us citizenship (?:is )?required"
            + "|(?:requires?|requiring) us citizenship"
            + "|must (?:be|hold) (?:an? )?us citizen(?:s|ship)?"
            + "|us citizens? only|only us citizens"
            + "|(?:security )?clearance (?:is )?required"
            + "|requires? (?:an? )?(?:active )?(?:security|secret|top secret) clearance"
            + "|must (?:have|hold|possess|be able to obtain|obtain) (?:and maintain )?(?:an? )?(?:active )?"
            + "(?:us )?(?:government )?(?:security|secret|top secret) clearance"
            + "|active (?:security|secret|top secret|ts sci) clearance"
            + ") ");
    private static final Pattern NONE = Pattern.compile(" (?:"
            + "no (?:visa |immigration |work visa )?sponsorship"
            + "|(?:unable|not able|not eligible) to (?:provide |offer )?(?:visa )?sponsor(?:ship)?"
            + "|(?:cannot|can not|can t|will not|won t|do not|does not|don t|doesn t|not) (?:currently )?"
            + "(?:offer |provide )?(?:visa |immigration )?sponsor(?:ship)?"
            + "|(?:visa )?sponsorship (?:is |will )?not (?:be )?(?:available|offered|provided)"
            + "|without (?:the need for )?(?:visa |employer )?sponsorship"
            + ") ");
    private static final Pattern OFFERED = Pattern.compile(" (?:"
            + "offers? (?:visa )?sponsorship"
            + "|(?:visa )?sponsorship (?:is )?(?:available|offered|provided)"
            + "|(?:will|we|can) sponsor"
            + ") ");
    private static final String[] HINTS = {"sponsor", "citizen", "clearance"};

    private Sponsorships() {}

    /**
     * @param sourceField the source's own sponsorship value, or null
     * @param title the posting's title
     * @param description its plain-text description, or null
     */
    public static Sponsorship read(String sourceField, String title, String description) {
        Sponsorship stated = fromText(sourceField);
        if (stated == Sponsorship.UNKNOWN) {
            stated = fromText(title);
        }
        return stated == Sponsorship.UNKNOWN ? fromText(description) : stated;
    }

    /** What one text says, or UNKNOWN. */
    static Sponsorship fromText(String text) {
        if (text == null || text.isBlank() || !Text.containsAny(text.toLowerCase(java.util.Locale.ROOT), HINTS)) {
            return Sponsorship.UNKNOWN;
        }
        String searchable = Phrases.of(text);
        if (CITIZENS.matcher(searchable).find()) {
            return Sponsorship.CITIZENS;
        }
        if (NONE.matcher(searchable).find()) {
            return Sponsorship.NONE;
        }
        return OFFERED.matcher(searchable).find() ? Sponsorship.OFFERED : Sponsorship.UNKNOWN;
    }
}
