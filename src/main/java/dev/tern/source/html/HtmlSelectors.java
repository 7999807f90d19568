package dev.tern.source.html;

import dev.tern.config.SourceTypeSpec.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code selectors} of an html source: {@code item} picks each posting on the page, the others are relative to
 * it. {@code item} and {@code title} are required, {@code link} defaults to {@code a@href}.
 */
record HtmlSelectors(
        String item,
        FieldSelector title,
        FieldSelector link,
        FieldSelector location,
        FieldSelector company,
        FieldSelector posted) {

    static final String KEY = "selectors";
    static final String ITEM = "item";
    static final String TITLE = "title";
    static final String LINK = "link";
    static final String DEFAULT_LINK = "a@href";
    private static final Set<String> NAMES = Set.of(ITEM, TITLE, LINK, "location", "company", "posted");

    /** The selectors of a map already checked by {@link #problems}. */
    static HtmlSelectors of(Map<String, String> map) {
        return new HtmlSelectors(
                map.get(ITEM).strip(),
                FieldSelector.parse(map.get(TITLE)),
                FieldSelector.parse(map.getOrDefault(LINK, DEFAULT_LINK)),
                optional(map.get("location")),
                optional(map.get("company")),
                optional(map.get("posted")));
    }

    /** Everything wrong with the map, each problem naming its key ({@code selectors.title}). */
    static List<Problem> problems(Map<String, String> map) {
        List<Problem> problems = new ArrayList<>();
        for (String required : List.of(ITEM, TITLE)) {
            if (map.get(required) == null || map.get(required).isBlank()) {
                problems.add(new Problem(KEY + "." + required, "is required: " + describe(required)));
            }
        }
        map.forEach((name, value) -> {
            if (!NAMES.contains(name)) {
                problems.add(new Problem(
                        KEY + "." + name,
                        "is not a selector Tern reads; use item, title, link, location, company," + " posted"));
            } else if (name.equals(ITEM) && FieldSelector.parse(value).attribute() != null) {
                problems.add(new Problem(KEY + "." + name, "picks elements, so it takes no @attribute"));
            } else if (!value.isBlank()) {
                FieldSelector.problem(value).ifPresent(p -> problems.add(new Problem(KEY + "." + name, p)));
            }
        });
        return problems;
    }

    private static String describe(String name) {
        return name.equals(ITEM)
                ? "the CSS selector matching each posting on the page, e.g. 'div.job'"
                : "the CSS selector of the title inside each item, e.g. 'h2'";
    }

    private static FieldSelector optional(String text) {
        return text == null || text.isBlank() ? null : FieldSelector.parse(text);
    }
}
