package dev.tern.posting;

import dev.tern.config.Category;
import dev.tern.config.Degree;
import dev.tern.config.Sponsorship;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a posting says about its kind, degrees and sponsorship, in words for people: "Data/ML · Bachelor's,
 * Master's · Sponsors visas". What is not known (and the category "other") is left out. Plain text, no markup.
 */
public final class FactsText {

    private static final String SEPARATOR = " · ";
    private static final Map<Category, String> CATEGORIES = Map.of(
            Category.SOFTWARE, "Software",
            Category.DATA_ML, "Data/ML",
            Category.QUANT, "Quant",
            Category.HARDWARE, "Hardware",
            Category.PRODUCT, "Product",
            Category.DESIGN, "Design",
            Category.BUSINESS, "Business");
    private static final Map<Degree, String> DEGREES =
            Map.of(Degree.BACHELOR, "Bachelor's", Degree.MASTER, "Master's", Degree.PHD, "PhD");
    private static final Map<Sponsorship, String> SPONSORSHIP = Map.of(
            Sponsorship.OFFERED, "Sponsors visas",
            Sponsorship.NONE, "No visa sponsorship",
            Sponsorship.CITIZENS, "Citizenship or clearance required");

    private FactsText() {}

    /** The known facts joined by " · "; empty when none is known. */
    public static String of(Posting posting) {
        List<String> parts = new ArrayList<>();
        if (posting.category() != null && CATEGORIES.containsKey(posting.category())) {
            parts.add(CATEGORIES.get(posting.category()));
        }
        if (!posting.degrees().isEmpty()) {
            parts.add(String.join(
                    ", ", posting.degrees().stream().map(DEGREES::get).toList()));
        }
        if (SPONSORSHIP.containsKey(posting.sponsorship())) {
            parts.add(SPONSORSHIP.get(posting.sponsorship()));
        }
        return String.join(SEPARATOR, parts);
    }
}
