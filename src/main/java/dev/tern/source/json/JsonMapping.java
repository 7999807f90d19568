package dev.tern.source.json;

import com.fasterxml.jackson.core.JsonPointer;
import dev.tern.config.SourceConfig;
import dev.tern.config.SourceTypeSpec.Problem;
import dev.tern.source.web.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a JSON API keeps its postings: {@code items} points at the array (empty for a top-level array) and each of
 * {@code fields} points into one item. {@code id} and {@code title} are required.
 *
 * @param items the JSON pointer of the array
 * @param fields the JSON pointer of each field, by field name
 */
record JsonMapping(JsonPointer items, Map<String, JsonPointer> fields) {

    static final String ITEMS = "items";
    static final String FIELDS = "fields";
    static final String ID = "id";
    static final String TITLE = "title";
    static final Set<String> FIELD_NAMES =
            Set.of(ID, TITLE, "url", "company", "location", "postedAt", "employmentType");

    /** The mapping of a source already checked by {@link #problems}. */
    static JsonMapping of(SourceConfig source) {
        Map<String, JsonPointer> fields = new LinkedHashMap<>();
        Settings.map(source, FIELDS).forEach((name, pointer) -> fields.put(name, JsonPointer.compile(pointer)));
        return new JsonMapping(JsonPointer.compile(source.setting(ITEMS).orElse("")), Map.copyOf(fields));
    }

    /** The pointer of a field, or null when the mapping does not read it. */
    JsonPointer field(String name) {
        return fields.get(name);
    }

    /** Everything wrong with {@code items} and {@code fields}, each problem naming its key. */
    static List<Problem> problems(SourceConfig source) {
        List<Problem> problems = new ArrayList<>();
        source.setting(ITEMS).ifPresent(items -> pointerProblem(ITEMS, items, problems));
        Map<String, String> fields;
        try {
            fields = Settings.map(source, FIELDS);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(
                    FIELDS, "must be a map of field names to JSON pointers, e.g. {id: /id, title:" + " /name}"));
            return problems;
        }
        for (String required : List.of(ID, TITLE)) {
            if (!fields.containsKey(required)) {
                problems.add(new Problem(
                        FIELDS + "." + required,
                        "is required: the JSON pointer of the posting's " + required + " inside each item, e.g. /"
                                + required));
            }
        }
        fields.forEach((name, pointer) -> {
            if (!FIELD_NAMES.contains(name)) {
                problems.add(new Problem(
                        FIELDS + "." + name,
                        "is not a field Tern reads; use id, title, url,"
                                + " company, location, postedAt, employmentType"));
            } else {
                pointerProblem(FIELDS + "." + name, pointer, problems);
            }
        });
        return problems;
    }

    private static void pointerProblem(String key, String pointer, List<Problem> problems) {
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(
                    key,
                    "is not a JSON pointer ('" + pointer + "'): it must start with '/', like"
                            + " /data/jobs or /id (use '' for the whole document)"));
        }
    }
}
