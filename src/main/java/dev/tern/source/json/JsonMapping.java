package dev.tern.source.json;

import com.fasterxml.jackson.core.JsonPointer;
import dev.tern.config.SourceConfig;
import dev.tern.config.SourceTypeSpec.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a JSON API keeps its postings: {@code items} points at the array (empty for a top-level array) and each of
 * {@code fields} points into one item. {@code id} and {@code title} are required; {@code location} and
 * {@code description} may be a list of pointers (joined into one value), {@code url} a {@link UrlTemplate}.
 *
 * @param items the JSON pointer of the array
 * @param fields the JSON pointers of each field, by field name (one, or several for a list)
 * @param url the template of the posting link, or null when {@code fields.url} is a pointer or absent
 */
record JsonMapping(JsonPointer items, Map<String, List<JsonPointer>> fields, UrlTemplate url) {

    static final String ITEMS = "items";
    static final String FIELDS = "fields";
    static final String ID = "id";
    static final String TITLE = "title";
    static final String URL = "url";
    static final String LOCATION = "location";
    static final String DESCRIPTION = "description";
    static final Set<String> FIELD_NAMES =
            Set.of(ID, TITLE, URL, "company", LOCATION, "postedAt", "employmentType", DESCRIPTION);
    private static final Set<String> LISTS = Set.of(LOCATION, DESCRIPTION);
    private static final String NAMES = "id, title, url, company, location, postedAt, employmentType, description";

    /** The mapping of a source already checked by {@link #problems}. */
    static JsonMapping of(SourceConfig source) {
        Map<String, List<JsonPointer>> fields = new LinkedHashMap<>();
        UrlTemplate url = null;
        for (Map.Entry<?, ?> field : raw(source).entrySet()) {
            String name = String.valueOf(field.getKey());
            if (name.equals(URL) && field.getValue() instanceof String text && UrlTemplate.isTemplate(text)) {
                url = UrlTemplate.parse(text);
            } else if (field.getValue() != null) {
                fields.put(name, pointers(field.getValue()));
            }
        }
        return new JsonMapping(JsonPointer.compile(source.setting(ITEMS).orElse("")), Map.copyOf(fields), url);
    }

    /** The pointers of a field: none when the mapping does not read it. */
    List<JsonPointer> field(String name) {
        return fields.getOrDefault(name, List.of());
    }

    /** Everything wrong with {@code items} and {@code fields}, each problem naming its key. */
    static List<Problem> problems(SourceConfig source) {
        List<Problem> problems = new ArrayList<>();
        source.setting(ITEMS).ifPresent(items -> JsonPointers.check(ITEMS, items, problems));
        if (!(source.settings().get(FIELDS) instanceof Map<?, ?> fields)) {
            problems.add(
                    new Problem(FIELDS, "must be a map of field names to JSON pointers, e.g. {id: /id, title: /name}"));
            return problems;
        }
        for (String required : List.of(ID, TITLE)) {
            if (fields.get(required) == null) {
                problems.add(new Problem(
                        FIELDS + "." + required,
                        "is required: the JSON pointer of the posting's " + required + " inside each item, e.g. /"
                                + required));
            }
        }
        fields.forEach((name, value) -> fieldProblems(String.valueOf(name), value, problems));
        return problems;
    }

    private static void fieldProblems(String name, Object value, List<Problem> problems) {
        String key = FIELDS + "." + name;
        if (!FIELD_NAMES.contains(name)) {
            problems.add(new Problem(key, "is not a field Tern reads; use " + NAMES));
        } else if (value instanceof List<?> list) {
            listProblems(name, list, problems);
        } else if (value instanceof String text && name.equals(URL) && UrlTemplate.isTemplate(text)) {
            try {
                UrlTemplate.parse(text);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(key, e.getMessage()));
            }
        } else if (value instanceof String text) {
            JsonPointers.check(key, text, problems);
        } else if (value != null) {
            problems.add(new Problem(key, "must be a JSON pointer such as /" + name));
        }
    }

    private static void listProblems(String name, List<?> list, List<Problem> problems) {
        String key = FIELDS + "." + name;
        if (!LISTS.contains(name)) {
            problems.add(new Problem(
                    key,
                    "must be one JSON pointer such as /" + name
                            + "; only location and description take a list of pointers"));
        } else if (list.isEmpty()) {
            problems.add(new Problem(
                    key, "is an empty list; give the JSON pointers of the parts, e.g." + " [/city, /country]"));
        } else {
            for (int i = 0; i < list.size(); i++) {
                JsonPointers.check(key + "[" + i + "]", String.valueOf(list.get(i)), problems);
            }
        }
    }

    private static List<JsonPointer> pointers(Object value) {
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(p -> JsonPointer.compile(String.valueOf(p)))
                    .toList();
        }
        return List.of(JsonPointer.compile(String.valueOf(value)));
    }

    private static Map<?, ?> raw(SourceConfig source) {
        return source.settings().get(FIELDS) instanceof Map<?, ?> map ? map : Map.of();
    }
}
